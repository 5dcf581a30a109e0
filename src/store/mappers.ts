/**
 * Mappers between canonical records (src/model) and table rows (src/store/schema). Rows flatten
 * nested values (addresses, sealed secrets) and keep lists and maps as JSON text.
 */
import type { Insertable, Selectable } from 'kysely';
import * as m from '../model/index.js';
import type { Database } from './schema.js';

type Row<T extends keyof Database> = Selectable<Database[T]>;
type NewRow<T extends keyof Database> = Insertable<Database[T]>;

const n = <T>(v: T | null | undefined): T | null => (v === undefined ? null : v);
const json = (v: unknown): string => JSON.stringify(v ?? null);
const parse = <T>(s: string | null): T => (s === null ? (null as T) : (JSON.parse(s) as T));
/** Drop nulls so optional fields come back absent, as the schemas produce them. */
function compact<T extends object>(o: T): T {
  for (const k of Object.keys(o) as Array<keyof T>) if (o[k] === null) delete o[k];
  return o;
}

function sealedCols(prefix: 'account' | 'iban' | 'wallet', s: m.SealedSecret | null | undefined) {
  return { [`${prefix}_hash`]: s?.hash ?? null, [`${prefix}_last4`]: s?.last4 ?? null } as Record<string, string | null>;
}
function sealedFrom(hash: string | null, last4: string | null): m.SealedSecret | null {
  return hash ? { hash, last4: last4 ?? '' } : null;
}

export const personRow = (p: m.Person, now = new Date().toISOString()): NewRow<'people'> => ({
  id: p.id,
  source_id: p.source_id,
  kind: p.kind,
  full_name: p.full_name,
  work_email: n(p.work_email),
  work_email_norm: p.work_email ? p.work_email.trim().toLowerCase() : null,
  personal_email: n(p.personal_email),
  phone: n(p.phone),
  date_of_birth: n(p.date_of_birth),
  home_street: n(p.home?.street),
  home_city: n(p.home?.city),
  home_region: n(p.home?.region),
  home_postal_code: n(p.home?.postal_code),
  home_country: n(p.home?.country),
  timezone: n(p.timezone),
  agency: n(p.agency),
  title: n(p.title),
  department: n(p.department),
  manager_id: n(p.manager_id),
  hire_date: n(p.hire_date),
  end_date: n(p.end_date),
  applied_at: n(p.applied_at),
  position: n(p.position),
  resume_text: n(p.resume_text),
  photo_sha256: n(p.photo_sha256),
  photo_phash: n(p.photo_phash),
  profile_urls: json(p.profile_urls ?? []),
  referred_by: n(p.referred_by),
  hired_person_id: n(p.hired_person_id),
  interview_flags: json(p.interview_flags ?? []),
  extra: json(p.extra ?? {}),
  source_file: n(p.source_file),
  updated_at: now,
});

export function personFromRow(r: Row<'people'>): m.Person {
  const home = compact({
    street: r.home_street,
    city: r.home_city,
    region: r.home_region,
    postal_code: r.home_postal_code,
    country: r.home_country,
  });
  return compact({
    id: r.id,
    source_id: r.source_id,
    kind: r.kind as m.PersonKind,
    full_name: r.full_name,
    work_email: r.work_email,
    personal_email: r.personal_email,
    phone: r.phone,
    date_of_birth: r.date_of_birth,
    home: Object.keys(home).length ? home : null,
    timezone: r.timezone,
    agency: r.agency,
    title: r.title,
    department: r.department,
    manager_id: r.manager_id,
    hire_date: r.hire_date,
    end_date: r.end_date,
    applied_at: r.applied_at,
    position: r.position,
    resume_text: r.resume_text,
    photo_sha256: r.photo_sha256,
    photo_phash: r.photo_phash,
    profile_urls: parse<string[]>(r.profile_urls),
    referred_by: r.referred_by,
    hired_person_id: r.hired_person_id,
    interview_flags: parse<m.Person['interview_flags']>(r.interview_flags),
    extra: parse<Record<string, string>>(r.extra),
    source_file: r.source_file,
  }) as m.Person;
}

export const identifierRow = (i: m.Identifier): NewRow<'identifiers'> => ({
  id: m.contentId(i.person_id, i.type, i.value),
  person_id: i.person_id,
  type: i.type,
  value: i.value,
  display: n(i.display),
  source: i.source,
  first_seen: n(i.first_seen),
  last_seen: n(i.last_seen),
});
export const identifierFromRow = (r: Row<'identifiers'>): m.Identifier =>
  compact({ person_id: r.person_id, type: r.type as m.IdentifierType, value: r.value, display: r.display, source: r.source, first_seen: r.first_seen, last_seen: r.last_seen });

export const deviceRow = (d: m.Device): NewRow<'devices'> => ({
  serial: d.serial,
  hostname: n(d.hostname),
  person_id: n(d.person_id),
  platform: n(d.platform),
  enrolled_at: n(d.enrolled_at),
  host_identifier: n(d.host_identifier),
  source_file: n(d.source_file),
});
export const deviceFromRow = (r: Row<'devices'>): m.Device => compact({ ...r, platform: r.platform as m.Device['platform'] });

export const signInRow = (s: m.SignIn): NewRow<'signins'> => ({
  id: s.id,
  source: s.source,
  occurred_at: s.occurred_at,
  user_name: s.user_name,
  person_id: n(s.person_id),
  ip: n(s.ip),
  outcome: s.outcome,
  event_type: n(s.event_type),
  session_id: n(s.session_id),
  user_agent: n(s.user_agent),
  device_fingerprint: n(s.device_fingerprint),
  mfa_device: n(s.mfa_device),
  vendor_country: n(s.vendor_country),
  vendor_city: n(s.vendor_city),
  vendor_lat: n(s.vendor_lat),
  vendor_lon: n(s.vendor_lon),
  vendor_asn: n(s.vendor_asn),
  vendor_isp: n(s.vendor_isp),
  vendor_proxy: s.vendor_proxy === undefined || s.vendor_proxy === null ? null : s.vendor_proxy ? 1 : 0,
  source_file: n(s.source_file),
  source_line: n(s.source_line),
});
export const signInFromRow = (r: Row<'signins'>): m.SignIn =>
  compact({
    ...r,
    source: r.source as m.SignIn['source'],
    outcome: r.outcome as m.SignIn['outcome'],
    vendor_proxy: r.vendor_proxy === null ? null : r.vendor_proxy === 1,
  }) as m.SignIn;

export const endpointRowRow = (e: m.EndpointRow): NewRow<'endpoint_rows'> => ({
  id: e.id,
  host_identifier: e.host_identifier,
  device_serial: n(e.device_serial),
  query_name: e.query_name,
  table_name: e.table_name,
  action: e.action,
  observed_at: e.observed_at,
  columns: json(e.columns),
  source_file: n(e.source_file),
  source_line: n(e.source_line),
});
export const endpointRowFromRow = (r: Row<'endpoint_rows'>): m.EndpointRow =>
  compact({ ...r, action: r.action as m.EndpointRow['action'], columns: parse<Record<string, string>>(r.columns) }) as m.EndpointRow;

export const netConnectionRow = (c: m.NetConnection): NewRow<'net_connections'> => ({
  id: c.id,
  occurred_at: c.occurred_at,
  uid: n(c.uid),
  orig_h: c.orig_h,
  orig_p: n(c.orig_p),
  resp_h: c.resp_h,
  resp_p: n(c.resp_p),
  proto: n(c.proto),
  service: n(c.service),
  duration_s: n(c.duration_s),
  orig_bytes: n(c.orig_bytes),
  resp_bytes: n(c.resp_bytes),
  conn_state: n(c.conn_state),
  device_serial: n(c.device_serial),
  source_file: n(c.source_file),
  source_line: n(c.source_line),
});
export const netConnectionFromRow = (r: Row<'net_connections'>): m.NetConnection => compact({ ...r }) as m.NetConnection;

export const payAccountRow = (p: m.PayAccount): NewRow<'pay_accounts'> => ({
  id: p.id,
  person_id: p.person_id,
  effective_date: p.effective_date,
  method: p.method,
  bank_name: n(p.bank_name),
  bank_country: n(p.bank_country),
  routing_number: n(p.routing_number),
  ...(sealedCols('account', p.account) as { account_hash: string | null; account_last4: string | null }),
  ...(sealedCols('iban', p.iban) as { iban_hash: string | null; iban_last4: string | null }),
  ...(sealedCols('wallet', p.wallet) as { wallet_hash: string | null; wallet_last4: string | null }),
  account_holder: n(p.account_holder),
  source_file: n(p.source_file),
});
export const payAccountFromRow = (r: Row<'pay_accounts'>): m.PayAccount =>
  compact({
    id: r.id,
    person_id: r.person_id,
    effective_date: r.effective_date,
    method: r.method as m.PayAccount['method'],
    bank_name: r.bank_name,
    bank_country: r.bank_country,
    routing_number: r.routing_number,
    account: sealedFrom(r.account_hash, r.account_last4),
    iban: sealedFrom(r.iban_hash, r.iban_last4),
    wallet: sealedFrom(r.wallet_hash, r.wallet_last4),
    account_holder: r.account_holder,
    source_file: r.source_file,
  });

export const paymentRow = (p: m.Payment): NewRow<'payments'> => ({
  id: p.id,
  person_id: p.person_id,
  paid_at: p.paid_at,
  amount: p.amount,
  currency: p.currency,
  ...(sealedCols('account', p.account) as { account_hash: string | null; account_last4: string | null }),
  ...(sealedCols('iban', p.iban) as { iban_hash: string | null; iban_last4: string | null }),
  ...(sealedCols('wallet', p.wallet) as { wallet_hash: string | null; wallet_last4: string | null }),
  source_file: n(p.source_file),
});
export const paymentFromRow = (r: Row<'payments'>): m.Payment =>
  compact({
    id: r.id,
    person_id: r.person_id,
    paid_at: r.paid_at,
    amount: r.amount,
    currency: r.currency,
    account: sealedFrom(r.account_hash, r.account_last4),
    iban: sealedFrom(r.iban_hash, r.iban_last4),
    wallet: sealedFrom(r.wallet_hash, r.wallet_last4),
    source_file: r.source_file,
  });

export const shipmentRow = (s: m.Shipment): NewRow<'shipments'> => ({
  id: s.id,
  person_id: s.person_id,
  device_serial: n(s.device_serial),
  asset_tag: n(s.asset_tag),
  shipped_at: n(s.shipped_at),
  ship_street: n(s.address.street),
  ship_city: n(s.address.city),
  ship_region: n(s.address.region),
  ship_postal_code: n(s.address.postal_code),
  ship_country: n(s.address.country),
  status: n(s.status),
  source_file: n(s.source_file),
});
export const shipmentFromRow = (r: Row<'shipments'>): m.Shipment =>
  compact({
    id: r.id,
    person_id: r.person_id,
    device_serial: r.device_serial,
    asset_tag: r.asset_tag,
    shipped_at: r.shipped_at,
    address: compact({ street: r.ship_street, city: r.ship_city, region: r.ship_region, postal_code: r.ship_postal_code, country: r.ship_country }),
    status: r.status as m.Shipment['status'],
    source_file: r.source_file,
  });

export const findingRow = (f: m.Finding): NewRow<'findings'> => ({
  id: f.id,
  rule_id: f.rule_id,
  severity: f.severity,
  subject_type: f.subject_type,
  subject_id: f.subject_id,
  summary: f.summary,
  evidence: json(f.evidence),
  fact_keys: json(f.fact_keys ?? []),
  first_seen: n(f.first_seen),
  last_seen: n(f.last_seen),
  run_id: n(f.run_id),
  created_at: f.created_at,
});
export const findingFromRow = (r: Row<'findings'>): m.Finding =>
  compact({
    ...r,
    severity: r.severity as m.Severity,
    subject_type: r.subject_type as m.SubjectType,
    evidence: parse<Record<string, unknown>>(r.evidence),
    fact_keys: parse<string[]>(r.fact_keys),
  }) as m.Finding;

export const clusterRow = (c: m.Cluster): NewRow<'clusters'> => ({
  id: c.id,
  risk_score: c.risk_score,
  risk_level: c.risk_level,
  reasons: json(c.reasons),
  hubs: json(c.hubs ?? []),
  explanation: json(c.explanation ?? []),
  run_id: n(c.run_id),
});
export const clusterFromRow = (r: Row<'clusters'>, personIds: string[]): m.Cluster =>
  compact({
    id: r.id,
    person_ids: personIds,
    risk_score: r.risk_score,
    risk_level: r.risk_level as m.RiskLevel,
    reasons: parse<string[]>(r.reasons),
    hubs: parse<m.Cluster['hubs']>(r.hubs),
    explanation: parse<m.Cluster['explanation']>(r.explanation),
    run_id: r.run_id,
  });

export const riskScoreRow = (s: m.RiskScore): NewRow<'risk_scores'> => ({
  subject_type: s.subject_type,
  subject_id: s.subject_id,
  score: s.score,
  level: s.level,
  explanation: json(s.explanation),
  run_id: n(s.run_id),
});
export const riskScoreFromRow = (r: Row<'risk_scores'>): m.RiskScore =>
  compact({ ...r, subject_type: r.subject_type as m.SubjectType, level: r.level as m.RiskLevel, explanation: parse<m.RiskScore['explanation']>(r.explanation) });

export const caseRow = (c: m.CaseRecord): NewRow<'cases'> => ({
  id: c.id,
  title: c.title,
  subject_type: c.subject_type,
  subject_id: c.subject_id,
  status: c.status,
  resolution: n(c.resolution),
  assignee: n(c.assignee),
  created_by: c.created_by,
  created_at: c.created_at,
  updated_at: c.updated_at,
});
export const caseFromRow = (r: Row<'cases'>): m.CaseRecord =>
  compact({ ...r, subject_type: r.subject_type as m.SubjectType, status: r.status as m.CaseRecord['status'], resolution: r.resolution as m.CaseRecord['resolution'] });

export const feedbackRow = (f: m.Feedback): NewRow<'feedback'> => ({ ...f, evidence_fingerprint: n(f.evidence_fingerprint) });
export const feedbackFromRow = (r: Row<'feedback'>): m.Feedback =>
  compact({ ...r, subject_type: r.subject_type as m.SubjectType, decision: r.decision as m.Feedback['decision'] });

export const quarantineRow = (q: m.Quarantined): NewRow<'quarantine'> => ({ ...q, ingest_run_id: n(q.ingest_run_id) });
export const quarantineFromRow = (r: Row<'quarantine'>): m.Quarantined => compact({ ...r });
