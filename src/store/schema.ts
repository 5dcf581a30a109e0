/**
 * Table interfaces for the query layer: one per table, combined in `Database`. Rows are not domain
 * objects; the repositories map them to and from the canonical model in `src/model`.
 * Conventions (the same on SQLite and PostgreSQL): times are ISO 8601 UTC text, which sorts
 * correctly as text; JSON is text; booleans are 0/1 integers; secrets appear only as `*_hash`
 * (keyed HMAC) and `*_last4`.
 */
export interface PeopleTable {
  id: string;
  source_id: string;
  kind: string;
  full_name: string;
  work_email: string | null;
  /** lower-cased work email, the join key for sign-in logs */
  work_email_norm: string | null;
  personal_email: string | null;
  phone: string | null;
  date_of_birth: string | null;
  home_street: string | null;
  home_city: string | null;
  home_region: string | null;
  home_postal_code: string | null;
  home_country: string | null;
  timezone: string | null;
  agency: string | null;
  title: string | null;
  department: string | null;
  manager_id: string | null;
  hire_date: string | null;
  end_date: string | null;
  applied_at: string | null;
  position: string | null;
  resume_text: string | null;
  photo_sha256: string | null;
  photo_phash: string | null;
  profile_urls: string;
  referred_by: string | null;
  hired_person_id: string | null;
  interview_flags: string;
  extra: string;
  source_file: string | null;
  updated_at: string;
}

export interface IdentifiersTable {
  id: string;
  person_id: string;
  type: string;
  value: string;
  display: string | null;
  source: string;
  first_seen: string | null;
  last_seen: string | null;
}

export interface DevicesTable {
  serial: string;
  hostname: string | null;
  person_id: string | null;
  platform: string | null;
  enrolled_at: string | null;
  host_identifier: string | null;
  source_file: string | null;
}

export interface SigninsTable {
  id: string;
  source: string;
  occurred_at: string;
  user_name: string;
  person_id: string | null;
  ip: string | null;
  outcome: string;
  event_type: string | null;
  session_id: string | null;
  user_agent: string | null;
  device_fingerprint: string | null;
  mfa_device: string | null;
  vendor_country: string | null;
  vendor_city: string | null;
  vendor_lat: number | null;
  vendor_lon: number | null;
  vendor_asn: number | null;
  vendor_isp: string | null;
  vendor_proxy: number | null;
  source_file: string | null;
  source_line: number | null;
}

export interface EndpointRowsTable {
  id: string;
  host_identifier: string;
  device_serial: string | null;
  query_name: string;
  table_name: string;
  action: string;
  observed_at: string;
  columns: string;
  source_file: string | null;
  source_line: number | null;
}

export interface NetConnectionsTable {
  id: string;
  occurred_at: string;
  uid: string | null;
  orig_h: string;
  orig_p: number | null;
  resp_h: string;
  resp_p: number | null;
  proto: string | null;
  service: string | null;
  duration_s: number | null;
  orig_bytes: number | null;
  resp_bytes: number | null;
  conn_state: string | null;
  device_serial: string | null;
  source_file: string | null;
  source_line: number | null;
}

interface SealedColumns {
  account_hash: string | null;
  account_last4: string | null;
  iban_hash: string | null;
  iban_last4: string | null;
  wallet_hash: string | null;
  wallet_last4: string | null;
}

export interface PayAccountsTable extends SealedColumns {
  id: string;
  person_id: string;
  effective_date: string;
  method: string;
  bank_name: string | null;
  bank_country: string | null;
  routing_number: string | null;
  account_holder: string | null;
  source_file: string | null;
}

export interface PaymentsTable extends SealedColumns {
  id: string;
  person_id: string;
  paid_at: string;
  amount: number;
  currency: string;
  source_file: string | null;
}

export interface ShipmentsTable {
  id: string;
  person_id: string;
  device_serial: string | null;
  asset_tag: string | null;
  shipped_at: string | null;
  ship_street: string | null;
  ship_city: string | null;
  ship_region: string | null;
  ship_postal_code: string | null;
  ship_country: string | null;
  status: string | null;
  source_file: string | null;
}

/** Enrichment results, computed once per distinct value (`kind` is `ip`, `phone`, `email`, ...). */
export interface EnrichmentsTable {
  kind: string;
  key: string;
  data: string;
  dataset: string | null;
  computed_at: string;
}

export interface FindingsTable {
  id: string;
  rule_id: string;
  severity: string;
  subject_type: string;
  subject_id: string;
  summary: string;
  evidence: string;
  fact_keys: string;
  first_seen: string | null;
  last_seen: string | null;
  run_id: string | null;
  created_at: string;
}

export interface LinksTable {
  id: string;
  person_a: string;
  person_b: string;
  kind: string;
  score: number;
  reasons: string;
  run_id: string | null;
}

export interface ClustersTable {
  id: string;
  risk_score: number;
  risk_level: string;
  reasons: string;
  hubs: string;
  explanation: string;
  run_id: string | null;
}

export interface ClusterMembersTable {
  person_id: string;
  cluster_id: string;
}

export interface RiskScoresTable {
  subject_type: string;
  subject_id: string;
  score: number;
  level: string;
  explanation: string;
  run_id: string | null;
}

export interface CasesTable {
  id: string;
  title: string;
  subject_type: string;
  subject_id: string;
  status: string;
  resolution: string | null;
  assignee: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface CaseNotesTable {
  id: string;
  case_id: string;
  author: string;
  body: string;
  attachments: string;
  created_at: string;
}

export interface FeedbackTable {
  id: string;
  subject_type: string;
  subject_id: string;
  decision: string;
  reason: string;
  decided_by: string;
  decided_at: string;
  evidence_fingerprint: string | null;
}

export interface QuarantineTable {
  id: string;
  source: string;
  file: string;
  line: number;
  reason: string;
  raw: string;
  ingest_run_id: string | null;
  created_at: string;
}

export interface IngestRunsTable {
  id: string;
  started_at: string;
  finished_at: string | null;
  target: string;
  stats: string;
}

export interface IngestFilesTable {
  id: string;
  run_id: string;
  file: string;
  source: string;
  records_read: number;
  accepted: number;
  rejected: number;
  duplicates: number;
  unmatched_people: number;
  unmatched_devices: number;
  bytes: number;
  finished_at: string;
}

export interface ScanRunsTable {
  id: string;
  started_at: string;
  finished_at: string | null;
  target: string | null;
  config_hash: string | null;
  stats: string;
}

export interface SanctionsListsTable {
  id: string;
  source: string;
  name: string;
  published_at: string | null;
  loaded_at: string;
  entry_count: number;
  file_hash: string;
  /** Added by migration 0300: `ofac-csv`, `un-xml`, `ftm-jsonl`. */
  format: string | null;
  /** How the publication date was found (the file's own date, `--published`, the file time). */
  published_from: string | null;
  /** JSON: entries by type, names, rejected and orphan rows, files. */
  stats: string | null;
}

export interface SanctionsEntriesTable {
  id: string;
  list_id: string;
  source_uid: string;
  entity_type: string;
  primary_name: string;
  names: string;
  programs: string;
  birth_dates: string;
  countries: string;
  identifiers: string;
  addresses: string;
  remarks: string | null;
}

export interface UsersTable {
  id: string;
  username: string;
  password_hash: string;
  role: string;
  created_at: string;
  disabled: number;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export interface SetupTokensTable {
  id: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface AuditLogTable {
  id: string;
  at: string;
  actor: string;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  detail: string;
}

/** Remote-access tools imported into the detection catalog (data = the tool entry as JSON). */
export interface RemoteAccessToolsTable {
  id: string;
  name: string;
  source: string;
  data: string;
  imported_at: string;
}

/** What a cluster's members share and which of them look like one human (JSON), from the link stage. */
export interface ClusterEvidenceTable {
  cluster_id: string;
  fingerprint: string;
  shared: string;
  aliases: string;
  run_id: string | null;
}

/** Evidence fingerprints an analyst's decision covered (see src/score/fingerprint.ts). */
export interface FeedbackEvidenceTable {
  feedback_id: string;
  fingerprint: string;
}

/** Secondary indexes dropped for a bulk ingest on SQLite, re-created at its end (see src/ingest/runner.ts). */
export interface IngestDeferredIndexesTable {
  name: string;
  table_name: string;
  definition: string;
  deferred_at: string;
}

export interface Database {
  people: PeopleTable;
  identifiers: IdentifiersTable;
  devices: DevicesTable;
  signins: SigninsTable;
  endpoint_rows: EndpointRowsTable;
  net_connections: NetConnectionsTable;
  pay_accounts: PayAccountsTable;
  payments: PaymentsTable;
  shipments: ShipmentsTable;
  enrichments: EnrichmentsTable;
  findings: FindingsTable;
  links: LinksTable;
  clusters: ClustersTable;
  cluster_members: ClusterMembersTable;
  risk_scores: RiskScoresTable;
  cases: CasesTable;
  case_notes: CaseNotesTable;
  feedback: FeedbackTable;
  quarantine: QuarantineTable;
  ingest_runs: IngestRunsTable;
  ingest_files: IngestFilesTable;
  ingest_deferred_indexes: IngestDeferredIndexesTable;
  scan_runs: ScanRunsTable;
  sanctions_lists: SanctionsListsTable;
  sanctions_entries: SanctionsEntriesTable;
  users: UsersTable;
  sessions: SessionsTable;
  setup_tokens: SetupTokensTable;
  audit_log: AuditLogTable;
  cluster_evidence: ClusterEvidenceTable;
  feedback_evidence: FeedbackEvidenceTable;
  remote_access_tools: RemoteAccessToolsTable;
}
