/**
 * Opening the store: SQLite (the embedded default, a file) or PostgreSQL (a `postgres://` URL), one
 * query layer over both, migrations applied on open.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type MigrationProvider } from 'kysely';
import pg from 'pg';
import { migrations } from './migrations/index.js';
import type { Database } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';

export interface Store {
  db: Kysely<Database>;
  dialect: Dialect;
  /** Where the data lives, for messages (PostgreSQL passwords are removed). */
  location: string;
  /** The raw better-sqlite3 handle, for the bulk-insert fast path; null on PostgreSQL. */
  sqlite: SQLite.Database | null;
  /** The PostgreSQL schema holding Unmask's tables, when the URL named one. */
  schema?: string | null;
  close(): Promise<void>;
}

export const DEFAULT_DB = './unmask.db';

// PostgreSQL returns int8 (COUNT(*)) and numeric as strings by default; Unmask's counts fit a double.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

/** Remove a password from a URL before it is shown or logged. */
export function redactUrl(url: string): string {
  if (!isPostgresUrl(url)) return url;
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://(unparsable url)';
  }
}

const provider: MigrationProvider = { getMigrations: async () => migrations };

export interface OpenOptions {
  /** Apply pending migrations (default true). */
  migrate?: boolean;
}

/**
 * Open a store. `target` is a SQLite file path (or `:memory:`), `sqlite:PATH`, or a PostgreSQL URL;
 * a PostgreSQL URL may carry `?schema=NAME` to keep Unmask's tables in their own schema (created if
 * missing), which is how parallel test runs stay apart.
 */
export async function openStore(target: string = DEFAULT_DB, options: OpenOptions = {}): Promise<Store> {
  if (isPostgresUrl(target)) return openPostgres(target, options);
  const file = target.startsWith('sqlite:') ? target.slice('sqlite:'.length) : target;
  if (file !== ':memory:') mkdirSync(dirname(resolve(file)), { recursive: true });
  const sqlite = new SQLite(file);
  // WAL lets the API read while a scan writes; NORMAL sync is safe with WAL and much faster.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  const store: Store = { db, dialect: 'sqlite', location: file === ':memory:' ? file : resolve(file), sqlite, close: () => db.destroy() };
  if (options.migrate !== false) await migrateToLatest(store);
  return store;
}

/**
 * Advisory-lock key that serialises schema changes of all Unmask instances sharing one PostgreSQL
 * database: Kysely's migrator introspects every schema, which fails if another instance creates or
 * drops its schema at the same moment.
 */
export const PG_SCHEMA_LOCK = 726_511_121;

/** Run `fn` with a client holding the database-wide schema-change lock. */
export async function withPostgresSchemaLock<T>(connectionString: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [PG_SCHEMA_LOCK]);
    return await fn(client);
  } finally {
    await client.end(); // ending the session releases the lock
  }
}

async function openPostgres(target: string, options: OpenOptions): Promise<Store> {
  const u = new URL(target);
  const schema = u.searchParams.get('schema');
  u.searchParams.delete('schema');
  if (schema && !/^[a-z_][a-z0-9_]*$/i.test(schema)) throw new Error(`invalid schema name in database URL: ${schema}`);
  const pool = new pg.Pool({
    connectionString: u.toString(),
    max: 10,
    ...(schema ? { options: `-c search_path="${schema}"` } : {}),
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const store: Store = { db, dialect: 'postgres', location: redactUrl(target), sqlite: null, schema, close: () => db.destroy() };
  try {
    await withPostgresSchemaLock(u.toString(), async (client) => {
      if (schema) await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
      if (options.migrate !== false) await migrateToLatest(store);
    });
  } catch (err) {
    await db.destroy();
    throw err;
  }
  return store;
}

export async function migrateToLatest(store: Store): Promise<string[]> {
  // Migrations of different stages are independent, so a database may have applied a later one
  // first. Name the schema: without it Kysely looks for its migration tables in every schema of the
  // database and trips over another Unmask instance's tables.
  const migrator = new Migrator({ db: store.db, provider, allowUnorderedMigrations: true, ...(store.schema ? { migrationTableSchema: store.schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`database migration ${failed?.migrationName ?? ''} failed on ${store.location}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
