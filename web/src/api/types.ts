/** Response shapes of the API (mirroring src/serve/schemas). */
export type Role = 'viewer' | 'analyst' | 'admin';
export interface Me {
  user: { id: string; username: string; role: Role };
  csrf_token: string;
  expires_at: string;
}
export interface Contribution {
  label: string;
  points: number;
  source: string;
  detail?: string | null;
}
export interface Finding {
  id: string;
  rule_id: string;
  rule_title: string | null;
  severity: string;
  subject_type: string;
  subject_id: string;
  summary: string;
  evidence: Record<string, unknown>;
  first_seen: string | null;
  last_seen: string | null;
  created_at: string;
}
export interface PersonRow {
  id: string;
  source_id: string;
  kind: string;
  full_name: string;
  work_email: string | null;
  department: string | null;
  title: string | null;
  score: number | null;
  level: string | null;
  rules: string[];
  cluster_id: string | null;
}
export interface Page<T> {
  total: number;
  rows: T[];
}
export interface Facets {
  levels: Record<string, number>;
  kinds: Record<string, number>;
  departments: Array<{ value: string; n: number }>;
  rules: Array<{ value: string; n: number }>;
  total: number;
  built_at: string;
}
export interface Place {
  lat: number | null;
  lon: number | null;
  geo_source: string | null;
  mail_service: string | null;
}
export interface SigninIp {
  ip: string | null;
  n: number;
  failures: number;
  first: string;
  last: string;
  country: string | null;
  city: string | null;
  lat: number | null;
  lon: number | null;
  class: string | null;
  provider: string | null;
  asn: number | null;
  as_org: string | null;
  located_by: string | null;
}
export interface CaseBrief {
  id: string;
  title: string;
  status: string;
  resolution: string | null;
  assignee: string | null;
  updated_at: string;
}
export interface PersonDetail {
  person: {
    id: string;
    source_id: string;
    kind: string;
    full_name: string;
    work_email: string | null;
    personal_email: string | null;
    phone: string | null;
    home: { street: string | null; city: string | null; region: string | null; postal_code: string | null; country: string | null } & Place;
    timezone: string | null;
    agency: string | null;
    title: string | null;
    department: string | null;
    manager_id: string | null;
    hire_date: string | null;
    end_date: string | null;
    applied_at: string | null;
    position: string | null;
    hired_person_id: string | null;
    referred_by: string | null;
    interview_flags: string[];
    profile_urls: string[];
  };
  score: { score: number; level: string; explanation: Contribution[] } | null;
  findings: Finding[];
  identifiers: Array<{ type: string; value: string; source: string; first_seen: string | null; last_seen: string | null; shared_with: number }>;
  signins: {
    total: number;
    failures: number;
    first: string | null;
    last: string | null;
    ips: SigninIp[];
    countries: Array<{ country: string; n: number }>;
    recent: Array<{ occurred_at: string; source: string; user_name: string; ip: string | null; outcome: string; country: string | null; city: string | null; class: string | null; user_agent: string | null }>;
  };
  shipments: Array<{ id: string; shipped_at: string | null; status: string | null; device_serial: string | null; asset_tag: string | null; street: string | null; city: string | null; region: string | null; postal_code: string | null; country: string | null } & Place>;
  devices: Array<{
    serial: string;
    hostname: string | null;
    platform: string | null;
    enrolled_at: string | null;
    assigned_to_person: boolean;
    remote_access: Array<{ name: string; seen_as: string; table: string; last_seen: string }>;
    usb: Array<{ vendor: string | null; model: string | null; vendor_id: string | null; model_id: string | null; last_seen: string }>;
    findings: number;
  }>;
  pay_accounts: Array<{ id: string; effective_date: string; method: string; bank_name: string | null; bank_country: string | null; account: string | null; iban: string | null; wallet: string | null; account_holder: string | null }>;
  cluster: { id: string; risk_score: number; risk_level: string; size: number } | null;
  linked: Array<{ id: string; full_name: string; kind: string | null; score: number | null; level: string | null; link_kind: string; link_score: number; reasons: string[] }>;
  cases: CaseBrief[];
  attribution: string[];
}
export interface ClusterRow {
  id: string;
  risk_score: number;
  risk_level: string;
  size: number;
  reasons: string[];
  hubs: Array<{ type: string; value: string; members: number }>;
}
export interface GraphNode {
  id: string;
  kind: 'person' | 'identifier';
  label: string;
  person_kind: string | null;
  score: number | null;
  level: string | null;
  identifier_type: string | null;
  degree: number;
  hub: boolean;
}
export interface GraphEdge {
  source: string;
  target: string;
  kind: string;
  weight: number;
  label: string | null;
}
export interface ClusterDetail {
  cluster: { id: string; risk_score: number; risk_level: string; reasons: string[]; hubs: Array<{ type: string; value: string; members: number }>; explanation: Contribution[]; size: number };
  nodes: GraphNode[];
  edges: GraphEdge[];
  cases: CaseBrief[];
}
export interface CaseRow {
  id: string;
  title: string;
  subject_type: string;
  subject_id: string;
  subject_name: string | null;
  status: string;
  resolution: string | null;
  assignee: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}
export interface Attachment {
  type: 'finding' | 'signin' | 'identifier' | 'device' | 'ip';
  id: string;
  label?: string;
}
export interface CaseDetail {
  case: CaseRow;
  notes: Array<{ id: string; case_id: string; author: string; body: string; attachments: Attachment[]; created_at: string }>;
  attached_findings: Finding[];
}
export interface Job {
  id: string;
  kind: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  created_by: string;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  progress: string | null;
  log: string[];
  result: unknown;
  error: string | null;
}
export interface RuleRow {
  id: string;
  title: string;
  description: string;
  rationale: string;
  severity: string;
  sources: string[];
  data_needed: string[];
  false_positives: string[];
  attack: string[];
  in_catalog: boolean;
  enabled: boolean;
  findings: number;
  subjects: number;
  last_fired: string | null;
}
export interface SourceRow {
  source: string;
  files: number;
  records_read: number;
  accepted: number;
  rejected: number;
  quarantined: number;
  last_ingest: string | null;
}
export interface Overview {
  people: { total: number; levels: Record<string, number>; kinds: Record<string, number> };
  top_people: Array<{ id: string; full_name: string; kind: string; score: number | null; level: string | null; rules: string[] }>;
  top_clusters: Array<{ id: string; risk_score: number; risk_level: string; size: number; reasons: string[] }>;
  cases: { by_status: Record<string, number>; open: CaseRow[] };
  sources: Array<{ source: string; files: number; accepted: number; rejected: number; last_ingest: string | null }>;
  last_scan: { id: string; started_at: string; finished_at: string | null } | null;
}
export interface AuditEntry {
  id: string;
  at: string;
  actor: string;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  detail: Record<string, unknown>;
}
export interface UserRow {
  id: string;
  username: string;
  role: Role;
  created_at: string;
  disabled: boolean;
}
