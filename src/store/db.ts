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
  let store: Store;
  if (isPostgresUrl(target)) {
    const u = new URL(target);
    const schema = u.searchParams.get('schema');
    u.searchParams.delete('schema');
    if (schema && !/^[a-z_][a-z0-9_]*$/i.test(schema)) throw new Error(`invalid schema name in database URL: ${schema}`);
    if (schema) {
      const client = new pg.Client({ connectionString: u.toString() });
      await client.connect();
      try {
        await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
      } finally {
        await client.end();
      }
    }
    const pool = new pg.Pool({
      connectionString: u.toString(),
      max: 10,
      ...(schema ? { options: `-c search_path="${schema}"` } : {}),
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    store = { db, dialect: 'postgres', location: redactUrl(target), sqlite: null, schema, close: () => db.destroy() };
  } else {
    const file = target.startsWith('sqlite:') ? target.slice('sqlite:'.length) : target;
    if (file !== ':memory:') mkdirSync(dirname(resolve(file)), { recursive: true });
    const sqlite = new SQLite(file);
    // WAL lets the API read while a scan writes; NORMAL sync is safe with WAL and much faster.
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
    store = { db, dialect: 'sqlite', location: file === ':memory:' ? file : resolve(file), sqlite, close: () => db.destroy() };
  }
  if (options.migrate !== false) await migrateToLatest(store);
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
