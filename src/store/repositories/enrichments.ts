/**
 * The `enrichments` table (one row per kind and distinct raw value) and the distinct-value
 * queries the enrichment stage reads. Values are fetched DISTINCT in SQL, so memory follows the
 * number of distinct values, not the number of events.
 */
import { upsert } from '../bulk.js';
import type { Store } from '../db.js';

export type EnrichmentKind = 'ip' | 'phone' | 'email' | 'address';

export interface EnrichmentRecord {
  kind: EnrichmentKind;
  key: string;
  data: unknown;
  /** What produced it (dataset dates, list hash): rows with another tag are recomputed. */
  dataset: string | null;
}

export async function saveEnrichments(store: Store, rows: EnrichmentRecord[], now = new Date()): Promise<number> {
  const at = now.toISOString();
  return upsert(
    store,
    'enrichments',
    ['kind', 'key'],
    rows.map((r) => ({ kind: r.kind, key: r.key, data: JSON.stringify(r.data), dataset: r.dataset, computed_at: at })),
  );
}

/** Every stored result of one kind, keyed by raw value. */
export async function loadEnrichmentMap<T>(store: Store, kind: EnrichmentKind): Promise<Map<string, T>> {
  const rows = await store.db.selectFrom('enrichments').select(['key', 'data']).where('kind', '=', kind).execute();
  return new Map(rows.map((r) => [r.key, JSON.parse(r.data) as T]));
}

export async function getEnrichment<T>(store: Store, kind: EnrichmentKind, key: string): Promise<T | undefined> {
  const r = await store.db.selectFrom('enrichments').select('data').where('kind', '=', kind).where('key', '=', key).executeTakeFirst();
  return r ? (JSON.parse(r.data) as T) : undefined;
}

/** Raw value → dataset tag of what is stored, to skip values already computed from the same data. */
export async function enrichmentTags(store: Store, kind: EnrichmentKind): Promise<Map<string, string | null>> {
  const rows = await store.db.selectFrom('enrichments').select(['key', 'dataset']).where('kind', '=', kind).execute();
  return new Map(rows.map((r) => [r.key, r.dataset]));
}

export async function countEnrichments(store: Store, kind: EnrichmentKind): Promise<number> {
  const r = await store.db
    .selectFrom('enrichments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('kind', '=', kind)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Distinct addresses seen in sign-ins and on either end of network connections. */
export async function distinctIps(store: Store): Promise<string[]> {
  const rows = await store.db
    .selectFrom('signins')
    .select('ip as value')
    .where('ip', 'is not', null)
    .union(store.db.selectFrom('net_connections').select('orig_h as value'))
    .union(store.db.selectFrom('net_connections').select('resp_h as value'))
    .execute();
  return rows.map((r) => r.value).filter((v): v is string => typeof v === 'string' && v.trim() !== '');
}

/** Distinct `columns` JSON of the osquery `egress_ip` rows (each holds the device's public address). */
export async function distinctEgressColumns(store: Store): Promise<string[]> {
  const rows = await store.db.selectFrom('endpoint_rows').select('columns').distinct().where('table_name', '=', 'egress_ip').execute();
  return rows.map((r) => r.columns);
}

export interface ContactRow {
  phone: string | null;
  work_email: string | null;
  personal_email: string | null;
  home_street: string | null;
  home_city: string | null;
  home_region: string | null;
  home_postal_code: string | null;
  home_country: string | null;
}

/** The contact fields of every person and candidate (bounded by people, not events). */
export async function listContactFields(store: Store): Promise<ContactRow[]> {
  return store.db
    .selectFrom('people')
    .select(['phone', 'work_email', 'personal_email', 'home_street', 'home_city', 'home_region', 'home_postal_code', 'home_country'])
    .execute();
}

export interface ShipAddressRow {
  ship_street: string | null;
  ship_city: string | null;
  ship_region: string | null;
  ship_postal_code: string | null;
  ship_country: string | null;
}

export async function distinctShipAddresses(store: Store): Promise<ShipAddressRow[]> {
  return store.db
    .selectFrom('shipments')
    .select(['ship_street', 'ship_city', 'ship_region', 'ship_postal_code', 'ship_country'])
    .distinct()
    .execute();
}
