/**
 * Builders for detection tests: canonical records with sensible defaults, the real enrichment
 * stage, and `firesIt` / `silentIt`, which name the rule they test so the catalog lint can check
 * that every rule has both a firing and a silent test.
 */
import { it } from 'vitest';
import { parseConfig, type UnmaskConfig } from '../../src/config/config.js';
import { SecretKey } from '../../src/config/secret.js';
import { runDetection } from '../../src/detect/engine.js';
import { enrichStore } from '../../src/enrich/stage.js';
import * as m from '../../src/model/index.js';
import type { Dialect } from '../../src/store/db.js';
import * as repo from '../../src/store/repositories/records.js';
import { silentLogger } from '../../src/util/log.js';
import { openTestStore, type TestStore } from '../helpers/stores.js';

export const key = new SecretKey(Buffer.alloc(32, 9));

/** Real public addresses whose enrichment (DB-IP, ASN data, curated lists) is known. */
export const IP = {
  usFairfield: '73.162.10.20', // Comcast, US, residential
  usFairfield2: '73.162.10.77', // same /24
  usFairfield3: '73.162.11.5', // next /24
  usSpokane: '24.16.5.9', // Comcast, US
  usSanJose: '98.207.3.4', // Comcast, US
  ptLisbon: '85.240.20.20', // MEO, Portugal
  ptBeja: '85.240.10.10',
  krSeoul: '175.223.10.10', // Korea Telecom
  cnShanghai: '114.80.1.1', // China Telecom
  mullvad: '45.83.220.10', // Mullvad VPN, Sweden
  datacampJp: '89.187.160.1', // Datacamp hosting, Japan
  googleDns: '8.8.8.8', // Google, hosting
} as const;

/** Astrill announces no ASN: operators list its exits (here a hosting range) in enrich.vpn_ranges. */
export const ASTRILL_CONFIG = { enrich: { vpn_ranges: [{ provider: 'Astrill VPN', cidrs: ['89.187.160.0/24'] }] } };

export function config(raw: Record<string, unknown> = {}): UnmaskConfig {
  return parseConfig(raw);
}

export function person(sourceId: string, over: Partial<m.Person> = {}): m.Person {
  return m.person.parse({
    id: m.personKey('employee', sourceId),
    source_id: sourceId,
    kind: 'employee',
    full_name: `Worker ${sourceId}`,
    work_email: `${sourceId.toLowerCase()}@corp.example`,
    home: { street: `${100 + sourceId.length} Oak Street`, city: 'Fairfield', region: 'CA', postal_code: '94534', country: 'US' },
    timezone: 'America/Los_Angeles',
    hire_date: '2025-01-06',
    ...over,
  });
}

export function candidate(sourceId: string, over: Partial<m.Person> = {}): m.Person {
  return m.person.parse({
    id: m.personKey('candidate', sourceId),
    source_id: sourceId,
    kind: 'candidate',
    full_name: `Applicant ${sourceId}`,
    applied_at: '2025-01-02T10:00:00Z',
    ...over,
  });
}

/** `count` ISO times from `start`, `stepHours` apart. */
export function series(start: string, count: number, stepHours: number): string[] {
  const t = Date.parse(start);
  return Array.from({ length: count }, (_, i) => new Date(t + i * stepHours * 3_600_000).toISOString());
}

let seq = 0;
export function signIns(personId: string, ip: string | null, times: string[], over: Partial<m.SignIn> = {}): m.SignIn[] {
  return times.map((t) =>
    m.signIn.parse({
      id: `si-${++seq}`,
      source: 'okta',
      occurred_at: t,
      user_name: `${personId}@corp.example`,
      person_id: personId,
      ip,
      outcome: 'success',
      event_type: 'user.session.start',
      ...over,
    }),
  );
}

export function device(serial: string, personId: string | null, over: Partial<m.Device> = {}): m.Device {
  return m.device.parse({ serial, hostname: `host-${serial}`, person_id: personId, platform: 'windows', host_identifier: `hid-${serial}`, ...over });
}

export function row(serial: string, table: string, columns: Record<string, string>, at = '2025-03-01T12:00:00Z', action: 'snapshot' | 'added' | 'removed' = 'snapshot'): m.EndpointRow {
  return m.endpointRow.parse({
    id: `er-${++seq}`,
    host_identifier: `hid-${serial}`,
    device_serial: serial,
    query_name: `unmask_${table}`,
    table_name: table,
    action,
    observed_at: at,
    columns,
  });
}

export function conn(serial: string | null, origH: string, respH: string, respP: number, at = '2025-03-01T12:00:00Z', over: Partial<m.NetConnection> = {}): m.NetConnection {
  return m.netConnection.parse({ id: `nc-${++seq}`, occurred_at: at, uid: `C${seq}`, orig_h: origH, orig_p: 50000 + (seq % 1000), resp_h: respH, resp_p: respP, proto: 'tcp', device_serial: serial, duration_s: 60, orig_bytes: 1000, resp_bytes: 5000, ...over });
}

export function shipment(id: string, personId: string, address: m.PostalAddress, over: Partial<m.Shipment> = {}): m.Shipment {
  return m.shipment.parse({ id, person_id: personId, address, shipped_at: '2025-01-03T15:00:00Z', status: 'delivered', ...over });
}

export function payAccount(personId: string, effective: string, over: Partial<m.PayAccount> & { account_number?: string; iban?: string; wallet_address?: string } = {}): m.PayAccount {
  const { account_number, iban, wallet_address, ...rest } = over;
  return m.payAccount.parse({
    id: `pa-${++seq}`,
    person_id: personId,
    effective_date: effective,
    method: 'direct_deposit',
    bank_name: 'First Example Bank',
    bank_country: 'US',
    routing_number: '121000358',
    account: account_number !== undefined || rest.method !== 'crypto' ? key.seal('account', account_number ?? `99887766${seq}`) : null,
    iban: iban ? key.seal('iban', iban) : null,
    wallet: wallet_address ? key.seal('wallet', wallet_address) : null,
    account_holder: null,
    ...rest,
  });
}

export interface Seed {
  people?: m.Person[];
  signIns?: m.SignIn[];
  devices?: m.Device[];
  rows?: m.EndpointRow[];
  conns?: m.NetConnection[];
  shipments?: m.Shipment[];
  payAccounts?: m.PayAccount[];
  payments?: m.Payment[];
}

export async function seed(store: TestStore, s: Seed): Promise<void> {
  if (s.people) await repo.savePeople(store, s.people);
  if (s.signIns) await repo.saveSignIns(store, s.signIns);
  if (s.devices) await repo.saveDevices(store, s.devices);
  if (s.rows) await repo.saveEndpointRows(store, s.rows);
  if (s.conns) await repo.saveNetConnections(store, s.conns);
  if (s.shipments) await repo.saveShipments(store, s.shipments);
  if (s.payAccounts) await repo.savePayAccounts(store, s.payAccounts);
  if (s.payments) await repo.savePayments(store, s.payments);
}

/** Seed a fresh store, enrich it with the real enrichment stage, run one rule, return its findings. */
/** `opts.also` runs more rules in the same run (for rules that read other rules' findings). */
export async function detect(dialect: Dialect, ruleId: string, s: Seed, raw: Record<string, unknown> = {}, opts: { now?: Date; today?: Date; also?: string[] } = {}): Promise<m.Finding[]> {
  const store = await openTestStore(dialect);
  try {
    await seed(store, s);
    const cfg = config(raw);
    await enrichStore(store, cfg, silentLogger);
    const { also = [], ...rest } = opts;
    const report = await runDetection(store, cfg, { log: silentLogger, ruleIds: [ruleId, ...also], ...rest });
    const failed = report.rules.find((r) => r.error);
    if (failed) throw new Error(`${failed.id}: ${failed.error}`);
    return (await repo.listFindings(store)).filter((f) => f.rule_id === ruleId);
  } finally {
    await store.cleanup();
  }
}

/** A test that the rule fires on data built to show the indicator. */
export function firesIt(ruleId: string, name: string, fn: () => Promise<void>): void {
  it(`${ruleId} fires: ${name}`, fn, 60_000);
}

/** A test that the rule stays silent on a benign look-alike. */
export function silentIt(ruleId: string, name: string, fn: () => Promise<void>): void {
  it(`${ruleId} stays silent: ${name}`, fn, 60_000);
}
