/** Shared bits of the ingest tests. */
import { resolve } from 'node:path';
import { sql } from 'kysely';
import { SecretKey } from '../../src/config/secret.js';
import type { Store } from '../../src/store/db.js';
import { silentLogger } from '../../src/util/log.js';

export const SAMPLES = resolve(process.cwd(), '../shared/data/samples');
export const key = new SecretKey(Buffer.alloc(32, 3));
export const opts = { key, log: silentLogger };

export const COUNTED = ['people', 'devices', 'signins', 'endpoint_rows', 'net_connections', 'pay_accounts', 'payments', 'shipments', 'quarantine'] as const;

export async function counts(store: Store): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of COUNTED) {
    const r = await store.db.selectFrom(t).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
    out[t] = Number(r.n);
  }
  return out;
}
