/**
 * Malformed input: each bad record is rejected with file, line and reason and quarantined, the
 * good records around it are kept, and the counts say so.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { hasRejections, ingestFiles } from '../../src/ingest/runner.js';
import * as records from '../../src/store/repositories/records.js';
import { describeEachDialect, openTestStore, tempDir, type TestStore } from '../helpers/stores.js';
import { counts, opts } from './helpers.js';

const event = (uuid: string, user = 'a@example.com', extra: Record<string, unknown> = {}) => ({
  uuid,
  published: '2024-04-02T14:00:00.000Z',
  eventType: 'user.session.start',
  actor: { alternateId: user, type: 'User' },
  client: { ipAddress: '203.0.113.9' },
  outcome: { result: 'SUCCESS' },
  ...extra,
});
const line = (o: object) => JSON.stringify(o);

describeEachDialect('malformed input', (dialect) => {
  let store: TestStore;
  const tmp = tempDir('unmask-bad-');
  const path = (name: string) => join(tmp.dir, name);
  const write = (name: string, data: string | Buffer) => {
    mkdirSync(join(tmp.dir, name, '..'), { recursive: true });
    writeFileSync(path(name), data);
    return path(name);
  };
  beforeAll(async () => {
    store = await openTestStore(dialect);
  });
  afterAll(async () => {
    await store.cleanup();
    tmp.remove();
  });
  const quarantined = async (name: string) => (await records.listQuarantined(store, path(name))).map((q) => [q.line, q.reason]);

  it('truncated JSON: keeps the complete elements of a cut array, rejects the cut one with its line', async () => {
    const full = JSON.stringify([event('t1'), event('t2'), event('t3')], null, 2);
    const f = write('okta/truncated.json', full.slice(0, full.lastIndexOf('"uuid"')));
    const r = await ingestFiles(store, 'okta', [f], opts);
    expect([r.files[0]!.records_read, r.files[0]!.accepted, r.files[0]!.rejected]).toEqual([3, 2, 1]);
    const lineOfThird = full.slice(0, full.lastIndexOf('"uuid"')).split('\n').lastIndexOf('  {') + 1;
    expect(await quarantined('okta/truncated.json')).toEqual([[lineOfThird, 'unexpected end of file inside a JSON value (the file looks truncated)']]);
    expect(hasRejections(r)).toBe(true);
  });

  it('a bad NDJSON line is rejected alone', async () => {
    const f = write('okta/bad-line.ndjson', [line(event('n1')), '{"uuid": "n2", "published": ', line(event('n3'))].join('\n'));
    const r = await ingestFiles(store, 'okta', [f], opts);
    expect([r.files[0]!.accepted, r.files[0]!.rejected]).toEqual([2, 1]);
    const q = await records.listQuarantined(store, f);
    expect(q.map((x) => [x.line, x.raw])).toEqual([[2, '{"uuid": "n2", "published": ']]);
    expect(q[0]!.reason).toMatch(/^invalid JSON: /);
  });

  it('a record without a required field, or with an unparsable date, is rejected with the field named', async () => {
    const f = write('okta/fields.ndjson', [line(event('f1')), line({ ...event('f2'), published: 'yesterday' }), line({ ...event('f3'), actor: { type: 'User' } }), line(event('f4'))].join('\n'));
    const r = await ingestFiles(store, 'okta', [f], opts);
    expect(r.files[0]!.accepted).toBe(2);
    expect(await quarantined('okta/fields.ndjson')).toEqual([
      [2, 'unparsable date in published: "yesterday" (expected ISO 8601)'],
      [3, 'missing actor.alternateId'],
    ]);
  });

  it('broken CSV quoting costs one record; the lines after it are read again', async () => {
    const f = write('people-quotes.csv', ['person_id,full_name,work_email', 'E1,Ann One,ann@example.com', 'E2,"Bob Two,bob@example.com', 'E3,Cy Three,cy@example.com', 'E4,"Di" Four,di@example.com', 'E5,"Multi', 'line name",e5@example.com'].join('\n'));
    const r = await ingestFiles(store, 'people', [f], opts);
    expect([r.files[0]!.records_read, r.files[0]!.accepted, r.files[0]!.rejected]).toEqual([5, 3, 2]);
    expect(await quarantined('people-quotes.csv')).toEqual([
      [3, 'broken CSV quoting: a quote opened on line 3 does not close properly (unexpected character "D" after a closing quote (column 2) on line 5)'],
      [5, 'broken CSV quoting: unexpected character " " after a closing quote (column 2)'],
    ]);
    expect((await records.getPerson(store, 'person:E4'))).toBeUndefined();
    // A quote still open at the end of the file costs its own line only.
    const g = write('people-open.csv', ['person_id,full_name', 'E20,"Open', 'E21,Fine'].join('\n'));
    const r2 = await ingestFiles(store, 'people', [g], opts);
    expect([r2.files[0]!.accepted, r2.files[0]!.rejected]).toEqual([1, 1]);
    expect(await quarantined('people-open.csv')).toEqual([[2, 'unterminated quoted field (a quote opened on line 2 is not closed before the end of the file)']]);
    // The multi-line quoted field itself is fine.
    expect((await records.getPerson(store, 'person:E5'))?.full_name).toBe('Multi\nline name');
    expect((await records.getPerson(store, 'person:E3'))?.full_name).toBe('Cy Three');
  });

  it('a wrong column count is rejected with both counts', async () => {
    const f = write('people-cols.csv', ['person_id,full_name', 'E6,Ed Six', 'E7,Fay,Seven', 'E8,Gus Eight'].join('\n'));
    await ingestFiles(store, 'people', [f], opts);
    expect(await quarantined('people-cols.csv')).toEqual([[3, 'expected 2 columns (as in the header), found 3']]);
  });

  it('a 5 MB single line is read when valid and rejected cleanly when not; its neighbours are kept', async () => {
    const big = event('big-1', 'a@example.com', { client: { ipAddress: '203.0.113.9', userAgent: { rawUserAgent: 'x'.repeat(5 * 1024 * 1024) } } });
    const garbage = `{"uuid": "big-2", "junk": "${'y'.repeat(5 * 1024 * 1024)}`;
    const f = write('okta/big.ndjson', [line(event('b0')), line(big), garbage, line(event('b3'))].join('\n') + '\n');
    const r = await ingestFiles(store, 'okta', [f], opts);
    expect([r.files[0]!.records_read, r.files[0]!.accepted, r.files[0]!.rejected]).toEqual([4, 3, 1]);
    const s = (await records.listSignIns(store)).find((x) => x.id === 'okta:big-1')!;
    expect(s.user_agent).toHaveLength(5 * 1024 * 1024);
    const q = await records.listQuarantined(store, f);
    expect(q.map((x) => x.line)).toEqual([3]);
    expect(q[0]!.reason).toMatch(/^invalid JSON/);
    // Quarantine keeps an excerpt, not 5 MB.
    expect(q[0]!.raw.length).toBeLessThan(20_000);
    expect(q[0]!.raw).toMatch(/\[truncated: \d+ characters\]$/);
  });

  it('Latin-1 bytes in a UTF-8 file reject that record with the byte named', async () => {
    const csv = Buffer.concat([Buffer.from('person_id,full_name\nE9,Jo Nine\nE10,Jos'), Buffer.from([0xe9]), Buffer.from(' Ten\nE11,Ines Eleven\n')]);
    const f = write('people-latin1.csv', csv);
    const r = await ingestFiles(store, 'people', [f], opts);
    expect([r.files[0]!.accepted, r.files[0]!.rejected]).toEqual([2, 1]);
    expect(await quarantined('people-latin1.csv')).toEqual([
      [3, 'not valid UTF-8 (byte 0xe9 at column 8; the file may be Latin-1 or Windows-1252: re-save it as UTF-8)'],
    ]);
    expect((await records.listQuarantined(store, f))[0]!.raw).toBe('E10,José Ten');
    const nd = Buffer.concat([Buffer.from(`${line(event('l1'))}\n{"uuid":"l2","x":"`), Buffer.from([0xff, 0xfe]), Buffer.from(`"}\n${line(event('l3'))}\n`)]);
    const g = write('okta/latin1.ndjson', nd);
    const r2 = await ingestFiles(store, 'okta', [g], opts);
    expect([r2.files[0]!.accepted, r2.files[0]!.rejected]).toEqual([2, 1]);
  });

  it('an empty file gives zero records and a note, not an error', async () => {
    const a = write('okta/empty.json', '');
    const b = write('people-empty.csv', '');
    const c = write('zeek/empty.log', '\n\n');
    const r = await ingestFiles(store, 'okta', [a], opts);
    expect(r.files[0]).toMatchObject({ records_read: 0, accepted: 0, rejected: 0, note: 'empty file: no records' });
    expect(r.files[0]!.error).toBeUndefined();
    expect((await ingestFiles(store, 'people', [b], opts)).files[0]).toMatchObject({ records_read: 0, note: 'empty file: no records' });
    expect((await ingestFiles(store, 'zeek', [c], opts)).files[0]).toMatchObject({ records_read: 0, note: 'empty file: no records' });
  });

  it('a missing required column rejects the whole file, naming the file and the column; other files still load', async () => {
    const bad = write('pay/pay_accounts.csv', 'person_id,method,account_number\nE1,wire,123456789\n');
    const good = write('pay/pay_accounts-2.csv', 'person_id,effective_date,method\nE1,2024-01-01,check\n');
    const r = await ingestFiles(store, 'pay_accounts', [bad, good], opts);
    expect(r.files[0]!.error).toBe(`${bad}: missing required column "effective_date" (the header has: person_id, method, account_number)`);
    expect(r.files[1]).toMatchObject({ accepted: 1, rejected: 0 });
    expect(r.totals.failed_files).toBe(1);
    expect(hasRejections(r)).toBe(true);
  });

  it('a file that cannot be read is an error naming it', async () => {
    const missing = path('okta/nope.json');
    const r = await ingestFiles(store, 'okta', [missing], opts);
    expect(r.files[0]!.error).toBe(`${missing}: cannot read: no such file`);
    const corrupt = write('okta/corrupt.json.gz', Buffer.concat([gzipSync(line(event('z1'))).subarray(0, 12), Buffer.from('garbage')]));
    expect((await ingestFiles(store, 'okta', [corrupt], opts)).files[0]!.error).toMatch(new RegExp(`^${corrupt.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: cannot decompress`));
  });

  it('gzip is recognised by its magic bytes, whatever the name', async () => {
    const a = write('okta/compressed-without-suffix.log', gzipSync([line(event('g1')), line(event('g2'))].join('\n')));
    const b = write('okta/plain-with-suffix.json.gz', line(event('g3')));
    const r = await ingestFiles(store, 'okta', [a, b], opts);
    expect(r.files.map((x) => [x.accepted, x.error ?? null])).toEqual([[2, null], [1, null]]);
  });

  it('quarantine entries are stable: reading the same bad files again stores nothing new', async () => {
    const before = await counts(store);
    await ingestFiles(store, 'okta', [path('okta')], opts);
    await ingestFiles(store, 'people', [path('people-quotes.csv'), path('people-cols.csv'), path('people-latin1.csv')], opts);
    expect(await counts(store)).toEqual(before);
  });

  it('quarantined pay rows never hold the clear secret, even when the row is broken', async () => {
    const f = write('pay_accounts.csv', [
      'person_id,effective_date,method,account_number,iban,wallet_address',
      'E1,2024-01-01,wire,9876543210,,',
      'E1,2024-02-01,bitcoin,,,0x52908400098527886E0F7030069857D2E4169EE7',
      'E1,2024-03-01,wire,"1111 2222 3333,,',
      'E1,2024-04-01,wire,5555666677778888,DE89370400440532013000,,extra',
    ].join('\n'));
    const r = await ingestFiles(store, 'pay_accounts', [f], opts);
    expect([r.files[0]!.accepted, r.files[0]!.rejected]).toEqual([1, 3]);
    const raws = (await records.listQuarantined(store, f)).map((q) => q.raw);
    expect(raws[0]).toBe('E1,2024-02-01,bitcoin,,,[redacted …9EE7]');
    const all = raws.join('\n');
    for (const secret of ['9876543210', '0x52908400098527886E0F7030069857D2E4169EE7', '52908400098527886', '1111 2222 3333', '5555666677778888', 'DE89370400440532013000']) {
      expect(all).not.toContain(secret);
    }
    expect(all).toContain('[redacted …8888]');
  });
});
