/**
 * Shared set-up for the API tests: a store seeded through the repositories with a small but
 * complete picture (people with personal data, scores, findings with evidence, sign-ins, a device
 * with a remote-access tool and a USB device, pay accounts, shipments, identifiers, a cluster),
 * three users (admin, analyst, viewer) and a sign-in helper that returns cookie and CSRF token.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { SecretKey } from '../../src/config/secret.js';
import { parseConfig, type UnmaskConfig } from '../../src/config/config.js';
import * as repo from '../../src/store/repositories/records.js';
import type { Dialect, Store } from '../../src/store/db.js';
import { openTestStore, type TestStore } from '../helpers/stores.js';
import { silentLogger } from '../../src/util/log.js';
import { buildApp } from '../../src/serve/app.js';
import { createUser } from '../../src/serve/services/accounts.js';
import type { Role } from '../../src/serve/security/roles.js';

export const KEY = new SecretKey(Buffer.alloc(32, 7));
export const PASSWORD = 'correct horse battery';

export const ALICE = 'person:E1001';
export const BOB = 'person:E1002';
export const CAROL = 'candidate:C77';

export async function seed(store: Store): Promise<void> {
  const now = '2026-11-01T00:00:00.000Z';
  await repo.savePeople(store, [
    {
      id: ALICE,
      source_id: 'E1001',
      kind: 'employee',
      full_name: 'Alice Example',
      work_email: 'alice@corp.example',
      personal_email: 'alice.private@mail.example',
      phone: '+1 415 555 0142',
      date_of_birth: '1990-02-03',
      home: { street: '12 Market Street', city: 'San Francisco', region: 'CA', postal_code: '94105', country: 'US' },
      department: 'Engineering',
      title: 'Developer',
      resume_text: 'SECRET RESUME TEXT',
      profile_urls: [],
      interview_flags: [],
      extra: {},
    },
    {
      id: BOB,
      source_id: 'E1002',
      kind: 'contractor',
      full_name: 'Bob Sample',
      work_email: 'bob@corp.example',
      phone: '+1 212 555 0199',
      home: { street: '99 Elm Road', city: 'New York', region: 'NY', postal_code: '10001', country: 'US' },
      department: 'Finance',
      profile_urls: [],
      interview_flags: [],
      extra: {},
    },
    { id: CAROL, source_id: 'C77', kind: 'candidate', full_name: 'Carol Candidate', personal_email: 'carol@mail.example', profile_urls: [], interview_flags: [], extra: {} },
  ]);
  await repo.saveRiskScores(store, [
    { subject_type: 'person', subject_id: ALICE, score: 87, level: 'critical', explanation: [{ label: 'remote-access tool', points: 50, source: 'endpoint.rmm.present' }, { label: 'shared address', points: 37, source: 'link' }] },
    { subject_type: 'person', subject_id: BOB, score: 42, level: 'medium', explanation: [{ label: 'shared address', points: 42, source: 'link' }] },
  ]);
  await repo.replaceFindings(
    store,
    ['endpoint.rmm.present', 'identity.shared_address'],
    [
      {
        id: 'f1',
        rule_id: 'endpoint.rmm.present',
        severity: 'high',
        subject_type: 'person',
        subject_id: ALICE,
        summary: 'AnyDesk on the laptop of alice@corp.example',
        evidence: { tool: 'AnyDesk', user_email: 'alice@corp.example', phone: '+1 415 555 0142', ship_street: '12 Market Street' },
        fact_keys: ['device:SER1:anydesk'],
        created_at: now,
      },
      {
        id: 'f2',
        rule_id: 'identity.shared_address',
        severity: 'medium',
        subject_type: 'person',
        subject_id: BOB,
        summary: 'Shares a shipping address with another worker',
        evidence: { address: '12 Market Street, San Francisco' },
        fact_keys: [],
        created_at: now,
      },
    ],
  );
  await repo.saveDevices(store, [{ serial: 'SER1', hostname: 'alice-mbp', person_id: ALICE, platform: 'darwin' }]);
  await repo.saveEndpointRows(store, [
    { id: 'e1', host_identifier: 'alice-mbp', device_serial: 'SER1', query_name: 'unmask_processes', table_name: 'processes', action: 'snapshot', observed_at: now, columns: { pid: '1', name: 'AnyDesk', path: '/Applications/AnyDesk.app' } },
    { id: 'e2', host_identifier: 'alice-mbp', device_serial: 'SER1', query_name: 'unmask_usb_devices', table_name: 'usb_devices', action: 'snapshot', observed_at: now, columns: { vendor_id: '2b7c', model_id: '0001', vendor: 'PiKVM', model: 'KVM' } },
  ]);
  await repo.saveSignIns(store, [
    { id: 's1', source: 'okta', occurred_at: '2026-10-01T10:00:00Z', user_name: 'alice@corp.example', person_id: ALICE, ip: '203.0.113.5', outcome: 'success', vendor_country: 'US', vendor_lat: 37.7, vendor_lon: -122.4 },
    { id: 's2', source: 'okta', occurred_at: '2026-10-02T10:00:00Z', user_name: 'alice@corp.example', person_id: ALICE, ip: '198.51.100.7', outcome: 'failure', vendor_country: 'CN', vendor_lat: 39.9, vendor_lon: 116.4 },
  ]);
  await repo.savePayAccounts(store, [
    { id: 'pa1', person_id: ALICE, effective_date: '2026-01-01', method: 'direct_deposit', bank_name: 'Example Bank', account: KEY.seal('account', '000123456789')!, account_holder: 'Alice Example' },
  ]);
  await repo.saveShipments(store, [
    { id: 'sh1', person_id: ALICE, device_serial: 'SER1', address: { street: '7 Farm Lane', city: 'Dallas', region: 'TX', postal_code: '75001', country: 'US' }, status: 'delivered' },
  ]);
  await repo.saveIdentifiers(store, [
    { person_id: ALICE, type: 'ship_address', value: '7 farm ln dallas tx 75001 us', display: '7 Farm Lane, Dallas, TX', source: 'shipments' },
    { person_id: BOB, type: 'ship_address', value: '7 farm ln dallas tx 75001 us', display: '7 Farm Lane, Dallas, TX', source: 'shipments' },
    { person_id: ALICE, type: 'phone', value: '+14155550142', display: '+1 415 555 0142', source: 'people' },
    { person_id: ALICE, type: 'pay_account', value: KEY.seal('account', '000123456789')!.hash, display: '••••6789', source: 'pay_accounts' },
  ]);
  await repo.replaceClusters(store, [
    { id: 'K1', person_ids: [ALICE, BOB], risk_score: 80, risk_level: 'high', reasons: ['same shipping address'], hubs: [{ type: 'ship_address', value: '7 farm ln dallas tx 75001 us', members: 2 }], explanation: [] },
  ]);
  await store.db.insertInto('links').values({ id: 'l1', person_a: ALICE, person_b: BOB, kind: 'address', score: 0.8, reasons: JSON.stringify(['same shipping address']), run_id: null }).execute();
}

export function testConfig(): UnmaskConfig {
  return parseConfig({ serve: { login_max_failures: 3, login_window_minutes: 15 } });
}

export async function makeApp(store: Store, config = testConfig()): Promise<FastifyInstance> {
  const app = await buildApp({ store, config, log: silentLogger, secretKey: () => KEY, version: 'test', webRoot: '/nonexistent-web-root' });
  await app.ready();
  return app;
}

export async function addUsers(store: Store): Promise<void> {
  for (const role of ['admin', 'analyst', 'viewer'] as Role[]) await createUser(store, { username: role, password: PASSWORD, role });
}

export interface Session {
  cookie: string;
  csrf: string;
}

export function cookieHeader(res: LightMyRequestResponse): string {
  const set = res.headers['set-cookie'];
  const list = Array.isArray(set) ? set : set ? [set] : [];
  return list.map((c) => c.split(';')[0]).join('; ');
}

export async function login(app: FastifyInstance, username: string, password = PASSWORD): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  return { cookie: cookieHeader(res), csrf: res.json().csrf_token };
}

/** Request as a signed-in user; state-changing methods carry the CSRF header. */
export function as(app: FastifyInstance, s: Session) {
  return (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
    app.inject({ method, url, payload: payload as any, headers: { cookie: s.cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': s.csrf }) } });
}

export interface SeededApp {
  store: TestStore;
  app: FastifyInstance;
  admin: Session;
  analyst: Session;
  viewer: Session;
  close(): Promise<void>;
}

/** A fresh store with the seed data and one user per role, the app over it, and a session each. */
export async function openSeededApp(dialect: Dialect): Promise<SeededApp> {
  const store = await openTestStore(dialect);
  await seed(store);
  await addUsers(store);
  const app = await makeApp(store);
  const [admin, analyst, viewer] = [await login(app, 'admin'), await login(app, 'analyst'), await login(app, 'viewer')];
  return {
    store,
    app,
    admin,
    analyst,
    viewer,
    async close() {
      await app.close();
      await store.cleanup();
    },
  };
}
