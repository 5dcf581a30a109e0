/**
 * Batched inserts that skip rows whose primary key is already stored: this is what makes
 * re-ingesting the same input add nothing twice. Chunks keep each statement under both
 * databases' bound-parameter limits.
 */
import type { Insertable } from 'kysely';
import type { Store } from './db.js';
import type { Database } from './schema.js';

const MAX_PARAMS = 30_000;

export type TableName = keyof Database;

/** Insert rows, ignoring those whose key exists. Returns how many rows were new. */
export async function insertIgnore<T extends TableName>(store: Store, table: T, rows: Array<Insertable<Database[T]>>): Promise<number> {
  if (rows.length === 0) return 0;
  const width = Object.keys(rows[0] as object).length || 1;
  const chunk = Math.max(1, Math.floor(MAX_PARAMS / width));
  let inserted = 0;
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk);
    const res = await store.db
      .insertInto(table)
      .values(part as any)
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    inserted += Number(res.numInsertedOrUpdatedRows ?? 0n);
  }
  return inserted;
}

/** Insert rows, replacing every column of those whose key exists (`keys` are the conflict columns). */
export async function upsert<T extends TableName>(
  store: Store,
  table: T,
  keys: string[],
  rows: Array<Insertable<Database[T]>>,
): Promise<number> {
  if (rows.length === 0) return 0;
  const cols = Object.keys(rows[0] as object);
  const width = cols.length || 1;
  const chunk = Math.max(1, Math.floor(MAX_PARAMS / width));
  const updates = cols.filter((c) => !keys.includes(c));
  let n = 0;
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk);
    await store.db
      .insertInto(table)
      .values(part as any)
      .onConflict((oc) => {
        const target = oc.columns(keys as any);
        if (updates.length === 0) return target.doNothing();
        return target.doUpdateSet((eb) => Object.fromEntries(updates.map((c) => [c, eb.ref(`excluded.${c}` as any)])) as any);
      })
      .execute();
    n += part.length;
  }
  return n;
}
