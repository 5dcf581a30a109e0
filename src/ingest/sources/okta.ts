/**
 * Okta System Log (`/api/v1/logs`): a JSON array or NDJSON of LogEvent objects.
 * Kept as sign-ins: `user.session.*`, `user.authentication.*` and `policy.evaluate_sign_on` events
 * of a `User` actor. Other events (group changes, app provisioning, lifecycle) are counted as
 * skipped. Identified by the event's `uuid`.
 */
import { contentId } from '../../model/ids.js';
import type * as m from '../../model/index.js';
import { readJsonRecords } from '../stream/json.js';
import type { MapContext, MapResult, Source } from '../types.js';
import { RecordError } from '../types.js';
import { asObject, bool, int, isObj, isoTime, num, obj, str } from './fields.js';

const SIGNIN_PREFIXES = ['user.session.', 'user.authentication.', 'policy.evaluate_sign_on'];

export function isOktaSignInEvent(eventType: string): boolean {
  return SIGNIN_PREFIXES.some((p) => eventType.startsWith(p));
}

function outcomeOf(result: string | null): m.SignIn['outcome'] {
  switch (result?.toUpperCase()) {
    case 'SUCCESS':
    case 'ALLOW':
      return 'success';
    case 'FAILURE':
    case 'DENY':
      return 'failure';
    default:
      return 'unknown';
  }
}

/** The MFA enrollment used, when the event names one (a shared authenticator links people). */
function mfaDevice(e: Record<string, unknown>, debug: Record<string, unknown>): string | null {
  const targets = Array.isArray(e.target) ? e.target : [];
  for (const t of targets) {
    if (isObj(t) && str(t.type) === 'AuthenticatorEnrollment') return str(t.id) ?? str(t.alternateId);
  }
  return str(debug.authenticatorEnrollmentId) ?? str(debug.factorId);
}

export function mapOkta(value: unknown, ctx: MapContext): MapResult {
  const e = asObject(value);
  const eventType = str(e.eventType);
  if (!eventType) throw new RecordError('missing eventType');
  const occurred_at = isoTime(e.published, 'published');
  if (!isOktaSignInEvent(eventType)) return { outputs: [], skipped: `not a sign-in (${eventType})` };
  const actor = obj(e.actor);
  if (str(actor.type) && str(actor.type) !== 'User') return { outputs: [], skipped: `not a user (${str(actor.type)} actor)` };
  const user = str(actor.alternateId);
  if (!user) throw new RecordError('missing actor.alternateId');
  const client = obj(e.client);
  const geo = obj(client.geographicalContext);
  const loc = obj(geo.geolocation);
  const sec = obj(e.securityContext);
  const debug = obj(obj(e.debugContext).debugData);
  const ipChain = Array.isArray(obj(e.request).ipChain) ? (obj(e.request).ipChain as unknown[]) : [];
  const uuid = str(e.uuid);
  const session = str(obj(e.authenticationContext).externalSessionId);
  const signIn: m.SignIn = {
    id: uuid ? `okta:${uuid}` : `okta:${contentId(JSON.stringify(e))}`,
    source: 'okta',
    occurred_at,
    user_name: user,
    person_id: ctx.lookups.personByEmail(user) ?? null,
    ip: str(client.ipAddress) ?? str(obj(ipChain[0]).ip),
    outcome: outcomeOf(str(obj(e.outcome).result)),
    event_type: eventType,
    session_id: session && session !== 'unknown' ? session : null,
    user_agent: str(obj(client.userAgent).rawUserAgent),
    device_fingerprint: str(debug.deviceFingerprint),
    mfa_device: mfaDevice(e, debug),
    vendor_country: str(geo.country),
    vendor_city: str(geo.city),
    vendor_lat: num(loc.lat),
    vendor_lon: num(loc.lon),
    vendor_asn: int(sec.asNumber),
    vendor_isp: str(sec.isp),
    vendor_proxy: bool(sec.isProxy),
    source_file: ctx.file,
    source_line: ctx.line,
  };
  return { outputs: [{ kind: 'signin', value: signIn }] };
}

export const okta: Source = {
  name: 'okta',
  read: (file, onBytes) => readJsonRecords(file, { onBytes }),
  map: mapOkta,
};
