/**
 * A data folder with every workforce CSV and small logs: values mapped, secrets sealed, bad rows
 * quarantined (with secrets redacted), and records joined to people and devices, in any order.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { hammingDistance } from '../../src/ingest/files/image-hash.js';
import { ingestFiles, ingestFolder, type IngestReport } from '../../src/ingest/runner.js';
import * as records from '../../src/store/repositories/records.js';
import { describeEachDialect, openTestStore, tempDir, type TestStore } from '../helpers/stores.js';
import { counts, key, opts } from './helpers.js';
import { makeJpeg, makePdf, makePng, picture } from './make-files.js';

const ACCOUNT = '000123456789';
const WALLET = 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq';
const IBAN = 'DE89 3704 0044 0532 0130 00';

function writeFolder(dir: string): void {
  const w = (rel: string, text: string | Buffer) => {
    mkdirSync(join(dir, rel, '..'), { recursive: true });
    writeFileSync(join(dir, rel), text);
  };
  // Header names in any case and order; an unknown column is kept as an extra attribute; a BOM.
  w('people.csv', [
    '\ufeffFull_Name,Person_ID,Work_Email,home_country,Employment_Type,timezone,hire_date,cost_center',
    'Dana Whitfield,E1,Dana.Whitfield@Example.com,us,employee,America/Chicago,2024-03-01,R&D-7',
    '"Lee, Sam",E2,sam.lee@example.com,CA,contractor,America/Toronto,2024-05-10,',
    'Bad Date,E3,bad@example.com,US,employee,,2024-02-30,',
  ].join('\r\n') + '\r\n');
  w('resumes/c1.txt', 'Senior Go engineer.\nTen years.\n');
  w('resumes/c2.pdf', makePdf(['Jin Park', 'Staff engineer, React']));
  w('photos/c1.png', makePng(96, 72, picture(0)));
  w('photos/c2.jpg', makeJpeg(96, 72, picture(0), 55));
  w('candidates.csv', [
    'candidate_id,full_name,email,location_country,applied_at,resume_file,photo_file,profile_urls,interview_flags,hired_person_id',
    'C1,Jin Park,jin@mail.example,US,2024-01-05T10:00:00Z,resumes/c1.txt,photos/c1.png,https://git.example/jp;https://pro.example/jp,camera_refused;answers_read,E1',
    'C2,Kim Lee,kim@mail.example,US,2024-01-06,resumes/c2.pdf,photos/c2.jpg,,,',
    'C3,No Files,nf@mail.example,US,2024-01-07,resumes/missing.pdf,,,,',
    'C4,Bad Flag,bf@mail.example,US,2024-01-08,,,,camera_refused;sneezed,',
  ].join('\n'));
  w('devices.csv', ['device_serial,hostname,person_id,platform,enrolled_at', 'SER1,dana-mbp,E1,macos,2024-03-02', 'SER2,,,windows,2024-05-11', 'SER4,spare,,plan9,'].join('\n'));
  w('shipments.csv', [
    'shipment_id,person_id,device_serial,shipped_at,ship_street,ship_city,ship_region,ship_postal_code,ship_country,status',
    'S1,E2,SER2,2024-05-09,400 Oak Ave,Charlotte,NC,28202,us,delivered',
    'S2,E1,SER1,2024-03-01,12 Main St,Austin,TX,78701,US,lost',
  ].join('\n'));
  w('pay_accounts.csv', [
    'person_id,effective_date,method,bank_name,bank_country,routing_number,account_number,iban,account_holder,wallet_address',
    `E1,2024-03-15,direct_deposit,First Bank,US,021000021,${ACCOUNT},,Dana Whitfield,`,
    `E2,2024-05-15,wire,Bank DE,DE,,,"${IBAN}",Sam Lee,`,
    `E2,2024-06-01,bitcoin,,,,,,Sam Lee,${WALLET}`,
    `E2,2024-07-01,crypto,,,,,,Sam Lee,${WALLET},extra-field`,
  ].join('\n'));
  w('payments.csv', ['payment_id,person_id,paid_at,amount,currency,account_number', `P1,E1,2024-04-01,4312.50,usd,${ACCOUNT}`, `P2,E1,2024-05-01,lots,USD,${ACCOUNT}`].join('\n'));
  w('okta/events.json', JSON.stringify([
    { uuid: 'e-1', published: '2024-04-02T14:00:00.000Z', eventType: 'user.session.start', actor: { alternateId: 'dana.whitfield@example.com', type: 'User' }, client: { ipAddress: '203.0.113.9' }, outcome: { result: 'SUCCESS' } },
    { uuid: 'e-2', published: '2024-04-02T15:00:00.000Z', eventType: 'user.session.start', actor: { alternateId: 'stranger@example.com', type: 'User' }, client: { ipAddress: '198.51.100.4' }, outcome: { result: 'FAILURE' } },
  ], null, 2));
  const osq = (o: object) => JSON.stringify(o);
  w('osquery/osqueryd.results.log', [
    // A row from host-abc before its system_info: joined after the fact.
    osq({ name: 'unmask_usb_devices', hostIdentifier: 'host-abc', unixTime: 1712000000, action: 'added', columns: { vendor_id: '0x1d6b', model_id: '0x0104', vendor: 'Linux Foundation', model: 'Multifunction Composite Gadget', serial: 'x' } }),
    osq({ name: 'pack_unmask_unmask_system_info', hostIdentifier: 'host-abc', unixTime: 1712000001, action: 'snapshot', snapshot: [{ hostname: 'host-abc', hardware_serial: 'SER3', hardware_model: 'ThinkPad' }] }),
    osq({ name: 'unmask_processes', hostIdentifier: 'DANA-MBP', unixTime: '1712000002', action: 'added', columns: { pid: 4242, name: 'AnyDesk', path: '/Applications/AnyDesk.app', cmdline: '' } }),
    osq({ name: 'unmask_interface_addresses', hostIdentifier: 'dana-mbp', unixTime: 1712000003, action: 'added', columns: { interface: 'en0', address: '10.1.2.3' } }),
    osq({ name: 'unmask_apps', hostIdentifier: 'f00-uuid', decorations: { hardware_serial: 'SER2' }, unixTime: 1712000004, diffResults: { added: [{ name: 'TeamViewer.app', bundle_identifier: 'com.teamviewer.TeamViewer' }], removed: [] } }),
    osq({ name: 'unmask_locale_darwin', hostIdentifier: 'dana-mbp', unixTime: 1712000005, action: 'added', columns: { kind: 'input_method', value: 'com.apple.inputmethod.Korean.2SetKorean' } }),
  ].join('\n') + '\n');
  w('zeek/conn.log', [
    '#separator \\x09', '#set_separator\t,', '#empty_field\t(empty)', '#unset_field\t-', '#path\tconn',
    '#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tproto\tservice\tduration\torig_bytes\tresp_bytes\tconn_state',
    '#types\ttime\tstring\taddr\tport\taddr\tport\tenum\tstring\tinterval\tcount\tcount\tstring',
    '1712000100.5\tCa1\t10.1.2.3\t51234\t198.51.100.7\t7070\ttcp\t-\t3600.5\t1200\t98000\tSF',
    '1712000200.0\tCa2\t10.9.9.9\t51235\t198.51.100.7\t443\ttcp\tssl\t1.0\t10\t20\tSF',
  ].join('\n') + '\n');
}

describeEachDialect('ingest of a data folder', (dialect) => {
  let store: TestStore;
  const tmp = tempDir('unmask-folder-');
  let report: IngestReport;
  beforeAll(async () => {
    writeFolder(tmp.dir);
    store = await openTestStore(dialect);
    report = await ingestFolder(store, tmp.dir, opts);
  });
  afterAll(async () => {
    await store.cleanup();
    tmp.remove();
  });
  const file = (rel: string) => report.files.find((x) => x.file === join(tmp.dir, rel))!;
  const quarantined = async (rel: string) => (await records.listQuarantined(store, join(tmp.dir, rel))).map((q) => [q.line, q.reason]);

  it('reads people.csv with case-insensitive headers, extras and a BOM; rejects an impossible date', async () => {
    expect(await records.getPerson(store, 'person:E1')).toMatchObject({
      kind: 'employee',
      full_name: 'Dana Whitfield',
      work_email: 'Dana.Whitfield@Example.com',
      home: { country: 'US' },
      timezone: 'America/Chicago',
      hire_date: '2024-03-01',
      extra: { cost_center: 'R&D-7' },
    });
    expect(await records.getPerson(store, 'person:E2')).toMatchObject({ kind: 'contractor', full_name: 'Lee, Sam' });
    expect(await records.getPerson(store, 'person:E3')).toBeUndefined();
    expect(await quarantined('people.csv')).toEqual([[4, 'not a real calendar date in hire_date: 2024-02-30']]);
    expect([file('people.csv').accepted, file('people.csv').rejected]).toEqual([2, 1]);
  });

  it('reads candidates with resume text from .txt and .pdf and photo hashes; a missing file is a warning', async () => {
    const c1 = (await records.getPerson(store, 'candidate:C1'))!;
    expect(c1).toMatchObject({
      kind: 'candidate',
      personal_email: 'jin@mail.example',
      applied_at: '2024-01-05T10:00:00.000Z',
      resume_text: 'Senior Go engineer.\nTen years.\n',
      profile_urls: ['https://git.example/jp', 'https://pro.example/jp'],
      interview_flags: ['camera_refused', 'answers_read'],
      hired_person_id: 'E1',
      photo_sha256: createHash('sha256').update(makePng(96, 72, picture(0))).digest('hex'),
    });
    const c2 = (await records.getPerson(store, 'candidate:C2'))!;
    expect(c2.resume_text).toBe('Jin Park\nStaff engineer, React');
    // The same picture as a JPEG: a different file, a near-identical perceptual hash.
    expect(c2.photo_sha256).not.toBe(c1.photo_sha256);
    expect(hammingDistance(c1.photo_phash!, c2.photo_phash!)).toBeLessThanOrEqual(6);
    const c3 = await records.getPerson(store, 'candidate:C3');
    expect(c3?.resume_text).toBeUndefined();
    expect(file('candidates.csv').warnings).toEqual([expect.stringMatching(/^line 4: resume_file "resumes\/missing.pdf" not found/)]);
    expect(await quarantined('candidates.csv')).toEqual([[5, 'unknown interview flag "sneezed" (expected one of: camera_refused, face_mismatch, voice_mismatch, answers_read, refused_in_person, id_document_inconsistent)']]);
  });

  it('seals account numbers, IBANs and wallets; keeps them out of every table, quarantine included', async () => {
    const pay = await records.listPayAccounts(store);
    expect(pay).toHaveLength(2);
    const dana = pay.find((p) => p.person_id === 'person:E1')!;
    expect(dana).toMatchObject({ method: 'direct_deposit', routing_number: '021000021', account: { hash: key.seal('account', ACCOUNT)!.hash, last4: '6789' } });
    expect(pay.find((p) => p.person_id === 'person:E2')).toMatchObject({ method: 'wire', bank_country: 'DE', iban: { hash: key.seal('iban', IBAN)!.hash, last4: '3000' } });
    const payments = await records.listPayments(store);
    expect(payments).toEqual([expect.objectContaining({ id: 'P1', amount: 4312.5, currency: 'USD', paid_at: '2024-04-01T00:00:00.000Z', account: { hash: dana.account!.hash, last4: '6789' } })]);
    expect(await quarantined('pay_accounts.csv')).toEqual([
      [4, 'unknown method "bitcoin" (expected one of: direct_deposit, wire, paypal, payoneer, wise, crypto, check, other)'],
      [5, 'expected 10 columns (as in the header), found 11'],
    ]);
    expect(await quarantined('payments.csv')).toEqual([[3, 'amount is not a number: "lots"']]);
    const q = await records.listQuarantined(store);
    const bitcoin = q.find((x) => x.line === 4 && x.source === 'pay_accounts')!;
    expect(bitcoin.raw).toBe('E2,2024-06-01,bitcoin,,,,,,Sam Lee,[redacted …5mdq]');
    // Every text column of every table: no clear secret anywhere.
    for (const t of ['people', 'pay_accounts', 'payments', 'quarantine', 'ingest_runs', 'ingest_files'] as const) {
      const dump = JSON.stringify(await store.db.selectFrom(t).selectAll().execute());
      for (const secret of [ACCOUNT, WALLET, IBAN, IBAN.replace(/ /g, '')]) expect(dump).not.toContain(secret);
    }
  });

  it('rejects unknown enum values in devices.csv and shipments.csv', async () => {
    expect(await quarantined('devices.csv')).toEqual([[4, 'unknown platform "plan9" (expected one of: windows, darwin, linux)']]);
    expect(await quarantined('shipments.csv')).toEqual([[3, 'unknown status "lost" (expected one of: shipped, delivered, returned)']]);
    expect(await records.listShipments(store)).toEqual([
      expect.objectContaining({ id: 'S1', person_id: 'person:E2', device_serial: 'SER2', shipped_at: '2024-05-09T00:00:00.000Z', address: { street: '400 Oak Ave', city: 'Charlotte', region: 'NC', postal_code: '28202', country: 'US' }, status: 'delivered' }),
    ]);
  });

  it('joins sign-ins to people by work email, case-insensitively, and counts the rest', async () => {
    const s = await records.listSignIns(store);
    expect(s.map((x) => [x.id, x.person_id ?? null])).toEqual([
      ['okta:e-1', 'person:E1'],
      ['okta:e-2', null],
    ]);
    expect(file('okta/events.json').unmatched_people).toBe(1);
  });

  it('joins osquery rows to devices by hostname, decoration serial and system_info serial, and devices to people', async () => {
    const rows = await records.listEndpointRows(store);
    const serialOf = (table: string) => rows.filter((r) => r.table_name === table).map((r) => r.device_serial ?? null);
    expect(serialOf('usb_devices')).toEqual(['SER3']); // learned from system_info, after the row was read
    expect(serialOf('system_info')).toEqual(['SER3']);
    expect(serialOf('processes')).toEqual(['SER1']); // devices.csv hostname, any case
    expect(serialOf('apps')).toEqual(['SER2']); // decorations.hardware_serial
    expect(serialOf('locale')).toEqual(['SER1']);
    expect(rows.find((r) => r.table_name === 'processes')?.columns).toEqual({ cmdline: '', name: 'AnyDesk', path: '/Applications/AnyDesk.app', pid: '4242' });
    const devices = await records.listDevices(store);
    expect(devices.map((d) => [d.serial, d.person_id ?? null, d.host_identifier ?? null, d.platform ?? null])).toEqual([
      ['SER1', 'person:E1', null, 'darwin'],
      ['SER2', 'person:E2', 'f00-uuid', 'windows'], // person from shipments.csv
      ['SER3', null, 'host-abc', null], // seen only by osquery
    ]);
    expect(file('osquery/osqueryd.results.log').unmatched_devices).toBe(0);
  });

  it('joins Zeek connections to devices through osquery interface addresses', async () => {
    const conns = await records.listNetConnections(store);
    expect(conns.map((c) => [c.uid, c.device_serial ?? null])).toEqual([
      ['Ca1', 'SER1'],
      ['Ca2', null],
    ]);
    expect(conns[0]).toMatchObject({ occurred_at: '2024-04-01T19:35:00.500Z', duration_s: 3600.5, orig_p: 51234, resp_p: 7070 });
    expect(conns[0]!.service).toBeUndefined(); // '-' is Zeek's unset field
    expect(file('zeek/conn.log').unmatched_devices).toBe(1);
  });

  it('changes nothing when the folder is ingested again', async () => {
    const before = await counts(store);
    const again = await ingestFolder(store, tmp.dir, opts);
    expect(await counts(store)).toEqual(before);
    expect(again.totals.rejected).toBe(report.totals.rejected);
    expect(again.files.find((x) => x.file.endsWith('okta/events.json'))?.duplicates).toBe(2);
  });
});

describeEachDialect('joins do not depend on the order of separate ingests', (dialect) => {
  it('joins sign-ins and osquery rows stored before people and devices were known', async () => {
    const tmp = tempDir('unmask-order-');
    const store: TestStore = await openTestStore(dialect);
    try {
      writeFolder(tmp.dir);
      const logs = await ingestFiles(store, 'okta', [join(tmp.dir, 'okta')], opts);
      expect(logs.files[0]!.unmatched_people).toBe(2);
      await ingestFiles(store, 'osquery', [join(tmp.dir, 'osquery/osqueryd.results.log')], opts);
      expect((await records.listEndpointRows(store)).find((r) => r.table_name === 'processes')?.device_serial).toBeUndefined();
      const people = await ingestFiles(store, 'people', [join(tmp.dir, 'people.csv')], opts);
      expect(people.rejoined.signins).toBe(1);
      const devices = await ingestFiles(store, 'devices', [join(tmp.dir, 'devices.csv')], opts);
      expect(devices.rejoined.endpoint_rows).toBe(3); // dana-mbp's processes, interface and locale rows
      expect((await records.listSignIns(store)).find((s) => s.id === 'okta:e-1')?.person_id).toBe('person:E1');
      expect((await records.listEndpointRows(store)).find((r) => r.table_name === 'processes')?.device_serial).toBe('SER1');
    } finally {
      await store.cleanup();
      tmp.remove();
    }
  });
});
