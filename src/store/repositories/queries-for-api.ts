/**
 * Read queries behind the API and web UI. Each returns rows; the server's presenters shape and
 * mask them. Queries that take lists of ids chunk them to stay under bound-parameter limits.
 */
import type SQLite from 'better-sqlite3';
import { sql, type Compilable, type CompiledQuery, type Selectable } from 'kysely';
import type { Store } from '../db.js';
import type { SharedValue } from '../../link/pipeline.js';
import type { Database } from '../schema.js';

type Row<T extends keyof Database> = Selectable<Database[T]>;

// On SQLite, Kysely prepares every query anew and runs it behind an async connection lock; for the
// server's hot reads preparing cost more than running. These run the query Kysely compiled on a
// prepared statement kept per SQL text (bounded), synchronously; PostgreSQL goes through Kysely.
const STATEMENT_CACHE = 1000;
const statements = new WeakMap<SQLite.Database, Map<string, SQLite.Statement>>();

function prepared(db: SQLite.Database, text: string): SQLite.Statement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let stmt = cache.get(text);
  if (!stmt) {
    if (cache.size >= STATEMENT_CACHE) cache.delete(cache.keys().next().value!);
    cache.set(text, (stmt = db.prepare(text)));
  }
  return stmt;
}

/** All rows of a read query (a Kysely builder or `sql` template), through a cached prepared statement on SQLite. */
export async function rowsOf<R>(store: Store, query: Compilable<R> | CompiledQuery<R>): Promise<R[]> {
  const compiled = 'compile' in query ? query.compile() : query;
  if (!store.sqlite) return (await store.db.executeQuery(compiled)).rows;
  return prepared(store.sqlite, compiled.sql).all(...(compiled.parameters as unknown[])) as R[];
}

export async function firstRowOf<R>(store: Store, query: Compilable<R> | CompiledQuery<R>): Promise<R | undefined> {
  return (await rowsOf(store, query))[0];
}

/**
 * A read whose SQL depends on nothing but its string arguments' values: on SQLite it is built and
 * compiled once, with markers in place of the arguments, and later calls only bind the values (the
 * query builder cost more than the query on the person page). PostgreSQL builds it each time.
 */
function fixedShape<A extends string[], R>(build: (db: Store['db'], ...args: A) => Compilable<R>): (store: Store, ...args: A) => Promise<R[]> {
  const compiled = new WeakMap<SQLite.Database, { sql: string; parameters: unknown[]; slots: number[] }>();
  return async (store, ...args) => {
    if (!store.sqlite) return rowsOf(store, build(store.db, ...args));
    let c = compiled.get(store.sqlite);
    if (!c) {
      const markers = args.map((_, i) => `\u0000arg${i}\u0000`) as A;
      const q = build(store.db, ...markers).compile();
      const slots = q.parameters.map((v) => markers.indexOf(v as string));
      if (q.sql.includes('\u0000') || markers.some((_, i) => !slots.includes(i))) throw new Error('fixedShape: an argument is not a bound parameter');
      compiled.set(store.sqlite, (c = { sql: q.sql, parameters: [...q.parameters], slots }));
    }
    const { parameters, slots } = c;
    return prepared(store.sqlite, c.sql).all(...parameters.map((v, k) => (slots[k]! >= 0 ? args[slots[k]!] : v))) as R[];
  };
}

/** Run a write (insert, update, delete) through a cached prepared statement on SQLite. */
export async function runWrite(store: Store, query: Compilable<unknown>): Promise<void> {
  const compiled = query.compile();
  if (!store.sqlite) await store.db.executeQuery(compiled);
  else prepared(store.sqlite, compiled.sql).run(...(compiled.parameters as unknown[]));
}

const CHUNK = 500;
async function chunked<T>(ids: string[], fn: (part: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += CHUNK) out.push(...(await fn(unique.slice(i, i + CHUNK))));
  return out;
}

// ---- the people index (loaded whole, kept in memory by the server) ----

export interface PersonIndexRow {
  id: string;
  source_id: string;
  kind: string;
  full_name: string;
  work_email: string | null;
  department: string | null;
  title: string | null;
  agency: string | null;
  home_country: string | null;
  score: number | null;
  level: string | null;
}

export async function loadPeopleIndexRows(store: Store): Promise<PersonIndexRow[]> {
  return store.db
    .selectFrom('people')
    .leftJoin('risk_scores', (j) => j.onRef('risk_scores.subject_id', '=', 'people.id').on('risk_scores.subject_type', '=', 'person'))
    .select([
      'people.id',
      'people.source_id',
      'people.kind',
      'people.full_name',
      'people.work_email',
      'people.department',
      'people.title',
      'people.agency',
      'people.home_country',
      'risk_scores.score',
      'risk_scores.level',
    ])
    .execute();
}

/** Which rules fired on which person (distinct pairs). */
export async function loadPersonRulePairs(store: Store): Promise<Array<{ subject_id: string; rule_id: string; n: number }>> {
  const rows = await store.db
    .selectFrom('findings')
    .select(['subject_id', 'rule_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('subject_type', '=', 'person')
    .groupBy(['subject_id', 'rule_id'])
    .execute();
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

export async function loadClusterMembership(store: Store): Promise<Array<Row<'cluster_members'>>> {
  return store.db.selectFrom('cluster_members').selectAll().execute();
}

/**
 * A cheap fingerprint of the data the index is built from: when it changes (a scan, an ingest, a
 * decision and its re-score), the server rebuilds its in-memory index. Counts use the tables'
 * smallest index; no column is summed.
 */
export async function dataSignature(store: Store): Promise<string> {
  const r = await sql<{ a: string | null; b: string | null; c: number; d: number; e: number; f: number; g: string | null }>`
    select
      (select max(finished_at) from scan_runs) as a,
      (select max(finished_at) from ingest_runs) as b,
      (select count(*) from people) as c,
      (select count(*) from risk_scores) as d,
      (select count(*) from findings) as e,
      (select count(*) from cluster_members) as f,
      (select max(decided_at) from feedback) as g
  `;
  const x = await firstRowOf(store, r.compile(store.db));
  return x ? [x.a, x.b, x.c, x.d, x.e, x.f, x.g].map((v) => String(v ?? '')).join('|') : '';
}

// ---- one person ----

export async function getPersonRow(store: Store, id: string): Promise<Row<'people'> | undefined> {
  return firstRowOf(store, store.db.selectFrom('people').selectAll().where('id', '=', id));
}

/** A person with their risk score (null columns when unscored), in one query for the person page. */
export async function getPersonWithScore(
  store: Store,
  id: string,
): Promise<(Row<'people'> & { score_subject: string | null; score: number | null; score_level: string | null; score_explanation: string | null }) | undefined> {
  return (await personWithScore(store, id))[0];
}
const personWithScore = fixedShape((db, id: string) =>
  db
    .selectFrom('people')
    .leftJoin('risk_scores', (j) => j.onRef('risk_scores.subject_id', '=', 'people.id').on('risk_scores.subject_type', '=', 'person'))
    .selectAll('people')
    .select(['risk_scores.subject_id as score_subject', 'risk_scores.score', 'risk_scores.level as score_level', 'risk_scores.explanation as score_explanation'])
    .where('people.id', '=', id),
);

const clusterWithSize = fixedShape((db, personId: string) =>
  db
    .selectFrom('cluster_members as m')
    .innerJoin('clusters as c', 'c.id', 'm.cluster_id')
    .select(['c.id', 'c.risk_score', 'c.risk_level', (eb) => eb.selectFrom('cluster_members as m2').select((e2) => e2.fn.countAll<number>().as('n')).whereRef('m2.cluster_id', '=', 'c.id').as('size')])
    .where('m.person_id', '=', personId),
);

/** The cluster a person belongs to, with its size, in one query (undefined when in none). */
export async function clusterOfPerson(store: Store, personId: string): Promise<{ id: string; risk_score: number; risk_level: string; size: number } | undefined> {
  const [r] = await clusterWithSize(store, personId);
  return r ? { id: r.id, risk_score: Number(r.risk_score), risk_level: r.risk_level, size: Number(r.size ?? 0) } : undefined;
}

export async function getRiskScoreRow(store: Store, subjectType: string, subjectId: string): Promise<Row<'risk_scores'> | undefined> {
  return firstRowOf(store, store.db.selectFrom('risk_scores').selectAll().where('subject_type', '=', subjectType).where('subject_id', '=', subjectId));
}

// The usual person page asks about one subject: its query has a fixed shape.
const findingsForOne = fixedShape((db, subjectType: string, id: string) =>
  db.selectFrom('findings').selectAll().where('subject_type', '=', subjectType).where('subject_id', '=', id).orderBy('severity').orderBy('rule_id'),
);

export async function findingsForSubjects(store: Store, subjectType: string, ids: string[]): Promise<Array<Row<'findings'>>> {
  if (new Set(ids).size === 1) return findingsForOne(store, subjectType, ids[0]!);
  return chunked(ids, (part) =>
    rowsOf(store, store.db.selectFrom('findings').selectAll().where('subject_type', '=', subjectType).where('subject_id', 'in', part).orderBy('severity').orderBy('rule_id')),
  );
}

export type RecentSignin = Pick<Row<'signins'>, 'occurred_at' | 'source' | 'user_name' | 'ip' | 'outcome' | 'vendor_country' | 'vendor_city' | 'user_agent'>;

/** The latest sign-ins of a person, with only the columns the timeline shows (building rows of all 21 columns cost more than finding them). */
export async function recentSignins(store: Store, personId: string, limit: number): Promise<RecentSignin[]> {
  return rowsOf(
    store,
    store.db
      .selectFrom('signins')
      .select(['occurred_at', 'source', 'user_name', 'ip', 'outcome', 'vendor_country', 'vendor_city', 'user_agent'])
      .where('person_id', '=', personId)
      .orderBy('occurred_at', 'desc')
      .limit(limit),
  );
}

export interface SigninIpRow {
  ip: string | null;
  n: number;
  failures: number;
  first: string;
  last: string;
  vendor_country: string | null;
  vendor_city: string | null;
  vendor_lat: number | null;
  vendor_lon: number | null;
}

/** Sign-ins of a person grouped by IP: the map and the summary come from this, not from every event. */
export async function signinsByIp(store: Store, personId: string): Promise<SigninIpRow[]> {
  const rows = await signinsGroupedByIp(store, personId);
  return rows.map((r) => ({ ...r, n: Number(r.n), failures: Number(r.failures ?? 0) })) as SigninIpRow[];
}
const signinsGroupedByIp = fixedShape((db, personId: string) =>
  db
    .selectFrom('signins')
    .select((eb) => [
      'ip',
      eb.fn.countAll<number>().as('n'),
      eb.fn.sum<number>(eb.case().when('outcome', '=', 'failure').then(1).else(0).end()).as('failures'),
      eb.fn.min('occurred_at').as('first'),
      eb.fn.max('occurred_at').as('last'),
      eb.fn.max('vendor_country').as('vendor_country'),
      eb.fn.max('vendor_city').as('vendor_city'),
      eb.fn.max('vendor_lat').as('vendor_lat'),
      eb.fn.max('vendor_lon').as('vendor_lon'),
    ])
    .where('person_id', '=', personId)
    .groupBy('ip')
    .orderBy('n', 'desc')
    .limit(500),
);

const devicesAssignedTo = fixedShape((db, personId: string) => db.selectFrom('devices').selectAll().where('person_id', '=', personId));

export async function devicesOfPerson(store: Store, personId: string, extraSerials: string[]): Promise<Array<Row<'devices'>>> {
  const own = await devicesAssignedTo(store, personId);
  const more = await chunked(
    extraSerials.filter((s) => !own.some((d) => d.serial === s)),
    (part) => rowsOf(store, store.db.selectFrom('devices').selectAll().where('serial', 'in', part)),
  );
  return [...own, ...more];
}

/** Inventory rows of some tables for a device, newest first, bounded. */
export async function deviceInventory(store: Store, serial: string, tables: string[], limit: number): Promise<Array<Pick<Row<'endpoint_rows'>, 'table_name' | 'columns' | 'observed_at' | 'action'>>> {
  return rowsOf(
    store,
    store.db
      .selectFrom('endpoint_rows')
      .select(['table_name', 'columns', 'observed_at', 'action'])
      .where('device_serial', '=', serial)
      .where('table_name', 'in', tables)
      .orderBy('observed_at', 'desc')
      .limit(limit),
  );
}

export const payAccountsOf: (store: Store, personId: string) => Promise<Array<Row<'pay_accounts'>>> = fixedShape((db, personId: string) =>
  db.selectFrom('pay_accounts').selectAll().where('person_id', '=', personId).orderBy('effective_date'),
);

export const shipmentsOf: (store: Store, personId: string) => Promise<Array<Row<'shipments'>>> = fixedShape((db, personId: string) =>
  db.selectFrom('shipments').selectAll().where('person_id', '=', personId).orderBy('shipped_at'),
);

const identifiersOfOne = fixedShape((db, id: string) => db.selectFrom('identifiers').selectAll().where('person_id', '=', id).orderBy('type').orderBy('value'));

export async function identifiersOf(store: Store, personIds: string[]): Promise<Array<Row<'identifiers'>>> {
  if (new Set(personIds).size === 1) return identifiersOfOne(store, personIds[0]!);
  return chunked(personIds, (part) => rowsOf(store, store.db.selectFrom('identifiers').selectAll().where('person_id', 'in', part).orderBy('type').orderBy('value')));
}

export async function clusterIdOf(store: Store, personId: string): Promise<string | undefined> {
  const r = await firstRowOf(store, store.db.selectFrom('cluster_members').select('cluster_id').where('person_id', '=', personId));
  return r?.cluster_id;
}

export const linksOfPerson: (store: Store, personId: string) => Promise<Array<Row<'links'>>> = fixedShape((db, personId: string) =>
  db
    .selectFrom('links')
    .selectAll()
    .where((eb) => eb.or([eb('person_a', '=', personId), eb('person_b', '=', personId)]))
    .orderBy('score', 'desc')
    .limit(200),
);

const enrichmentOf = fixedShape((db, kind: string, key: string) => db.selectFrom('enrichments').selectAll().where('kind', '=', kind).where('key', '=', key));

export async function enrichmentsFor(store: Store, kind: string, keys: string[]): Promise<Array<Row<'enrichments'>>> {
  if (new Set(keys).size === 1) return enrichmentOf(store, kind, keys[0]!);
  return chunked(keys, (part) => rowsOf(store, store.db.selectFrom('enrichments').selectAll().where('kind', '=', kind).where('key', 'in', part)));
}

export interface PersonBrief {
  id: string;
  source_id: string;
  kind: string;
  full_name: string;
  score: number | null;
  level: string | null;
}

export async function peopleBrief(store: Store, ids: string[]): Promise<PersonBrief[]> {
  return chunked(ids, (part) =>
    rowsOf(
      store,
      store.db
        .selectFrom('people')
        .leftJoin('risk_scores', (j) => j.onRef('risk_scores.subject_id', '=', 'people.id').on('risk_scores.subject_type', '=', 'person'))
        .select(['people.id', 'people.source_id', 'people.kind', 'people.full_name', 'risk_scores.score', 'risk_scores.level'])
        .where('people.id', 'in', part),
    ),
  );
}

// ---- clusters ----

export async function listClusterRows(store: Store, limit: number, offset: number, minLevel?: string[]): Promise<{ total: number; rows: Array<Row<'clusters'> & { size: number }> }> {
  let q = store.db.selectFrom('clusters');
  if (minLevel?.length) q = q.where('risk_level', 'in', minLevel);
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .selectAll('clusters')
    .select((eb) => eb.selectFrom('cluster_members').select((e2) => e2.fn.countAll<number>().as('c')).whereRef('cluster_members.cluster_id', '=', 'clusters.id').as('size'))
    .orderBy('risk_score', 'desc')
    .orderBy('id')
    .limit(limit)
    .offset(offset)
    .execute();
  return { total: Number(total.n), rows: rows.map((r) => ({ ...r, size: Number(r.size ?? 0) })) };
}

export async function getClusterRow(store: Store, id: string): Promise<Row<'clusters'> | undefined> {
  return firstRowOf(store, store.db.selectFrom('clusters').selectAll().where('id', '=', id));
}

export async function clusterMemberIds(store: Store, clusterId: string): Promise<string[]> {
  return (await store.db.selectFrom('cluster_members').select('person_id').where('cluster_id', '=', clusterId).orderBy('person_id').execute()).map((r) => r.person_id);
}

export async function linksAmong(store: Store, ids: string[]): Promise<Array<Row<'links'>>> {
  const set = new Set(ids);
  const rows = await chunked(ids, (part) => store.db.selectFrom('links').selectAll().where('person_a', 'in', part).execute());
  return rows.filter((l) => set.has(l.person_b));
}

// ---- findings, rules ----

export interface FindingFilter {
  rule_id?: string;
  severity?: string;
  subject_type?: string;
  subject_id?: string;
  limit: number;
  offset: number;
}

export async function listFindingRows(store: Store, f: FindingFilter): Promise<{ total: number; rows: Array<Row<'findings'>> }> {
  let q = store.db.selectFrom('findings');
  if (f.rule_id) q = q.where('rule_id', '=', f.rule_id);
  if (f.severity) q = q.where('severity', '=', f.severity);
  if (f.subject_type) q = q.where('subject_type', '=', f.subject_type);
  if (f.subject_id) q = q.where('subject_id', '=', f.subject_id);
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q.selectAll().orderBy('created_at', 'desc').orderBy('id').limit(f.limit).offset(f.offset).execute();
  return { total: Number(total.n), rows };
}

export async function ruleFireCounts(store: Store): Promise<Array<{ rule_id: string; findings: number; subjects: number; last_seen: string | null }>> {
  const rows = await store.db
    .selectFrom('findings')
    .select((eb) => [
      'rule_id',
      eb.fn.countAll<number>().as('findings'),
      eb.fn.count<number>('subject_id').distinct().as('subjects'),
      eb.fn.max('created_at').as('last_seen'),
    ])
    .groupBy('rule_id')
    .execute();
  return rows.map((r) => ({ rule_id: r.rule_id, findings: Number(r.findings), subjects: Number(r.subjects), last_seen: r.last_seen ?? null }));
}

// ---- data: sources, ingest runs, quarantine ----

export async function sourceFreshness(store: Store): Promise<Array<{ source: string; files: number; records_read: number; accepted: number; rejected: number; last_ingest: string | null }>> {
  const rows = await store.db
    .selectFrom('ingest_files')
    .select((eb) => [
      'source',
      eb.fn.countAll<number>().as('files'),
      eb.fn.sum<number>('records_read').as('records_read'),
      eb.fn.sum<number>('accepted').as('accepted'),
      eb.fn.sum<number>('rejected').as('rejected'),
      eb.fn.max('finished_at').as('last_ingest'),
    ])
    .groupBy('source')
    .orderBy('source')
    .execute();
  return rows.map((r) => ({
    source: r.source,
    files: Number(r.files),
    records_read: Number(r.records_read ?? 0),
    accepted: Number(r.accepted ?? 0),
    rejected: Number(r.rejected ?? 0),
    last_ingest: r.last_ingest ?? null,
  }));
}

export async function listIngestRunRows(store: Store, limit: number): Promise<Array<Row<'ingest_runs'>>> {
  return store.db.selectFrom('ingest_runs').selectAll().orderBy('started_at', 'desc').limit(limit).execute();
}

export async function ingestFilesOf(store: Store, runIds: string[]): Promise<Array<Row<'ingest_files'>>> {
  return chunked(runIds, (part) => store.db.selectFrom('ingest_files').selectAll().where('run_id', 'in', part).orderBy('file').execute());
}

export async function listScanRunRows(store: Store, limit: number): Promise<Array<Row<'scan_runs'>>> {
  return store.db.selectFrom('scan_runs').selectAll().orderBy('started_at', 'desc').limit(limit).execute();
}

export async function listQuarantineRows(store: Store, f: { source?: string; file?: string; limit: number; offset: number }): Promise<{ total: number; rows: Array<Row<'quarantine'>> }> {
  let q = store.db.selectFrom('quarantine');
  if (f.source) q = q.where('source', '=', f.source);
  if (f.file) q = q.where('file', '=', f.file);
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q.selectAll().orderBy('file').orderBy('line').limit(f.limit).offset(f.offset).execute();
  return { total: Number(total.n), rows };
}

export async function quarantineCountsBySource(store: Store): Promise<Record<string, number>> {
  const rows = await store.db.selectFrom('quarantine').select(['source', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('source').execute();
  return Object.fromEntries(rows.map((r) => [r.source, Number(r.n)]));
}

// ---- feedback ----

export async function listFeedbackRows(store: Store, f: { subject_type?: string; subject_id?: string; limit: number; offset: number }): Promise<{ total: number; rows: Array<Row<'feedback'>> }> {
  let q = store.db.selectFrom('feedback');
  if (f.subject_type) q = q.where('subject_type', '=', f.subject_type);
  if (f.subject_id) q = q.where('subject_id', '=', f.subject_id);
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q.selectAll().orderBy('decided_at', 'desc').orderBy('id').limit(f.limit).offset(f.offset).execute();
  return { total: Number(total.n), rows };
}

const holdersOfOne = fixedShape((db, type: string, value: string) =>
  db
    .selectFrom('identifiers')
    .select(['value', (eb) => eb.fn.count<number>('person_id').distinct().as('n')])
    .where('type', '=', type)
    .where('value', '=', value)
    .groupBy('value'),
);

/** How many other people hold each of these identifiers, keyed `type\0value` (one indexed query per type). */
export async function identifierShareCounts(store: Store, ids: Array<{ type: string; value: string }>): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const byType = new Map<string, string[]>();
  for (const i of ids.slice(0, 500)) (byType.get(i.type) ?? byType.set(i.type, []).get(i.type)!).push(i.value);
  for (const [type, values] of byType) {
    const rows =
      new Set(values).size === 1
        ? await holdersOfOne(store, type, values[0]!)
        : await chunked(values, (part) =>
            rowsOf(
              store,
              store.db
                .selectFrom('identifiers')
                .select(['value', (eb) => eb.fn.count<number>('person_id').distinct().as('n')])
                .where('type', '=', type)
                .where('value', 'in', part)
                .groupBy('value'),
            ),
          );
    for (const r of rows) out.set(`${type}\u0000${r.value}`, Math.max(0, Number(r.n) - 1));
  }
  return out;
}

export async function getFindingRow(store: Store, id: string): Promise<Row<'findings'> | undefined> {
  return store.db.selectFrom('findings').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function getFindingRows(store: Store, ids: string[]): Promise<Array<Row<'findings'>>> {
  return chunked(ids, (part) => store.db.selectFrom('findings').selectAll().where('id', 'in', part).execute());
}

export async function countLevels(store: Store, subjectType: string): Promise<Record<string, number>> {
  const rows = await store.db.selectFrom('risk_scores').select(['level', (eb) => eb.fn.countAll<number>().as('n')]).where('subject_type', '=', subjectType).groupBy('level').execute();
  return Object.fromEntries(rows.map((r) => [r.level, Number(r.n)]));
}

/** What the link stage recorded about a cluster: the values its members share (or undefined before linking). */
export async function clusterSharedValues(store: Store, clusterId: string): Promise<SharedValue[] | undefined> {
  const r = await store.db.selectFrom('cluster_evidence').select('shared').where('cluster_id', '=', clusterId).executeTakeFirst();
  if (!r) return undefined;
  try {
    return JSON.parse(r.shared) as SharedValue[];
  } catch {
    return undefined;
  }
}

/** Candidate records of someone who was hired: their identifiers and findings belong to the employee. */
export async function hiredCandidateIds(store: Store, hrSourceId: string): Promise<string[]> {
  return (await candidatesHiredAs(store, hrSourceId)).map((r) => r.id);
}
const candidatesHiredAs = fixedShape((db, hrSourceId: string) => db.selectFrom('people').select('id').where('kind', '=', 'candidate').where('hired_person_id', '=', hrSourceId));

export const casesAbout: (store: Store, subjectType: string, subjectId: string) => Promise<Array<Row<'cases'>>> = fixedShape((db, subjectType: string, subjectId: string) =>
  db.selectFrom('cases').selectAll().where('subject_type', '=', subjectType).where('subject_id', '=', subjectId).orderBy('updated_at', 'desc').limit(50),
);

export async function clusterSize(store: Store, clusterId: string): Promise<number> {
  const r = await firstRowOf(store, store.db.selectFrom('cluster_members').select((eb) => eb.fn.countAll<number>().as('n')).where('cluster_id', '=', clusterId));
  return Number(r?.n ?? 0);
}
