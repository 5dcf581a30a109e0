/**
 * Microsoft Entra ID sign-ins: the Graph `signIn` resource (JSON array, `{"value": [...]}` or
 * NDJSON) or an Azure Monitor diagnostic-setting export, whose `properties` hold the sign-in.
 * Service-principal and managed-identity sign-ins are skipped (not people). Identified by the
 * sign-in's `id`; success is `status.errorCode` 0.
 */
import { contentId } from '../../model/ids.js';
import type * as m from '../../model/index.js';
import { readJsonRecords } from '../stream/json.js';
import type { MapContext, MapResult, Source } from '../types.js';
import { RecordError } from '../types.js';
import { asObject, int, isoTime, num, obj, str } from './fields.js';

const NOT_PEOPLE = new Set(['ServicePrincipalSignInLogs', 'MicrosoftServicePrincipalSignInLogs', 'ManagedIdentitySignInLogs']);

export function mapEntra(value: unknown, ctx: MapContext): MapResult {
  const rec = asObject(value);
  // Azure Monitor wraps the sign-in in `properties`; Graph gives it as is.
  const diag = typeof rec.properties === 'object' && rec.properties !== null && !('createdDateTime' in rec);
  const p = diag ? obj(rec.properties) : rec;
  const category = str(rec.category);
  if (category && NOT_PEOPLE.has(category)) return { outputs: [], skipped: `not a user sign-in (${category})` };
  if (diag && category && !/SignInLogs$/.test(category)) return { outputs: [], skipped: `not a sign-in (${category})` };
  const occurred_at = isoTime(p.createdDateTime ?? rec.time, 'createdDateTime');
  const user = str(p.userPrincipalName);
  if (!user) throw new RecordError('missing userPrincipalName');
  const status = obj(p.status);
  const code = num(status.errorCode) ?? (diag ? num(rec.resultType) : null);
  const loc = obj(p.location);
  const coords = obj(loc.geoCoordinates);
  const interactive = p.isInteractive;
  const id = str(p.id);
  const signIn: m.SignIn = {
    id: id ? `entra:${id}` : `entra:${contentId(JSON.stringify(p))}`,
    source: 'entra',
    occurred_at,
    user_name: user,
    person_id: ctx.lookups.personByEmail(user) ?? null,
    ip: str(p.ipAddress) ?? (diag ? str(rec.callerIpAddress) : null),
    outcome: code === null ? 'unknown' : code === 0 ? 'success' : 'failure',
    event_type: category ?? (interactive === false ? 'NonInteractiveUserSignInLogs' : 'SignInLogs'),
    session_id: str(p.sessionId) ?? str(p.correlationId),
    user_agent: str(p.userAgent),
    device_fingerprint: str(obj(p.deviceDetail).deviceId),
    mfa_device: str(obj(p.mfaDetail).authDetail),
    vendor_country: str(loc.countryOrRegion),
    vendor_city: str(loc.city),
    vendor_lat: num(coords.latitude),
    vendor_lon: num(coords.longitude),
    vendor_asn: int(p.autonomousSystemNumber),
    vendor_isp: null,
    vendor_proxy: null,
    source_file: ctx.file,
    source_line: ctx.line,
  };
  return { outputs: [{ kind: 'signin', value: signIn }] };
}

export const entra: Source = {
  name: 'entra',
  read: (file, onBytes) => readJsonRecords(file, { onBytes, wrapperKeys: ['value'] }),
  map: mapEntra,
};
