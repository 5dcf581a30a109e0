/**
 * Initial schema. Frozen: later changes go into new, date-prefixed migrations; this file never
 * imports application code. Column types are chosen to mean the same on SQLite and PostgreSQL:
 * text, integer, double precision (REAL affinity on SQLite).
 */
import { type Kysely, sql } from 'kysely';

type Col = [name: string, type: 'text' | 'integer' | 'double precision', notNull?: boolean];

const T = (name: string, nn = false): Col => [name, 'text', nn];
const I = (name: string, nn = false): Col => [name, 'integer', nn];
const R = (name: string, nn = false): Col => [name, 'double precision', nn];

const sealed = (prefix: string): Col[] => [T(`${prefix}_hash`), T(`${prefix}_last4`)];

const tables: Record<string, { cols: Col[]; pk: string[]; indexes?: string[][]; unique?: string[][] }> = {
  people: {
    cols: [
      T('id', true), T('source_id', true), T('kind', true), T('full_name', true), T('work_email'),
      T('work_email_norm'), T('personal_email'), T('phone'), T('date_of_birth'), T('home_street'),
      T('home_city'), T('home_region'), T('home_postal_code'), T('home_country'), T('timezone'),
      T('agency'), T('title'), T('department'), T('manager_id'), T('hire_date'), T('end_date'),
      T('applied_at'), T('position'), T('resume_text'), T('photo_sha256'), T('photo_phash'),
      T('profile_urls', true), T('referred_by'), T('hired_person_id'), T('interview_flags', true),
      T('extra', true), T('source_file'), T('updated_at', true),
    ],
    pk: ['id'],
    indexes: [['work_email_norm'], ['kind'], ['hired_person_id']],
  },
  identifiers: {
    cols: [T('id', true), T('person_id', true), T('type', true), T('value', true), T('display'), T('source', true), T('first_seen'), T('last_seen')],
    pk: ['id'],
    indexes: [['type', 'value'], ['person_id']],
  },
  devices: {
    cols: [T('serial', true), T('hostname'), T('person_id'), T('platform'), T('enrolled_at'), T('host_identifier'), T('source_file')],
    pk: ['serial'],
    indexes: [['person_id'], ['host_identifier']],
  },
  signins: {
    cols: [
      T('id', true), T('source', true), T('occurred_at', true), T('user_name', true), T('person_id'), T('ip'),
      T('outcome', true), T('event_type'), T('session_id'), T('user_agent'), T('device_fingerprint'), T('mfa_device'),
      T('vendor_country'), T('vendor_city'), R('vendor_lat'), R('vendor_lon'), I('vendor_asn'), T('vendor_isp'),
      I('vendor_proxy'), T('source_file'), I('source_line'),
    ],
    pk: ['id'],
    indexes: [['person_id', 'occurred_at'], ['ip'], ['user_name']],
  },
  endpoint_rows: {
    cols: [
      T('id', true), T('host_identifier', true), T('device_serial'), T('query_name', true), T('table_name', true),
      T('action', true), T('observed_at', true), T('columns', true), T('source_file'), I('source_line'),
    ],
    pk: ['id'],
    indexes: [['device_serial', 'table_name'], ['host_identifier']],
  },
  net_connections: {
    cols: [
      T('id', true), T('occurred_at', true), T('uid'), T('orig_h', true), I('orig_p'), T('resp_h', true), I('resp_p'),
      T('proto'), T('service'), R('duration_s'), R('orig_bytes'), R('resp_bytes'), T('conn_state'), T('device_serial'),
      T('source_file'), I('source_line'),
    ],
    pk: ['id'],
    indexes: [['orig_h'], ['resp_p'], ['device_serial']],
  },
  pay_accounts: {
    cols: [
      T('id', true), T('person_id', true), T('effective_date', true), T('method', true), T('bank_name'), T('bank_country'),
      T('routing_number'), ...sealed('account'), ...sealed('iban'), ...sealed('wallet'), T('account_holder'), T('source_file'),
    ],
    pk: ['id'],
    indexes: [['person_id'], ['account_hash'], ['iban_hash'], ['wallet_hash']],
  },
  payments: {
    cols: [
      T('id', true), T('person_id', true), T('paid_at', true), R('amount', true), T('currency', true),
      ...sealed('account'), ...sealed('iban'), ...sealed('wallet'), T('source_file'),
    ],
    pk: ['id'],
    indexes: [['person_id']],
  },
  shipments: {
    cols: [
      T('id', true), T('person_id', true), T('device_serial'), T('asset_tag'), T('shipped_at'), T('ship_street'), T('ship_city'),
      T('ship_region'), T('ship_postal_code'), T('ship_country'), T('status'), T('source_file'),
    ],
    pk: ['id'],
    indexes: [['person_id'], ['device_serial']],
  },
  enrichments: {
    cols: [T('kind', true), T('key', true), T('data', true), T('dataset'), T('computed_at', true)],
    pk: ['kind', 'key'],
  },
  findings: {
    cols: [
      T('id', true), T('rule_id', true), T('severity', true), T('subject_type', true), T('subject_id', true), T('summary', true),
      T('evidence', true), T('fact_keys', true), T('first_seen'), T('last_seen'), T('run_id'), T('created_at', true),
    ],
    pk: ['id'],
    indexes: [['rule_id'], ['subject_type', 'subject_id']],
  },
  links: {
    cols: [T('id', true), T('person_a', true), T('person_b', true), T('kind', true), R('score', true), T('reasons', true), T('run_id')],
    pk: ['id'],
    indexes: [['person_a'], ['person_b']],
  },
  clusters: {
    cols: [T('id', true), R('risk_score', true), T('risk_level', true), T('reasons', true), T('hubs', true), T('explanation', true), T('run_id')],
    pk: ['id'],
  },
  cluster_members: { cols: [T('person_id', true), T('cluster_id', true)], pk: ['person_id'], indexes: [['cluster_id']] },
  risk_scores: {
    cols: [T('subject_type', true), T('subject_id', true), R('score', true), T('level', true), T('explanation', true), T('run_id')],
    pk: ['subject_type', 'subject_id'],
    indexes: [['level'], ['score']],
  },
  cases: {
    cols: [
      T('id', true), T('title', true), T('subject_type', true), T('subject_id', true), T('status', true), T('resolution'),
      T('assignee'), T('created_by', true), T('created_at', true), T('updated_at', true),
    ],
    pk: ['id'],
    indexes: [['subject_type', 'subject_id'], ['status']],
  },
  case_notes: {
    cols: [T('id', true), T('case_id', true), T('author', true), T('body', true), T('attachments', true), T('created_at', true)],
    pk: ['id'],
    indexes: [['case_id']],
  },
  feedback: {
    cols: [
      T('id', true), T('subject_type', true), T('subject_id', true), T('decision', true), T('reason', true),
      T('decided_by', true), T('decided_at', true), T('evidence_fingerprint'),
    ],
    pk: ['id'],
    indexes: [['subject_type', 'subject_id']],
  },
  quarantine: {
    cols: [T('id', true), T('source', true), T('file', true), I('line', true), T('reason', true), T('raw', true), T('ingest_run_id'), T('created_at', true)],
    pk: ['id'],
    indexes: [['file']],
  },
  ingest_runs: { cols: [T('id', true), T('started_at', true), T('finished_at'), T('target', true), T('stats', true)], pk: ['id'] },
  ingest_files: {
    cols: [
      T('id', true), T('run_id', true), T('file', true), T('source', true), I('records_read', true), I('accepted', true),
      I('rejected', true), I('duplicates', true), I('unmatched_people', true), I('unmatched_devices', true), R('bytes', true),
      T('finished_at', true),
    ],
    pk: ['id'],
    indexes: [['run_id'], ['source']],
  },
  scan_runs: { cols: [T('id', true), T('started_at', true), T('finished_at'), T('target'), T('config_hash'), T('stats', true)], pk: ['id'] },
  sanctions_lists: {
    cols: [T('id', true), T('source', true), T('name', true), T('published_at'), T('loaded_at', true), I('entry_count', true), T('file_hash', true)],
    pk: ['id'],
  },
  sanctions_entries: {
    cols: [
      T('id', true), T('list_id', true), T('source_uid', true), T('entity_type', true), T('primary_name', true), T('names', true),
      T('programs', true), T('birth_dates', true), T('countries', true), T('identifiers', true), T('addresses', true), T('remarks'),
    ],
    pk: ['id'],
    indexes: [['list_id']],
  },
  users: {
    cols: [T('id', true), T('username', true), T('password_hash', true), T('role', true), T('created_at', true), I('disabled', true)],
    pk: ['id'],
    unique: [['username']],
  },
  sessions: {
    cols: [T('id', true), T('user_id', true), T('csrf_token', true), T('created_at', true), T('expires_at', true)],
    pk: ['id'],
    indexes: [['user_id']],
  },
  setup_tokens: { cols: [T('id', true), T('created_at', true), T('expires_at', true), T('used_at')], pk: ['id'] },
  audit_log: {
    cols: [T('id', true), T('at', true), T('actor', true), T('action', true), T('subject_type'), T('subject_id'), T('detail', true)],
    pk: ['id'],
    indexes: [['at'], ['subject_type', 'subject_id']],
  },
};

export async function up(db: Kysely<any>): Promise<void> {
  for (const [name, def] of Object.entries(tables)) {
    let t = db.schema.createTable(name);
    for (const [col, type, notNull] of def.cols) {
      t = t.addColumn(col, sql.raw(type), (c) => (notNull ? c.notNull() : c));
    }
    t = t.addPrimaryKeyConstraint(`${name}_pk`, def.pk as any);
    for (const u of def.unique ?? []) t = t.addUniqueConstraint(`${name}_${u.join('_')}_uq`, u as any);
    await t.execute();
    for (const ix of def.indexes ?? []) {
      await db.schema.createIndex(`${name}_${ix.join('_')}_ix`).on(name).columns(ix).execute();
    }
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const name of Object.keys(tables).reverse()) await db.schema.dropTable(name).ifExists().execute();
}
