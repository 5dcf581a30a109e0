/**
 * Every vendor sample in ../shared/data/samples (except sigma_okta/) read through the real
 * readers, with field values of specific records checked.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ingestFolder, planFolder, type IngestReport } from '../../src/ingest/runner.js';
import * as records from '../../src/store/repositories/records.js';
import { describeEachDialect, openTestStore, type TestStore } from '../helpers/stores.js';
import { counts, opts, SAMPLES } from './helpers.js';

const f = (rel: string) => join(SAMPLES, rel);

describeEachDialect('ingest of the vendor samples', (dialect) => {
  let store: TestStore;
  let first: IngestReport;
  let second: IngestReport;
  let before: Record<string, number>;
  let after: Record<string, number>;
  beforeAll(async () => {
    store = await openTestStore(dialect);
    first = await ingestFolder(store, SAMPLES, opts);
    before = await counts(store);
    second = await ingestFolder(store, SAMPLES, opts);
    after = await counts(store);
  });
  afterAll(async () => {
    await store.cleanup();
  });
  const file = (r: IngestReport, rel: string) => r.files.find((x) => x.file === f(rel))!;

  it('reads every sample file except the Sigma rules, the licenses and SOURCES.md', () => {
    const plan = planFolder(SAMPLES);
    expect(plan.ignored.sort()).toEqual(['SOURCES.md', 'licenses', 'sigma_okta']);
    expect(first.files.map((x) => [x.source, x.file.slice(SAMPLES.length + 1)])).toEqual([
      ['okta', 'okta/elastic-test-okta-system-events.log'],
      ['entra', 'entra/elastic-test-signinlogs-raw.log'],
      ['entra', 'entra/elastic-test-signinlogs-sample.log'],
      ['google', 'google_workspace/elastic-test-login.log'],
      ['osquery', 'osquery/elastic-sample-osquery.log'],
      ['osquery', 'osquery/osquery-docs-batch-diffResults.json'],
      ['osquery', 'osquery/osquery-docs-event-added.json'],
      ['osquery', 'osquery/osquery-docs-event-removed.json'],
      ['osquery', 'osquery/osquery-docs-process_events.json'],
      ['osquery', 'osquery/osquery-docs-snapshot.json'],
      ['osquery', 'osquery/osquery-docs-socket_events.json'],
      ['osquery', 'osquery/osquery-docs-startup_items.json'],
      ['zeek', 'zeek/elastic-test-conn.json.log'],
      ['zeek', 'zeek/zeek-baseline-core.tunnels.teredo-conn.tsv.log'],
      ['zeek', 'zeek/zeek-cut-logs-conn.tsv.log'],
    ]);
    expect(first.files.every((x) => !x.error)).toBe(true);
  });

  it('maps Okta System Log events to sign-ins and skips the non-sign-in events', async () => {
    const r = file(first, 'okta/elastic-test-okta-system-events.log');
    // 20 events; 2 are not sign-ins; the sample repeats uuids, so only 5 distinct events are stored.
    expect([r.records_read, r.accepted, r.skipped, r.rejected, r.duplicates]).toEqual([20, 18, 2, 0, 13]);
    expect(r.skipped_reasons).toEqual({ 'not a sign-in (group.user_membership.add)': 1, 'not a sign-in (app.user_management)': 1 });
    const okta = (await records.listSignIns(store)).filter((s) => s.source === 'okta');
    expect(okta).toHaveLength(5);
    const start = okta.find((s) => s.id === 'okta:3aeede38-4f67-11ea-abd3-1f5d113f2546')!;
    expect(start).toMatchObject({
      occurred_at: '2020-02-14T20:18:57.718Z',
      user_name: 'xxxxxx@elastic.co',
      ip: '175.16.199.1',
      outcome: 'success',
      event_type: 'user.session.start',
      session_id: '102bZDNFfWaQSyEZQuDgWt-uQ',
      user_agent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:72.0) Gecko/20100101 Firefox/72.0',
      device_fingerprint: '541daf91d15bef64a7e08c946fd9a9d0',
      vendor_country: 'United States',
      vendor_city: 'Dublin',
      vendor_lat: 37.7201,
      vendor_lon: -121.919,
      source_line: 2,
    });
    const verify = okta.find((s) => s.id === 'okta:c32ae8ec-7a68-11ed-b8a7-9134a086ef85')!;
    expect(verify).toMatchObject({ user_name: 'Snipped_User@domain.com', ip: '81.2.69.144', vendor_asn: 1828, vendor_isp: 'isp', vendor_proxy: false, event_type: 'user.authentication.verify' });
    // The first of the repeated uuid wins: line 1, a session end.
    expect(okta.find((s) => s.id === 'okta:faf7398a-4f77-11ea-97fb-5925e98228bd')).toMatchObject({ source_line: 1, event_type: 'user.session.end', user_name: 'username@elastic.co' });
  });

  it('maps Entra diagnostic exports, skipping service-principal and managed-identity sign-ins', async () => {
    const raw = file(first, 'entra/elastic-test-signinlogs-raw.log');
    expect([raw.records_read, raw.accepted, raw.skipped, raw.duplicates]).toEqual([5, 2, 3, 1]);
    const entra = (await records.listSignIns(store)).filter((s) => s.source === 'entra');
    expect(entra.map((s) => s.id).sort()).toEqual([
      'entra:8a4de8b5-095c-47d0-a96f-a75130c61d53',
      'entra:933f20c0-efdf-477f-9586-e5cc566d2e00',
      'entra:933f20c0-efdf-477f-9586-e5cc676f2e00',
    ]);
    expect(entra.find((s) => s.id === 'entra:8a4de8b5-095c-47d0-a96f-a75130c61d53')).toMatchObject({
      occurred_at: '2019-10-18T09:45:48.072Z',
      user_name: 'test@elastic.co',
      outcome: 'failure',
      ip: '81.2.69.144',
      vendor_country: 'FR',
      vendor_city: 'Champs-Sur-Marne',
      vendor_lat: 48.12341234,
      vendor_lon: 2.12341234,
    });
    expect(entra.find((s) => s.id === 'entra:933f20c0-efdf-477f-9586-e5cc566d2e00')).toMatchObject({
      occurred_at: '2022-01-24T05:10:08.681Z',
      user_name: 'mpliftrelastic20210901@outlook.com',
      outcome: 'success',
      ip: '1.128.3.4',
      vendor_asn: 55836,
      vendor_country: 'IN',
      vendor_city: 'Nizampet',
      session_id: '7532b99a-06da-4c23-91e5-0f062bc0dcb3',
      user_agent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/97.0.4692.99 Safari/537.36 Edg/97.0.1072.69',
      event_type: 'SignInLogs',
    });
  });

  it('maps Google Workspace login activities, skipping account warnings', async () => {
    const r = file(first, 'google_workspace/elastic-test-login.log');
    expect([r.records_read, r.accepted, r.skipped, r.duplicates]).toEqual([17, 7, 10, 1]);
    expect(r.skipped_reasons['not a sign-in (suspicious_login)']).toBe(1);
    const google = (await records.listSignIns(store)).filter((s) => s.source === 'google');
    expect(google.map((s) => [s.event_type, s.outcome]).sort()).toEqual([
      ['login_challenge', 'success'],
      ['login_failure', 'failure'],
      ['login_success', 'success'],
      ['login_verification', 'success'],
      ['login_verification', 'success'],
      ['logout', 'success'],
    ]);
    expect(google.find((s) => s.id === 'google:123:2025-02-27T05:59:58.481Z:login_verification')).toMatchObject({
      user_name: 'tl.zeous.daclitan@company.com',
      ip: '81.2.69.144',
      occurred_at: '2025-02-27T05:59:58.481Z',
      source_line: 17,
    });
    expect(google.find((s) => s.event_type === 'login_failure')).toMatchObject({ user_name: 'foo@bar.com', ip: '67.43.156.13', occurred_at: '2020-10-02T15:00:00.000Z', source_line: 10 });
  });

  it('maps osquery event, snapshot and batch results, including the old hostname key', async () => {
    const rows = await records.listEndpointRows(store);
    const elastic = rows.filter((x) => x.source_file === f('osquery/elastic-sample-osquery.log'));
    expect(elastic).toHaveLength(10);
    expect(elastic.find((x) => x.columns.name === 'pack_ossec-rootkit_55808.a_worm')).toMatchObject({
      host_identifier: 'ubuntu-xenial',
      query_name: 'pack_osquery-monitoring_schedule',
      action: 'added',
      observed_at: '2018-01-08T14:51:55.000Z',
      source_line: 1,
    });
    const batch = rows.filter((x) => x.query_name === 'processes' && x.host_identifier === 'hostname.local');
    expect(batch.map((x) => [x.action, x.columns.pid, x.table_name, x.observed_at]).sort()).toEqual([
      ['added', '97830', 'processes', '2014-10-01T00:37:30.000Z'],
      ['removed', '97650', 'processes', '2014-10-01T00:37:30.000Z'],
    ]);
    // The stand-alone added/removed docs are the same two rows as the batch: stored once.
    expect(file(first, 'osquery/osquery-docs-event-added.json').duplicates).toBe(1);
    const snap = rows.filter((x) => x.action === 'snapshot');
    expect(snap.map((x) => x.columns.path)).toEqual(expect.arrayContaining(['/sbin/launchd', '/usr/sbin/syslogd', '/usr/libexec/UserEventAgent', '/usr/libexec/kextd']));
    expect(snap[0]).toMatchObject({ host_identifier: 'hostname.local', query_name: 'process_snapshot', observed_at: '2016-05-02T22:27:32.000Z' });
    expect(rows.find((x) => x.table_name === 'process_events')).toMatchObject({ host_identifier: 'vagrant', observed_at: '2018-06-01T23:25:50.000Z', columns: expect.objectContaining({ cmdline: 'curl google.com', path: '/usr/bin/curl' }) });
    expect(rows.find((x) => x.table_name === 'socket_events')?.columns.remote_address).toBe('172.217.164.110');
    expect(rows.find((x) => x.table_name === 'startup_items')).toMatchObject({ host_identifier: 'ted-osx.local', columns: { name: 'Phone.app', path: '/Applications/Phone.app' } });
  });

  it('maps Zeek conn.log in JSON and TSV, and rejects the masked timestamps of the btest baseline', async () => {
    const conns = await records.listNetConnections(store);
    expect(conns).toHaveLength(23);
    expect(conns.find((c) => c.uid === 'CAcJw21BbVedgFnYH3')).toMatchObject({
      occurred_at: '2019-01-11T06:33:35.857Z', orig_h: '192.168.86.167', orig_p: 38339, resp_h: '192.168.86.1', resp_p: 53,
      proto: 'udp', service: 'dns', duration_s: 0.076967, orig_bytes: 75, resp_bytes: 178, conn_state: 'SF',
    });
    expect(conns.find((c) => c.uid === 'C2KP1V3alRLoxl4JB9')).toMatchObject({ occurred_at: '2021-06-09T20:55:13.160Z', orig_h: '10.0.2.15', resp_h: '172.16.9.68', resp_p: 80 });
    expect(conns.find((c) => c.uid === 'CXWv6p3arKYeMETxOg')).toMatchObject({
      occurred_at: '2012-02-21T16:52:41.968Z', orig_h: '141.142.220.235', orig_p: 50003, resp_h: '199.233.217.249', resp_p: 21,
      service: 'ftp', duration_s: 38.055625, orig_bytes: 180, resp_bytes: 3146, source_line: 13,
    });
    // An unset field ('-') is absent, not the text '-'.
    expect(conns.find((c) => c.uid === 'CjhGID4nQcgTWjvg4c')?.proto).toBe('tcp');
    const teredo = file(first, 'zeek/zeek-baseline-core.tunnels.teredo-conn.tsv.log');
    expect([teredo.records_read, teredo.rejected, teredo.accepted]).toEqual([21, 21, 0]);
    const q = await records.listQuarantined(store, f('zeek/zeek-baseline-core.tunnels.teredo-conn.tsv.log'));
    expect(q).toHaveLength(21);
    expect(q[0]).toMatchObject({ line: 10, source: 'zeek', reason: 'unparsable time in ts: "XXXXXXXXXX.XXXXXX"' });
    expect(q[0]!.raw).toContain('ClEkJM2Vm5giqnMf4h');
  });

  it('counts sign-ins without a person and osquery rows without a device', () => {
    expect(file(first, 'okta/elastic-test-okta-system-events.log').unmatched_people).toBe(5);
    expect(file(first, 'osquery/osquery-docs-snapshot.json').unmatched_devices).toBe(4);
  });

  it('changes nothing when the same folder is ingested again', () => {
    expect(after).toEqual(before);
    expect(before).toMatchObject({ signins: 14, endpoint_rows: 19, net_connections: 23, quarantine: 21 });
    expect(second.totals.records_read).toBe(first.totals.records_read);
    // Everything accepted the second time was already stored.
    for (const r of second.files) {
      const stored = first.files.find((x) => x.file === r.file)!;
      expect(r.rejected).toBe(stored.rejected);
    }
    const newRows = second.files.reduce((n, r) => n + (r.accepted > 0 ? 1 : 0), 0);
    expect(newRows).toBeGreaterThan(0);
    expect(file(second, 'okta/elastic-test-okta-system-events.log').duplicates).toBe(18);
  });
});
