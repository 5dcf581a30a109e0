/**
 * Queries of the ingest stage: the fast bulk writer (prepared INSERT OR IGNORE on SQLite,
 * multi-row INSERT ... ON CONFLICT on PostgreSQL), the join lookups, the re-join of records stored
 * before their person or device was known, run bookkeeping and the quarantine listing.
 */
import type { Insertable } from 'kysely';
import { sql } from 'kysely';
import type SQLite from 'better-sqlite3';
import { insertIgnore, upsert, type TableName } from '../bulk.js';
import type { Store } from '../db.js';
import type { Database, IngestFilesTable, QuarantineTable } from '../schema.js';

type Row<T extends TableName> = Insertable<Database[T]>;

/** How a table takes rows: keep the first (observations) or replace (reference data). */
export type WriteMode = { kind: 'ignore' } | { kind: 'upsert'; keys: string[]; update?: string[] };

/**
 * Write a batch in one transaction. Returns how many rows were new (for `ignore`) or written (for
 * `upsert`). Column order is taken from the first row; all rows of a batch share it.
 */
export async function writeBatch<T extends TableName>(store: Store, table: T, rows: Array<Row<T>>, mode: WriteMode): Promise<number> {
  if (rows.length === 0) return 0;
  const cols = Object.keys(rows[0] as object);
  if (store.sqlite) return writeSqlite(store.sqlite, table, cols, rows as Array<Record<string, unknown>>, mode);
  if (mode.kind === 'ignore') return insertIgnore(store, table, rows);
  if (!mode.update) return upsert(store, table, mode.keys, rows);
  const update = mode.update;
  await store.db
    .insertInto(table)
    .values(rows as any)
    .onConflict((oc) => oc.columns(mode.keys as any).doUpdateSet((eb) => Object.fromEntries(update.map((c) => [c, eb.ref(`excluded.${c}` as any)])) as any))
    .execute();
  return rows.length;
}

/** The SQLite statement that writes one row of `cols` into `table` (positional parameters). */
export function sqliteWriteStatement(table: string, cols: string[], mode: WriteMode): string {
  const list = cols.map((c) => `"${c}"`).join(', ');
  const params = cols.map(() => '?').join(', ');
  if (mode.kind === 'ignore') return `INSERT OR IGNORE INTO "${table}" (${list}) VALUES (${params})`;
  const update = mode.update ?? cols.filter((c) => !mode.keys.includes(c));
  return `INSERT INTO "${table}" (${list}) VALUES (${params}) ON CONFLICT (${mode.keys.map((k) => `"${k}"`).join(', ')}) DO ${
    update.length ? `UPDATE SET ${update.map((c) => `"${c}" = excluded."${c}"`).join(', ')}` : 'NOTHING'
  }`;
}

/** Rows as arrays in `cols` order, for positional parameters. */
export function rowValues(rows: Array<Record<string, unknown>>, cols: string[]): unknown[][] {
  return rows.map((r) => cols.map((c) => r[c] ?? null));
}

const statements = new WeakMap<SQLite.Database, Map<string, SQLite.Statement>>();

function writeSqlite(db: SQLite.Database, table: string, cols: string[], rows: Array<Record<string, unknown>>, mode: WriteMode): number {
  const text = sqliteWriteStatement(table, cols, mode);
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let stmt = cache.get(text);
  if (!stmt) cache.set(text, (stmt = db.prepare(text)));
  const s = stmt;
  const values = rowValues(rows, cols);
  return db.transaction(() => {
    let changed = 0;
    for (const v of values) changed += s.run(v).changes;
    return changed;
  })();
}

/** Lower-cased work email → internal person id, for employees and contractors. */
export async function personIdsByEmail(store: Store): Promise<Map<string, string>> {
  const rows = await store.db
    .selectFrom('people')
    .select(['id', 'work_email_norm'])
    .where('work_email_norm', 'is not', null)
    .where('kind', '<>', 'candidate')
    .orderBy('id')
    .execute();
  const map = new Map<string, string>();
  for (const r of rows) if (r.work_email_norm && !map.has(r.work_email_norm)) map.set(r.work_email_norm, r.id);
  return map;
}

/** Host identifier or lower-cased hostname → device serial. */
export async function serialsByHost(store: Store): Promise<Map<string, string>> {
  const rows = await store.db.selectFrom('devices').select(['serial', 'hostname', 'host_identifier']).orderBy('serial').execute();
  const map = new Map<string, string>();
  for (const r of rows) if (r.hostname && !map.has(r.hostname.toLowerCase())) map.set(r.hostname.toLowerCase(), r.serial);
  // A host identifier seen with the serial wins over a hostname.
  for (const r of rows) if (r.host_identifier) map.set(r.host_identifier.toLowerCase(), r.serial);
  return map;
}

/**
 * Record that a host reported a serial: a device unknown to the inventory is added (unassigned),
 * and a known one learns its host identifier. Inventory fields are never overwritten.
 */
export async function recordHostSerials(store: Store, pairs: Array<{ host: string; serial: string; hostname?: string | null; file: string }>): Promise<void> {
  if (pairs.length === 0) return;
  await writeBatch(
    store,
    'devices',
    pairs.map((p) => ({ serial: p.serial, hostname: p.hostname ?? null, person_id: null, platform: null, enrolled_at: null, host_identifier: p.host, source_file: p.file })),
    { kind: 'ignore' },
  );
  for (const p of pairs) {
    await store.db.updateTable('devices').set({ host_identifier: p.host }).where('serial', '=', p.serial).where('host_identifier', 'is', null).execute();
  }
}

const updated = (r: { numUpdatedRows?: bigint } | undefined) => Number(r?.numUpdatedRows ?? 0n);

/** Join sign-ins stored without a person to people whose work email now matches. */
export async function rejoinSignIns(store: Store, byEmail: Map<string, string>): Promise<number> {
  const users = await store.db.selectFrom('signins').select('user_name').distinct().where('person_id', 'is', null).execute();
  let n = 0;
  for (const { user_name } of users) {
    const id = byEmail.get(user_name.trim().toLowerCase());
    if (!id) continue;
    n += updated(await store.db.updateTable('signins').set({ person_id: id }).where('user_name', '=', user_name).where('person_id', 'is', null).executeTakeFirst());
  }
  return n;
}

/** Join osquery rows stored without a device to the serial now known for their host. */
export async function rejoinEndpointRows(store: Store, byHost: Map<string, string>): Promise<number> {
  const hosts = await store.db.selectFrom('endpoint_rows').select('host_identifier').distinct().where('device_serial', 'is', null).execute();
  let n = 0;
  for (const { host_identifier } of hosts) {
    const serial = byHost.get(host_identifier.toLowerCase());
    if (!serial) continue;
    n += updated(
      await store.db.updateTable('endpoint_rows').set({ device_serial: serial }).where('host_identifier', '=', host_identifier).where('device_serial', 'is', null).executeTakeFirst(),
    );
  }
  return n;
}

/**
 * Join Zeek connections to devices through the addresses osquery reported
 * (`interface_addresses`). An address reported by two devices is ambiguous and left alone.
 */
export async function rejoinNetConnections(store: Store): Promise<number> {
  const rows = await store.db
    .selectFrom('endpoint_rows')
    .select(['device_serial', 'columns'])
    .where('table_name', '=', 'interface_addresses')
    .where('device_serial', 'is not', null)
    .where('action', '<>', 'removed')
    .execute();
  const byAddress = new Map<string, string | null>();
  for (const r of rows) {
    let address: string | undefined;
    try {
      address = (JSON.parse(r.columns) as { address?: string }).address;
    } catch {
      continue;
    }
    if (!address) continue;
    const seen = byAddress.get(address);
    byAddress.set(address, seen === undefined || seen === r.device_serial ? r.device_serial : null);
  }
  if (byAddress.size === 0) return 0;
  const origins = await store.db.selectFrom('net_connections').select('orig_h').distinct().where('device_serial', 'is', null).execute();
  let n = 0;
  for (const { orig_h } of origins) {
    const serial = byAddress.get(orig_h);
    if (!serial) continue;
    n += updated(await store.db.updateTable('net_connections').set({ device_serial: serial }).where('orig_h', '=', orig_h).where('device_serial', 'is', null).executeTakeFirst());
  }
  return n;
}

/** Assign unassigned devices to the person the latest (not returned) shipment of that serial went to. */
export async function assignDevicesFromShipments(store: Store): Promise<number> {
  const r = await sql`
    UPDATE devices SET person_id = (
      SELECT s.person_id FROM shipments s
      WHERE s.device_serial = devices.serial AND (s.status IS NULL OR s.status <> 'returned')
      ORDER BY COALESCE(s.shipped_at, '') DESC, s.id DESC LIMIT 1)
    WHERE person_id IS NULL AND EXISTS (
      SELECT 1 FROM shipments s WHERE s.device_serial = devices.serial AND (s.status IS NULL OR s.status <> 'returned'))`.execute(store.db);
  return Number(r.numAffectedRows ?? 0n);
}

/** Rows of one file still not joined: sign-ins without a person, endpoint/network rows without a device, devices without a person. */
export async function unmatchedInFile(store: Store, file: string): Promise<{ people: number; devices: number }> {
  const count = async (q: Promise<{ n: number | string | bigint } | undefined>) => Number((await q)?.n ?? 0);
  const people =
    (await count(store.db.selectFrom('signins').select(sql<number>`count(*)`.as('n')).where('source_file', '=', file).where('person_id', 'is', null).executeTakeFirst())) +
    (await count(store.db.selectFrom('devices').select(sql<number>`count(*)`.as('n')).where('source_file', '=', file).where('person_id', 'is', null).executeTakeFirst()));
  const devices =
    (await count(store.db.selectFrom('endpoint_rows').select(sql<number>`count(*)`.as('n')).where('source_file', '=', file).where('device_serial', 'is', null).executeTakeFirst())) +
    (await count(store.db.selectFrom('net_connections').select(sql<number>`count(*)`.as('n')).where('source_file', '=', file).where('device_serial', 'is', null).executeTakeFirst()));
  return { people, devices };
}

export async function startIngestRun(store: Store, id: string, target: string, startedAt: string): Promise<void> {
  await store.db.insertInto('ingest_runs').values({ id, started_at: startedAt, finished_at: null, target, stats: '{}' }).execute();
}

export async function finishIngestRun(store: Store, id: string, finishedAt: string, stats: unknown, files: IngestFilesTable[]): Promise<void> {
  await store.db.updateTable('ingest_runs').set({ finished_at: finishedAt, stats: JSON.stringify(stats) }).where('id', '=', id).execute();
  if (files.length) await insertIgnore(store, 'ingest_files', files);
}

export interface QuarantineQuery {
  /** A file path, or the end of one (`bad.csv` matches `/data/bad.csv`). */
  file?: string;
  source?: string;
  limit?: number;
}

export async function listQuarantine(store: Store, q: QuarantineQuery = {}): Promise<{ rows: QuarantineTable[]; total: number }> {
  let base = store.db.selectFrom('quarantine');
  if (q.file) {
    const f = q.file;
    base = base.where((eb) => eb.or([eb('file', '=', f), eb('file', 'like', `%/${f}`)]));
  }
  if (q.source) base = base.where('source', '=', q.source);
  const total = Number((await base.select(sql<number>`count(*)`.as('n')).executeTakeFirst())?.n ?? 0);
  const rows = await base
    .selectAll()
    .orderBy('file')
    .orderBy('line')
    .limit(q.limit ?? 1000)
    .execute();
  return { rows, total };
}

/**
 * Bulk loads on SQLite: a table's secondary indexes are dropped before a large load and re-created
 * after it, which costs one sort per index instead of a random B-tree insert per row and index.
 * The definitions are kept in `ingest_deferred_indexes` until restored, so an interrupted run's
 * indexes come back on the next run. No-ops on PostgreSQL.
 */
export async function deferIndexes(store: Store, table: string): Promise<string[]> {
  const db = store.sqlite;
  if (!db) return [];
  const indexes = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL").all(table) as Array<{ name: string; sql: string }>;
  const now = new Date().toISOString();
  const keep = db.prepare('INSERT OR REPLACE INTO ingest_deferred_indexes (name, table_name, definition, deferred_at) VALUES (?, ?, ?, ?)');
  db.transaction(() => {
    for (const ix of indexes) {
      keep.run(ix.name, table, ix.sql, now);
      db.exec(`DROP INDEX IF EXISTS "${ix.name.replace(/"/g, '""')}"`);
    }
  })();
  return indexes.map((ix) => ix.name);
}

/** Re-create every deferred index (this run's, or a dead run's). Returns how many. */
export async function restoreDeferredIndexes(store: Store): Promise<number> {
  const db = store.sqlite;
  if (!db) return 0;
  const rows = db.prepare('SELECT name, definition FROM ingest_deferred_indexes ORDER BY name').all() as Array<{ name: string; definition: string }>;
  for (const r of rows) {
    // The stored definition is SQLite's own CREATE INDEX text; IF NOT EXISTS makes a retry harmless.
    db.exec(r.definition.replace(/^CREATE (UNIQUE )?INDEX /i, (m) => `${m}IF NOT EXISTS `));
    db.prepare('DELETE FROM ingest_deferred_indexes WHERE name = ?').run(r.name);
  }
  return rows.length;
}

/** Rows in a table, cheaply estimated (SQLite: the largest rowid). */
export async function rowEstimate(store: Store, table: 'signins' | 'endpoint_rows' | 'net_connections'): Promise<number> {
  if (store.sqlite) return Number((store.sqlite.prepare(`SELECT max(rowid) AS n FROM "${table}"`).get() as { n: number | null }).n ?? 0);
  return Number((await store.db.selectFrom(table).select(sql<number>`count(*)`.as('n')).executeTakeFirst())?.n ?? 0);
}
