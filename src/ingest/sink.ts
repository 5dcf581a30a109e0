/**
 * The batched writer behind every reader: canonical records are mapped to rows and written a few
 * thousand at a time in one transaction. Observations (sign-ins, endpoint rows, connections,
 * payments, pay accounts, quarantine) are insert-or-ignore on their stable id, so a second ingest
 * adds nothing; reference data (people, devices, shipments) replaces what was there.
 */
import type { Insertable } from 'kysely';
import type { TableName } from '../store/bulk.js';
import type { Store } from '../store/db.js';
import * as map from '../store/mappers.js';
import { recordHostSerials, rowValues, sqliteWriteStatement, writeBatch, type WriteMode } from '../store/repositories/ingest.js';
import type { Database } from '../store/schema.js';
import type * as m from '../model/index.js';
import type { Output } from './types.js';
import type { SqliteWriterThread } from './writer-thread.js';

type Kind = Exclude<Output['kind'], 'host_serial'> | 'quarantine';

/** The columns of a sign-in row, in the order `map.signInRow` builds them. */
export const SIGNIN_COLUMNS = Object.keys(
  map.signInRow({ id: '-', source: 'okta', occurred_at: '1970-01-01T00:00:00.000Z', user_name: '-', outcome: 'unknown' }),
) as Array<keyof ReturnType<typeof map.signInRow>>;

const n = <T>(v: T | null | undefined): T | null => (v === undefined ? null : v);

/**
 * A sign-in as positional parameters in SIGNIN_COLUMNS order, equal to `map.signInRow` (a test
 * holds them together). The hot path of a large log load: building the row object and then
 * reading its columns by name cost more per record than writing it.
 */
export function signInValues(s: m.SignIn): unknown[] {
  return [
    s.id,
    s.source,
    s.occurred_at,
    s.user_name,
    n(s.person_id),
    n(s.ip),
    s.outcome,
    n(s.event_type),
    n(s.session_id),
    n(s.user_agent),
    n(s.device_fingerprint),
    n(s.mfa_device),
    n(s.vendor_country),
    n(s.vendor_city),
    n(s.vendor_lat),
    n(s.vendor_lon),
    n(s.vendor_asn),
    n(s.vendor_isp),
    s.vendor_proxy === undefined || s.vendor_proxy === null ? null : s.vendor_proxy ? 1 : 0,
    n(s.source_file),
    n(s.source_line),
  ];
}

const DEVICE_INVENTORY_COLUMNS = ['hostname', 'person_id', 'platform', 'enrolled_at', 'source_file'];

const TABLES: Record<Kind, { table: TableName; mode: WriteMode; row: (v: any) => Insertable<Database[TableName]> }> = {
  person: { table: 'people', mode: { kind: 'upsert', keys: ['id'] }, row: (p) => map.personRow(p) },
  // The inventory never erases the host identifier osquery taught us.
  device: { table: 'devices', mode: { kind: 'upsert', keys: ['serial'], update: DEVICE_INVENTORY_COLUMNS }, row: map.deviceRow },
  shipment: { table: 'shipments', mode: { kind: 'upsert', keys: ['id'] }, row: map.shipmentRow },
  signin: { table: 'signins', mode: { kind: 'ignore' }, row: map.signInRow },
  endpoint: { table: 'endpoint_rows', mode: { kind: 'ignore' }, row: map.endpointRowRow },
  net: { table: 'net_connections', mode: { kind: 'ignore' }, row: map.netConnectionRow },
  pay_account: { table: 'pay_accounts', mode: { kind: 'ignore' }, row: map.payAccountRow },
  payment: { table: 'payments', mode: { kind: 'ignore' }, row: map.paymentRow },
  quarantine: { table: 'quarantine', mode: { kind: 'ignore' }, row: map.quarantineRow },
};

export interface SinkCounts {
  /** Rows newly stored (or, for reference data, written). */
  stored: number;
  /** Rows whose id was already stored (or seen earlier in the same file, for reference data). */
  duplicates: number;
}

export class Sink {
  readonly #store: Store;
  readonly #batchSize: number;
  readonly #writer: SqliteWriterThread | null;
  readonly #pending = new Map<Kind, unknown[]>();
  #pendingCount = 0;
  #hosts: Array<{ host: string; serial: string; hostname?: string | null; file: string }> = [];
  /** Ids of reference rows seen in the current file (reference data is upserted, so repeats are counted here). */
  #seen = new Set<string>();
  counts: SinkCounts = { stored: 0, duplicates: 0 };

  /** With a writer thread, batches are written on it while this thread reads on. */
  constructor(store: Store, batchSize = 2000, writer: SqliteWriterThread | null = null) {
    this.#store = store;
    this.#batchSize = batchSize;
    this.#writer = writer;
  }

  /** Start counting for a new file. */
  reset(): void {
    this.counts = { stored: 0, duplicates: 0 };
    this.#seen.clear();
  }

  async add(out: Output, file: string): Promise<void> {
    if (out.kind === 'host_serial') {
      this.#hosts.push({ host: out.host, serial: out.serial, hostname: out.hostname ?? null, file });
      return;
    }
    if (out.kind === 'person' || out.kind === 'device' || out.kind === 'shipment') {
      const id = out.kind === 'device' ? out.value.serial : out.value.id;
      const k = `${out.kind}:${id}`;
      if (this.#seen.has(k)) this.counts.duplicates++;
      this.#seen.add(k);
    }
    await this.push(out.kind, out.value);
  }

  async push(kind: Kind, value: unknown): Promise<void> {
    let list = this.#pending.get(kind);
    if (!list) this.#pending.set(kind, (list = []));
    list.push(value);
    if (++this.#pendingCount >= this.#batchSize) await this.flush();
  }

  /** Send what is pending to the database (with a writer thread: queue it). */
  async flush(): Promise<void> {
    for (const [kind, values] of this.#pending) {
      if (values.length === 0) continue;
      const t = TABLES[kind];
      const count = values.length;
      // Sign-ins bound for the writer thread skip the row objects (see signInValues).
      const direct = this.#writer !== null && kind === 'signin';
      const rows = direct ? [] : (values.map(t.row) as Array<Record<string, unknown>>);
      const params = direct ? (values as m.SignIn[]).map(signInValues) : null;
      values.length = 0;
      const counts = this.counts;
      const tally = (written: number) => {
        if (kind === 'quarantine') return;
        if (t.mode.kind === 'ignore') {
          counts.stored += written;
          counts.duplicates += count - written;
        } else {
          counts.stored += count;
        }
      };
      if (this.#writer && params) {
        await this.#writer.write(sqliteWriteStatement(t.table, SIGNIN_COLUMNS, t.mode), params, tally);
      } else if (this.#writer) {
        const cols = Object.keys(rows[0]!);
        await this.#writer.write(sqliteWriteStatement(t.table, cols, t.mode), rowValues(rows, cols), tally);
      } else {
        tally(await writeBatch(this.#store, t.table, rows as Array<Insertable<Database[TableName]>>, t.mode));
      }
    }
    this.#pendingCount = 0;
  }

  /** End of a file: everything written (counts final), then the host serials learned from it. */
  async finish(): Promise<void> {
    await this.flush();
    if (this.#writer) await this.#writer.drain();
    if (this.#hosts.length) {
      // Keep one pair per host and serial.
      const unique = [...new Map(this.#hosts.map((h) => [`${h.host}\u0000${h.serial}`, h])).values()];
      this.#hosts = [];
      await recordHostSerials(this.#store, unique);
    }
  }
}
