/**
 * Every storage-touching test runs once per dialect: SQLite always, PostgreSQL when
 * UNMASK_TEST_PG_URL is set (.ci/run sets it). Each store gets its own SQLite file or its own
 * PostgreSQL schema, so parallel test files and parallel runs never collide.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe } from 'vitest';
import { openStore, withPostgresSchemaLock, type Dialect, type Store } from '../../src/store/db.js';

export const PG_URL = process.env.UNMASK_TEST_PG_URL ?? '';
export const DIALECTS: Dialect[] = PG_URL ? ['sqlite', 'postgres'] : ['sqlite'];

export interface TestStore extends Store {
  /** SQLite file path, or the PostgreSQL schema name. */
  where: string;
  cleanup(): Promise<void>;
}

export async function openTestStore(dialect: Dialect): Promise<TestStore> {
  if (dialect === 'postgres') {
    const schema = `unmask_t_${process.pid}_${randomBytes(4).toString('hex')}`;
    const sep = PG_URL.includes('?') ? '&' : '?';
    const store = await openStore(`${PG_URL}${sep}schema=${schema}`);
    return {
      ...store,
      where: schema,
      async cleanup() {
        await store.close();
        // Under the schema lock: another store may be migrating, and its migrator reads every schema.
        await withPostgresSchemaLock(PG_URL, (client) => client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`));
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'unmask-test-'));
  const file = join(dir, 'unmask.db');
  const store = await openStore(file);
  return {
    ...store,
    where: file,
    async cleanup() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** `describe` once per dialect, with the dialect in the suite name so the output shows both ran. */
export function describeEachDialect(name: string, fn: (dialect: Dialect) => void): void {
  for (const dialect of DIALECTS) describe(`${name} [${dialect}]`, () => fn(dialect));
}

/** A temporary folder removed by the returned function. */
export function tempDir(prefix = 'unmask-'): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
