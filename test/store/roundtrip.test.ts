import { afterAll, beforeAll, expect, it } from 'vitest';
import { SecretKey } from '../../src/config/secret.js';
import * as m from '../../src/model/index.js';
import * as repo from '../../src/store/repositories/records.js';
import { describeEachDialect, openTestStore, type TestStore } from '../helpers/stores.js';

const key = new SecretKey(Buffer.alloc(32, 7));
const ACCOUNT_NUMBER = '000123456789';
const IBAN = 'DE89 3704 0044 0532 0130 00';
const WALLET = 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq';

const employee = m.person.parse({
  id: m.personKey('employee', 'E1042'),
  source_id: 'E1042',
  kind: 'employee',
  full_name: 'Dana Whitfield',
  work_email: 'Dana.Whitfield@example.com',
  phone: '+15125550143',
  date_of_birth: '1990-04-12',
  home: { street: '12 N. Main St., Apt 4', city: 'Austin', region: 'TX', postal_code: '78701', country: 'us' },
  timezone: 'America/Chicago',
  hire_date: '2024-03-01',
  extra: { cost_center: 'R&D-7' },
});
const candidate = m.person.parse({
  id: m.personKey('candidate', 'C77'),
  source_id: 'C77',
  kind: 'candidate',
  full_name: 'Jin Park',
  applied_at: '2024-01-05T10:00:00Z',
  profile_urls: ['https://git.example/jpark'],
  interview_flags: ['camera_refused', 'answers_read'],
  referred_by: 'E1042',
  resume_text: 'Senior engineer, 9 years of Go and TypeScript.',
});

const t0 = '2024-05-01T08:00:00.000Z';

const records = {
  identifier: m.identifier.parse({ person_id: employee.id, type: 'phone', value: '+15125550143', source: 'people.csv', first_seen: t0 }),
  device: m.device.parse({ serial: 'C02XK1ABJG5H', hostname: 'dana-mbp', person_id: employee.id, platform: 'darwin', enrolled_at: t0 }),
  signIn: m.signIn.parse({
    id: 'okta-evt-1', source: 'okta', occurred_at: t0, user_name: 'dana.whitfield@example.com', person_id: employee.id,
    ip: '203.0.113.9', outcome: 'success', event_type: 'user.session.start', vendor_country: 'United States', vendor_lat: 30.27,
    vendor_lon: -97.74, vendor_asn: 64500, vendor_proxy: false, source_file: 'okta/a.json', source_line: 3,
  }),
  endpointRow: m.endpointRow.parse({
    id: 'osq-1', host_identifier: 'dana-mbp', device_serial: 'C02XK1ABJG5H', query_name: 'unmask_apps', table_name: 'apps',
    action: 'snapshot', observed_at: t0, columns: { name: 'AnyDesk.app', bundle_identifier: 'com.philandro.anydesk' },
  }),
  net: m.netConnection.parse({
    id: 'zeek-1', occurred_at: t0, uid: 'CHhAvVGS1DHFjwGM9', orig_h: '10.0.0.5', orig_p: 51234, resp_h: '198.51.100.7',
    resp_p: 7070, proto: 'tcp', duration_s: 3600.5, orig_bytes: 1200, resp_bytes: 98000, conn_state: 'SF',
  }),
  payAccount: m.payAccount.parse({
    id: 'pa-1', person_id: employee.id, effective_date: '2024-03-15', method: 'direct_deposit', bank_name: 'First Bank',
    bank_country: 'US', routing_number: '021000021', account: key.seal('account', ACCOUNT_NUMBER), iban: key.seal('iban', IBAN),
    wallet: key.seal('wallet', WALLET), account_holder: 'Dana Whitfield',
  }),
  payment: m.payment.parse({
    id: 'pay-1', person_id: employee.id, paid_at: '2024-04-01', amount: 4312.5, currency: 'USD', account: key.seal('account', ACCOUNT_NUMBER),
  }),
  shipment: m.shipment.parse({
    id: 'sh-1', person_id: employee.id, device_serial: 'C02XK1ABJG5H', shipped_at: '2024-02-28',
    address: { street: '400 Oak Ave', city: 'Charlotte', region: 'NC', postal_code: '28202', country: 'US' }, status: 'delivered',
  }),
  finding: m.finding.parse({
    id: 'f-1', rule_id: 'endpoint.rmm.multiple_vendors', severity: 'high', subject_type: 'person', subject_id: employee.id,
    summary: 'AnyDesk and TeamViewer on the same laptop', evidence: { device: 'C02XK1ABJG5H', tools: ['AnyDesk', 'TeamViewer'] },
    fact_keys: ['rmm:C02XK1ABJG5H'], first_seen: t0, last_seen: t0, created_at: t0,
  }),
  cluster: m.cluster.parse({
    id: 'C7', person_ids: [employee.id, candidate.id], risk_score: 91, risk_level: 'critical',
    reasons: ['same shipping address', 'same bank account'], hubs: [{ type: 'ship_address', value: 'k1', members: 2 }],
    explanation: [{ label: 'shared pay account', points: 40, source: 'link.pay_account' }],
  }),
  riskScore: m.riskScore.parse({
    subject_type: 'person', subject_id: employee.id, score: 87, level: 'critical',
    explanation: [{ label: 'two remote-access vendors', points: 30, source: 'endpoint.rmm.multiple_vendors', detail: 'AnyDesk, TeamViewer' }],
  }),
  caseRecord: m.caseRecord.parse({
    id: 'case-1', title: 'Review Dana Whitfield', subject_type: 'person', subject_id: employee.id, status: 'open',
    created_by: 'analyst1', created_at: t0, updated_at: t0,
  }),
  feedback: m.feedback.parse({
    id: 'fb-1', subject_type: 'finding', subject_id: 'f-1', decision: 'benign', reason: 'approved help-desk tool',
    decided_by: 'analyst1', decided_at: t0, evidence_fingerprint: 'abc',
  }),
  quarantined: m.quarantined.parse({
    id: 'q-1', source: 'okta', file: 'okta/bad.json', line: 17, reason: 'invalid JSON: Unexpected end of input', raw: '{"uuid": ', created_at: t0,
  }),
};

describeEachDialect('storage round-trip', (dialect) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openTestStore(dialect);
  });
  afterAll(async () => {
    await store.cleanup();
  });

  it('stores and reads back people of each kind', async () => {
    await repo.savePeople(store, [employee, candidate]);
    expect(await repo.getPerson(store, employee.id)).toEqual(employee);
    expect(await repo.getPerson(store, candidate.id)).toEqual(candidate);
    // home_country was normalised to upper case at the boundary
    expect((await repo.getPerson(store, employee.id))?.home?.country).toBe('US');
  });

  it('stores and reads back every observation and result type', async () => {
    await repo.saveIdentifiers(store, [records.identifier]);
    await repo.saveDevices(store, [records.device]);
    await repo.saveSignIns(store, [records.signIn]);
    await repo.saveEndpointRows(store, [records.endpointRow]);
    await repo.saveNetConnections(store, [records.net]);
    await repo.savePayAccounts(store, [records.payAccount]);
    await repo.savePayments(store, [records.payment]);
    await repo.saveShipments(store, [records.shipment]);
    await repo.replaceFindings(store, [records.finding.rule_id], [records.finding]);
    await repo.replaceClusters(store, [records.cluster]);
    await repo.saveRiskScores(store, [records.riskScore]);
    await repo.saveCases(store, [records.caseRecord]);
    await repo.addFeedback(store, records.feedback);
    await repo.saveQuarantined(store, [records.quarantined]);

    expect(await repo.listIdentifiers(store, employee.id)).toEqual([records.identifier]);
    expect(await repo.listDevices(store)).toEqual([records.device]);
    expect(await repo.listSignIns(store, employee.id)).toEqual([records.signIn]);
    expect(await repo.listEndpointRows(store)).toEqual([records.endpointRow]);
    expect(await repo.listNetConnections(store)).toEqual([records.net]);
    expect(await repo.listPayAccounts(store)).toEqual([records.payAccount]);
    expect(await repo.listPayments(store)).toEqual([records.payment]);
    expect(await repo.listShipments(store)).toEqual([records.shipment]);
    expect(await repo.listFindings(store, { type: 'person', id: employee.id })).toEqual([records.finding]);
    expect(await repo.listClusters(store)).toEqual([{ ...records.cluster, person_ids: [...records.cluster.person_ids].sort() }]);
    expect(await repo.listRiskScores(store, 'person')).toEqual([records.riskScore]);
    expect(await repo.listCases(store)).toEqual([records.caseRecord]);
    expect(await repo.listFeedback(store)).toEqual([records.feedback]);
    expect(await repo.listQuarantined(store)).toEqual([records.quarantined]);
  });

  it('adds nothing twice when the same observations are saved again', async () => {
    expect(await repo.saveSignIns(store, [records.signIn])).toBe(0);
    expect(await repo.savePayAccounts(store, [records.payAccount])).toBe(0);
    expect(await repo.listSignIns(store)).toHaveLength(1);
  });

  it('replaces the findings of a rule on a re-run instead of adding to them', async () => {
    const again = { ...records.finding, id: 'f-2', summary: 'AnyDesk, TeamViewer and RustDesk on the same laptop' };
    await repo.replaceFindings(store, [records.finding.rule_id], [again]);
    const all = await repo.listFindings(store);
    expect(all.map((f) => f.summary)).toEqual([again.summary]);
  });
});
