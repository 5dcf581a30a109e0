/**
 * Queries the detection rules need. The big tables (sign-ins, endpoint rows, connections) are read
 * as streams grouped by person or device with keyset pagination, so memory is bounded by one
 * person's or device's rows and a page, never by the table; everything else is aggregated in SQL.
 */
import { sql, type Expression, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { Finding } from '../../model/index.js';
import type { Store } from '../db.js';
import type { Database } from '../schema.js';
import * as map from '../mappers.js';

const PAGE = 20_000;

export type SignInRow = {
  id: string;
  person_id: string;
  occurred_at: string;
  ip: string | null;
  vendor_country: string | null;
  vendor_city: string | null;
  vendor_lat: number | null;
  vendor_lon: number | null;
  vendor_asn: number | null;
  vendor_isp: string | null;
  vendor_proxy: number | null;
};

const SIGNIN_COLUMNS = ['id', 'person_id', 'occurred_at', 'ip', 'vendor_country', 'vendor_city', 'vendor_lat', 'vendor_lon', 'vendor_asn', 'vendor_isp', 'vendor_proxy'] as const;

/** Group an ordered stream of rows into runs of one person. */
async function* byPerson(rows: AsyncIterable<SignInRow> | Iterable<SignInRow>): AsyncGenerator<{ personId: string; rows: SignInRow[] }> {
  let current: { personId: string; rows: SignInRow[] } | null = null;
  for await (const r of rows) {
    if (current && current.personId !== r.person_id) {
      yield current;
      current = null;
    }
    (current ??= { personId: r.person_id, rows: [] }).rows.push(r);
  }
  if (current) yield current;
}

/**
 * Every person's sign-ins that did not fail, in (person, time) order, one person at a time.
 * Failed sign-ins are someone else's attempts more often than the worker's own whereabouts.
 * SQLite reads one statement in the order of the (person_id, occurred_at) index, whose entries end
 * in the rowid, so no sort is needed; PostgreSQL pages by keyset. The consumer must not query the
 * same SQLite connection while iterating (the rules' per-person functions are synchronous).
 */
export async function* signInsByPerson(store: Store, page = PAGE): AsyncGenerator<{ personId: string; rows: SignInRow[] }> {
  const base = store.db.selectFrom('signins').select([...SIGNIN_COLUMNS]).where('person_id', 'is not', null).where('outcome', '!=', 'failure');
  if (store.sqlite && page === PAGE) {
    const q = base.orderBy('person_id').orderBy('occurred_at').orderBy(sql`rowid`).compile();
    yield* byPerson(store.sqlite.prepare(q.sql).iterate(...(q.parameters as unknown[])) as Iterable<SignInRow>);
    return;
  }
  yield* byPerson(keysetPages(base as unknown as SelectQueryBuilder<Database, 'signins', SignInRow>, page));
}

async function* keysetPages(base: SelectQueryBuilder<Database, 'signins', SignInRow>, page: number): AsyncGenerator<SignInRow> {
  let after: { p: string; t: string; id: string } | null = null;
  for (;;) {
    let q = base;
    if (after) {
      const a = after;
      q = q.where((eb) =>
        eb.or([
          eb('person_id', '>', a.p),
          eb.and([eb('person_id', '=', a.p), eb.or([eb('occurred_at', '>', a.t), eb.and([eb('occurred_at', '=', a.t), eb('id', '>', a.id)])])]),
        ]),
      );
    }
    const rows = (await q.orderBy('person_id').orderBy('occurred_at').orderBy('id').limit(page).execute()) as SignInRow[];
    yield* rows;
    if (rows.length < page) return;
    const last = rows[rows.length - 1]!;
    after = { p: last.person_id, t: last.occurred_at, id: last.id };
  }
}

export type EndpointRowLite = { id: string; table_name: string; action: string; observed_at: string; columns: Record<string, string>; host_identifier: string; device_serial: string | null };

/**
 * Inventory rows of the given tables, one device at a time: first devices known by serial (in
 * serial order), then rows that carry only a host identifier (grouped by it). SQLite reads one
 * statement in index order; PostgreSQL pages by keyset.
 */
export async function* endpointRowsByDevice(
  store: Store,
  tables: string[],
  page = PAGE,
): AsyncGenerator<{ serial: string | null; host: string; rows: EndpointRowLite[] }> {
  type Raw = Omit<EndpointRowLite, 'columns'> & { columns: string };
  for (const keyed of ['device_serial', 'host_identifier'] as const) {
    let base = store.db
      .selectFrom('endpoint_rows')
      .select(['id', 'host_identifier', 'device_serial', 'table_name', 'action', 'observed_at', 'columns'])
      .where('table_name', 'in', tables);
    base = keyed === 'device_serial' ? base.where('device_serial', 'is not', null) : base.where('device_serial', 'is', null);
    let rows: AsyncIterable<Raw> | Iterable<Raw>;
    if (store.sqlite && page === PAGE) {
      const q = (keyed === 'device_serial' ? base.orderBy('device_serial').orderBy('table_name') : base.orderBy('host_identifier')).orderBy(sql`rowid`).compile();
      rows = store.sqlite.prepare(q.sql).iterate(...(q.parameters as unknown[])) as Iterable<Raw>;
    } else {
      rows = (async function* () {
        let after: { k: string; id: string } | null = null;
        for (;;) {
          let q = base;
          if (after) {
            const a = after;
            q = q.where((eb) => eb.or([eb(keyed, '>', a.k), eb.and([eb(keyed, '=', a.k), eb('id', '>', a.id)])]));
          }
          const got = (await q.orderBy(keyed).orderBy('id').limit(page).execute()) as Raw[];
          yield* got;
          if (got.length < page) return;
          const last = got[got.length - 1]!;
          after = { k: last[keyed]!, id: last.id };
        }
      })();
    }
    let current: { key: string; serial: string | null; host: string; rows: EndpointRowLite[] } | null = null;
    for await (const r of rows) {
      const key = r[keyed]!;
      if (current && current.key !== key) {
        yield current;
        current = null;
      }
      current ??= { key, serial: r.device_serial, host: r.host_identifier, rows: [] };
      current.rows.push({ ...r, columns: JSON.parse(r.columns) as Record<string, string> });
    }
    if (current) yield current;
  }
}

/** The latest time any observation in the store carries: the data-relative "now" of a run. */
export async function latestObservation(store: Store): Promise<string | null> {
  const q = [
    store.db.selectFrom('signins').select(sql<string | null>`max(occurred_at)`.as('t')),
    store.db.selectFrom('endpoint_rows').select(sql<string | null>`max(observed_at)`.as('t')),
    store.db.selectFrom('net_connections').select(sql<string | null>`max(occurred_at)`.as('t')),
    store.db.selectFrom('payments').select(sql<string | null>`max(paid_at)`.as('t')),
    store.db.selectFrom('shipments').select(sql<string | null>`max(shipped_at)`.as('t')),
    store.db.selectFrom('pay_accounts').select(sql<string | null>`max(effective_date)`.as('t')),
    store.db.selectFrom('people').select(sql<string | null>`max(applied_at)`.as('t')),
    store.db.selectFrom('people').select(sql<string | null>`max(hire_date)`.as('t')),
  ];
  let best: string | null = null;
  for (const s of q) {
    const r = await s.executeTakeFirst();
    const t = r?.t ? new Date(r.t).toISOString() : null;
    if (t && (!best || t > best)) best = t;
  }
  return best;
}

/** Stored enrichment results of one kind, keyed by the raw value. */
export async function enrichmentsOfKind<T>(store: Store, kind: string): Promise<Map<string, T>> {
  const out = new Map<string, T>();
  const rows = await store.db.selectFrom('enrichments').select(['key', 'data']).where('kind', '=', kind).execute();
  for (const r of rows) out.set(r.key, JSON.parse(r.data) as T);
  return out;
}

export type SharedValueRow = { value: string; person_id: string; n: number; first: string; last: string };

/** Sign-in values (MFA device, device fingerprint) that more than one person used, per person. */
export async function sharedSignInValues(store: Store, column: 'mfa_device' | 'device_fingerprint'): Promise<SharedValueRow[]> {
  const shared = store.db
    .selectFrom('signins')
    .select(column)
    .where(column, 'is not', null)
    .where('person_id', 'is not', null)
    .groupBy(column)
    .having(sql<SqlBool>`count(distinct person_id) > 1`);
  const rows = await store.db
    .selectFrom('signins')
    .select([
      sql<string>`${sql.ref(column)}`.as('value'),
      'person_id',
      sql<number>`count(*)`.as('n'),
      sql<string>`min(occurred_at)`.as('first'),
      sql<string>`max(occurred_at)`.as('last'),
    ])
    .where(column, 'in', shared as unknown as Expression<string>)
    .where('person_id', 'is not', null)
    .where('outcome', '!=', 'failure')
    .groupBy([column, 'person_id'])
    .orderBy(column)
    .orderBy('person_id')
    .execute();
  return rows.map((r) => ({ ...r, person_id: r.person_id!, n: Number(r.n) }));
}

export type IpPersonRow = { ip: string; person_id: string; n: number; first: string; last: string };

/** (IP, person) pairs of successful sign-ins with counts; bounded by distinct pairs, not events. */
export async function signInIpsByPerson(store: Store): Promise<IpPersonRow[]> {
  const rows = await store.db
    .selectFrom('signins')
    .select(['ip', 'person_id', sql<number>`count(*)`.as('n'), sql<string>`min(occurred_at)`.as('first'), sql<string>`max(occurred_at)`.as('last')])
    .where('ip', 'is not', null)
    .where('person_id', 'is not', null)
    .where('outcome', '!=', 'failure')
    .groupBy(['ip', 'person_id'])
    .execute();
  return rows.map((r) => ({ ip: r.ip!, person_id: r.person_id!, n: Number(r.n), first: r.first, last: r.last }));
}

export type ConnectionGroup = {
  orig_h: string;
  device_serial: string | null;
  resp_h: string;
  resp_p: number | null;
  n: number;
  first: string;
  last: string;
  bytes: number;
  example_uid: string | null;
};

/**
 * Connections grouped by (source host, device, destination, port), optionally limited to some
 * destination ports or addresses. Bounded by distinct conversations, not by connections.
 */
export async function connectionGroups(store: Store, filter: { ports?: number[]; hosts?: string[] } = {}): Promise<ConnectionGroup[]> {
  let q = store.db
    .selectFrom('net_connections')
    .select([
      'orig_h', 'device_serial', 'resp_h', 'resp_p',
      sql<number>`count(*)`.as('n'),
      sql<string>`min(occurred_at)`.as('first'),
      sql<string>`max(occurred_at)`.as('last'),
      sql<number>`sum(coalesce(orig_bytes, 0) + coalesce(resp_bytes, 0))`.as('bytes'),
      sql<string | null>`min(uid)`.as('example_uid'),
    ]);
  const ports = filter.ports ?? [];
  const hosts = filter.hosts ?? [];
  if (ports.length || hosts.length) {
    q = q.where((eb) =>
      eb.or([...(ports.length ? [eb('resp_p', 'in', ports)] : []), ...(hosts.length ? [eb('resp_h', 'in', hosts)] : [])]),
    );
  }
  const rows = await q.groupBy(['orig_h', 'device_serial', 'resp_h', 'resp_p']).orderBy('orig_h').orderBy('resp_h').execute();
  return rows.map((r) => ({ ...r, n: Number(r.n), bytes: Number(r.bytes ?? 0) }));
}

/** Distinct destination addresses of connections, for matching against enrichment. */
export async function connectionDestinations(store: Store): Promise<string[]> {
  const rows = await store.db.selectFrom('net_connections').select('resp_h').distinct().execute();
  return rows.map((r) => r.resp_h);
}

export type SecretUseRow = { kind: 'account' | 'iban' | 'wallet'; hash: string; last4: string | null; person_id: string; first: string; last: string; n: number };

/** Pay destinations (keyed hashes) used by more than one person, from pay_accounts and payments. */
export async function sharedPayDestinations(store: Store): Promise<SecretUseRow[]> {
  const out: SecretUseRow[] = [];
  for (const kind of ['account', 'iban', 'wallet'] as const) {
    const hash = `${kind}_hash` as const;
    const last4 = `${kind}_last4` as const;
    const fromAccounts = await store.db
      .selectFrom('pay_accounts')
      .select([sql<string>`${sql.ref(hash)}`.as('hash'), sql<string | null>`max(${sql.ref(last4)})`.as('last4'), 'person_id', sql<string>`min(effective_date)`.as('first'), sql<string>`max(effective_date)`.as('last'), sql<number>`count(*)`.as('n')])
      .where(hash, 'is not', null)
      .groupBy([hash, 'person_id'])
      .execute();
    const fromPayments = await store.db
      .selectFrom('payments')
      .select([sql<string>`${sql.ref(hash)}`.as('hash'), sql<string | null>`max(${sql.ref(last4)})`.as('last4'), 'person_id', sql<string>`min(paid_at)`.as('first'), sql<string>`max(paid_at)`.as('last'), sql<number>`count(*)`.as('n')])
      .where(hash, 'is not', null)
      .groupBy([hash, 'person_id'])
      .execute();
    for (const r of [...fromAccounts, ...fromPayments]) out.push({ kind, hash: r.hash, last4: r.last4, person_id: r.person_id, first: r.first, last: r.last, n: Number(r.n) });
  }
  return out;
}

/** Stored findings, optionally excluding some rules. */
export async function findingsExcept(store: Store, excludeRuleIds: string[]): Promise<Finding[]> {
  let q = store.db.selectFrom('findings').selectAll();
  if (excludeRuleIds.length) q = q.where('rule_id', 'not in', excludeRuleIds);
  return (await q.orderBy('rule_id').orderBy('id').execute()).map(map.findingFromRow);
}

export async function listImportedTools(store: Store): Promise<Array<{ id: string; name: string; source: string; data: unknown; imported_at: string }>> {
  const rows = await store.db.selectFrom('remote_access_tools').selectAll().orderBy('id').execute();
  return rows.map((r) => ({ ...r, data: JSON.parse(r.data) as unknown }));
}

/** Insert or replace imported tools (re-importing a newer checkout updates them). */
export async function saveImportedTools(store: Store, tools: Array<{ id: string; name: string; source: string; data: unknown }>): Promise<number> {
  const now = new Date().toISOString();
  const rows = tools.map((t) => ({ id: t.id, name: t.name, source: t.source, data: JSON.stringify(t.data), imported_at: now }));
  await store.db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += 500) {
      await trx
        .insertInto('remote_access_tools')
        .values(rows.slice(i, i + 500))
        .onConflict((oc) => oc.column('id').doUpdateSet((eb) => ({ name: eb.ref('excluded.name'), source: eb.ref('excluded.source'), data: eb.ref('excluded.data'), imported_at: eb.ref('excluded.imported_at') })))
        .execute();
    }
  });
  return rows.length;
}
