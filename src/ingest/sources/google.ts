/**
 * Google Workspace Admin SDK Reports API, `login` application: `{"items": [...]}` or NDJSON of
 * activities. Kept as sign-ins: events `login_success`, `login_failure`, `login_challenge`,
 * `login_verification` and `logout`; account warnings and other events are skipped. Identified by
 * `id.time` + `id.uniqueQualifier` + the event name (an activity may hold several events).
 */
import type * as m from '../../model/index.js';
import { readJsonRecords } from '../stream/json.js';
import type { MapContext, MapResult, Output, Source } from '../types.js';
import { RecordError } from '../types.js';
import { asObject, int, isObj, isoTime, obj, str } from './fields.js';

export const GOOGLE_SIGNIN_EVENTS = ['login_success', 'login_failure', 'login_challenge', 'login_verification', 'logout'];

/** Parameters come as `{name, value | intValue | boolValue | multiValue}`. */
function param(params: unknown, name: string): unknown {
  if (!Array.isArray(params)) return undefined;
  for (const p of params) {
    if (isObj(p) && p.name === name) return p.value ?? p.intValue ?? p.boolValue ?? p.multiValue;
  }
  return undefined;
}

function outcomeOf(name: string, params: unknown): m.SignIn['outcome'] {
  if (name === 'login_success' || name === 'logout') return 'success';
  if (name === 'login_failure') return 'failure';
  const status = str(param(params, 'login_challenge_status'))?.toLowerCase() ?? '';
  if (status.includes('pass')) return 'success';
  if (status.includes('fail')) return 'failure';
  return 'unknown';
}

export function mapGoogle(value: unknown, ctx: MapContext): MapResult {
  const a = asObject(value);
  const id = obj(a.id);
  const occurred_at = isoTime(id.time, 'id.time');
  const events = Array.isArray(a.events) ? a.events : isObj(a.events) ? [a.events] : [];
  if (events.length === 0) throw new RecordError('missing events');
  const actor = obj(a.actor);
  const callerType = str(actor.callerType);
  const outputs: Output[] = [];
  const skipped: string[] = [];
  const network = obj(a.networkInfo);
  for (const ev of events) {
    const e = obj(ev);
    const name = str(e.name);
    if (!name) throw new RecordError('missing events[].name');
    if (!GOOGLE_SIGNIN_EVENTS.includes(name)) {
      skipped.push(`not a sign-in (${name})`);
      continue;
    }
    if (callerType && callerType !== 'USER') {
      skipped.push(`not a user (${callerType})`);
      continue;
    }
    const user = str(actor.email);
    if (!user) throw new RecordError('missing actor.email');
    const qualifier = str(id.uniqueQualifier);
    if (!qualifier) throw new RecordError('missing id.uniqueQualifier');
    const asns = Array.isArray(network.ipAsn) ? network.ipAsn : [];
    outputs.push({
      kind: 'signin',
      value: {
        id: `google:${qualifier}:${occurred_at}:${name}`,
        source: 'google',
        occurred_at,
        user_name: user,
        person_id: ctx.lookups.personByEmail(user) ?? null,
        ip: str(a.ipAddress),
        outcome: outcomeOf(name, e.parameters),
        event_type: name,
        session_id: null,
        user_agent: null,
        device_fingerprint: null,
        mfa_device: null,
        vendor_country: str(network.regionCode),
        vendor_city: null,
        vendor_lat: null,
        vendor_lon: null,
        vendor_asn: int(asns[0]),
        vendor_isp: null,
        vendor_proxy: null,
        source_file: ctx.file,
        source_line: ctx.line,
      },
    });
  }
  return outputs.length ? { outputs } : { outputs, skipped: skipped[0] ?? 'no sign-in event' };
}

export const google: Source = {
  name: 'google',
  read: (file, onBytes) => readJsonRecords(file, { onBytes, wrapperKeys: ['items'] }),
  map: mapGoogle,
};
