/**
 * The canonical model: what every reader produces and every later stage reads. Vendor field names
 * never get past ingest. Each schema validates at the boundary (readers, API, store round-trips).
 */
import { z } from 'zod';
import {
  countryCode,
  identifierType,
  interviewFlag,
  isoDate,
  isoDateTime,
  payMethod,
  personKind,
  platform,
  riskLevel,
  sealedSecret,
  severity,
  subjectType,
} from './values.js';

const opt = <T extends z.ZodTypeAny>(t: T) => t.nullable().optional();

export const postalAddress = z.object({
  street: opt(z.string()),
  city: opt(z.string()),
  region: opt(z.string()),
  postal_code: opt(z.string()),
  country: opt(countryCode),
});
export type PostalAddress = z.infer<typeof postalAddress>;

/** An employee, contractor or candidate. `id` is the internal key from `personKey`. */
export const person = z.object({
  id: z.string().min(1),
  source_id: z.string().min(1),
  kind: personKind,
  full_name: z.string().min(1),
  work_email: opt(z.string()),
  personal_email: opt(z.string()),
  phone: opt(z.string()),
  date_of_birth: opt(isoDate),
  home: opt(postalAddress),
  timezone: opt(z.string()),
  agency: opt(z.string()),
  title: opt(z.string()),
  department: opt(z.string()),
  manager_id: opt(z.string()),
  hire_date: opt(isoDate),
  end_date: opt(isoDate),
  // Candidate-only fields.
  applied_at: opt(isoDateTime),
  position: opt(z.string()),
  resume_text: opt(z.string()),
  photo_sha256: opt(z.string()),
  photo_phash: opt(z.string()),
  profile_urls: z.array(z.string()).default([]),
  referred_by: opt(z.string()),
  hired_person_id: opt(z.string()),
  interview_flags: z.array(interviewFlag).default([]),
  extra: z.record(z.string(), z.string()).default({}),
  source_file: opt(z.string()),
});
export type Person = z.infer<typeof person>;

/** A value that ties a person to the world; `value` is normalised (or a keyed hash for secrets). */
export const identifier = z.object({
  person_id: z.string().min(1),
  type: identifierType,
  value: z.string().min(1),
  display: opt(z.string()),
  source: z.string().min(1),
  first_seen: opt(isoDateTime),
  last_seen: opt(isoDateTime),
});
export type Identifier = z.infer<typeof identifier>;

export const device = z.object({
  serial: z.string().min(1),
  hostname: opt(z.string()),
  person_id: opt(z.string()),
  platform: opt(platform),
  enrolled_at: opt(isoDateTime),
  host_identifier: opt(z.string()),
  source_file: opt(z.string()),
});
export type Device = z.infer<typeof device>;

export const SIGNIN_SOURCES = ['okta', 'entra', 'google'] as const;

/** One identity-provider sign-in (or session event), from Okta, Entra or Google alike. */
export const signIn = z.object({
  id: z.string().min(1),
  source: z.enum(SIGNIN_SOURCES),
  occurred_at: isoDateTime,
  user_name: z.string().min(1),
  person_id: opt(z.string()),
  ip: opt(z.string()),
  outcome: z.enum(['success', 'failure', 'unknown']),
  event_type: opt(z.string()),
  session_id: opt(z.string()),
  user_agent: opt(z.string()),
  device_fingerprint: opt(z.string()),
  mfa_device: opt(z.string()),
  /** What the vendor itself said of the location, kept beside our own enrichment. */
  vendor_country: opt(z.string()),
  vendor_city: opt(z.string()),
  vendor_lat: opt(z.number()),
  vendor_lon: opt(z.number()),
  vendor_asn: opt(z.number().int()),
  vendor_isp: opt(z.string()),
  vendor_proxy: opt(z.boolean()),
  source_file: opt(z.string()),
  source_line: opt(z.number().int()),
});
export type SignIn = z.infer<typeof signIn>;

/** One row of an osquery result, with the table it came from. */
export const endpointRow = z.object({
  id: z.string().min(1),
  host_identifier: z.string().min(1),
  device_serial: opt(z.string()),
  query_name: z.string().min(1),
  table_name: z.string().min(1),
  action: z.enum(['snapshot', 'added', 'removed']),
  observed_at: isoDateTime,
  columns: z.record(z.string(), z.string()),
  source_file: opt(z.string()),
  source_line: opt(z.number().int()),
});
export type EndpointRow = z.infer<typeof endpointRow>;

/** One network connection from a Zeek conn.log. */
export const netConnection = z.object({
  id: z.string().min(1),
  occurred_at: isoDateTime,
  uid: opt(z.string()),
  orig_h: z.string().min(1),
  orig_p: opt(z.number().int()),
  resp_h: z.string().min(1),
  resp_p: opt(z.number().int()),
  proto: opt(z.string()),
  service: opt(z.string()),
  duration_s: opt(z.number()),
  orig_bytes: opt(z.number()),
  resp_bytes: opt(z.number()),
  conn_state: opt(z.string()),
  device_serial: opt(z.string()),
  source_file: opt(z.string()),
  source_line: opt(z.number().int()),
});
export type NetConnection = z.infer<typeof netConnection>;

/** A pay destination a person set, effective from a date. Secrets are sealed (hash + last four). */
export const payAccount = z.object({
  id: z.string().min(1),
  person_id: z.string().min(1),
  effective_date: isoDate,
  method: payMethod,
  bank_name: opt(z.string()),
  bank_country: opt(countryCode),
  routing_number: opt(z.string()),
  account: opt(sealedSecret),
  iban: opt(sealedSecret),
  wallet: opt(sealedSecret),
  account_holder: opt(z.string()),
  source_file: opt(z.string()),
});
export type PayAccount = z.infer<typeof payAccount>;

export const payment = z.object({
  id: z.string().min(1),
  person_id: z.string().min(1),
  paid_at: isoDateTime,
  amount: z.number(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'not an ISO 4217 currency code'),
  account: opt(sealedSecret),
  iban: opt(sealedSecret),
  wallet: opt(sealedSecret),
  source_file: opt(z.string()),
});
export type Payment = z.infer<typeof payment>;

export const shipment = z.object({
  id: z.string().min(1),
  person_id: z.string().min(1),
  device_serial: opt(z.string()),
  asset_tag: opt(z.string()),
  shipped_at: opt(isoDateTime),
  address: postalAddress,
  status: opt(z.enum(['shipped', 'delivered', 'returned'])),
  source_file: opt(z.string()),
});
export type Shipment = z.infer<typeof shipment>;

/** What a rule found: the subject, the evidence an analyst can check, and the time it covers. */
export const finding = z.object({
  id: z.string().min(1),
  rule_id: z.string().regex(/^[a-z0-9_]+(\.[a-z0-9_]+)+$/, 'rule ids are lowercase and dotted'),
  severity,
  subject_type: subjectType,
  subject_id: z.string().min(1),
  summary: z.string().min(1),
  evidence: z.record(z.string(), z.unknown()),
  /** Facts this finding rests on (e.g. `signin-ip:1.2.3.4`); the scorer counts each fact once. */
  fact_keys: z.array(z.string()).default([]),
  first_seen: opt(isoDateTime),
  last_seen: opt(isoDateTime),
  run_id: opt(z.string()),
  created_at: isoDateTime,
});
export type Finding = z.infer<typeof finding>;

export const contribution = z.object({
  label: z.string(),
  points: z.number(),
  source: z.string(),
  detail: opt(z.string()),
});

export const cluster = z.object({
  id: z.string().min(1),
  person_ids: z.array(z.string()).min(1),
  risk_score: z.number().min(0).max(100),
  risk_level: riskLevel,
  reasons: z.array(z.string()),
  hubs: z.array(z.object({ type: z.string(), value: z.string(), members: z.number().int() })).default([]),
  explanation: z.array(contribution).default([]),
  run_id: opt(z.string()),
});
export type Cluster = z.infer<typeof cluster>;

export const riskScore = z.object({
  subject_type: subjectType,
  subject_id: z.string().min(1),
  score: z.number().min(0).max(100),
  level: riskLevel,
  explanation: z.array(contribution),
  run_id: opt(z.string()),
});
export type RiskScore = z.infer<typeof riskScore>;

export const CASE_STATUSES = ['open', 'in_progress', 'closed'] as const;
export const caseRecord = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  subject_type: subjectType,
  subject_id: z.string().min(1),
  status: z.enum(CASE_STATUSES),
  resolution: opt(z.enum(['confirmed', 'benign'])),
  assignee: opt(z.string()),
  created_by: z.string().min(1),
  created_at: isoDateTime,
  updated_at: isoDateTime,
});
export type CaseRecord = z.infer<typeof caseRecord>;

export const feedback = z.object({
  id: z.string().min(1),
  subject_type: subjectType,
  subject_id: z.string().min(1),
  decision: z.enum(['benign', 'confirmed']),
  reason: z.string().min(1),
  decided_by: z.string().min(1),
  decided_at: isoDateTime,
  /** Fingerprint of the evidence decided on: a change in the data makes the decision lapse. */
  evidence_fingerprint: opt(z.string()),
});
export type Feedback = z.infer<typeof feedback>;

export const quarantined = z.object({
  id: z.string().min(1),
  source: z.string().min(1),
  file: z.string().min(1),
  line: z.number().int().nonnegative(),
  reason: z.string().min(1),
  raw: z.string(),
  ingest_run_id: opt(z.string()),
  created_at: isoDateTime,
});
export type Quarantined = z.infer<typeof quarantined>;
