import { describe, expect, it } from 'vitest';
import { jsonRecordsFromChunks } from '../../src/ingest/stream/json.js';
import type { RawRecord } from '../../src/ingest/types.js';

/** Feed text as chunks of `size` bytes, to cut records, strings and escapes at every position. */
async function* chunked(text: string | Buffer, size: number): AsyncGenerator<Buffer> {
  const buf = Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8');
  for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
}

async function collect(text: string | Buffer, size: number, wrapperKeys: string[] = []): Promise<RawRecord[]> {
  const out: RawRecord[] = [];
  for await (const r of jsonRecordsFromChunks(chunked(text, size), { wrapperKeys })) out.push(r);
  return out;
}

const tricky = [
  { uuid: 'a', note: 'brackets ] } [ { inside a string', n: 1 },
  { uuid: 'b', note: 'escaped quote \\" and backslash \\\\', nested: { list: [1, [2, 3]], o: {} } },
  { uuid: 'c', note: 'unicode ü — 한국어', n: 3 },
];

describe('streaming JSON splitter', () => {
  it('splits a pretty-printed top-level array into its elements at any chunk size, with start lines', async () => {
    const text = JSON.stringify(tricky, null, 2);
    for (const size of [1, 2, 3, 7, 64, 1 << 20]) {
      const recs = await collect(text, size);
      expect(recs.map((r) => r.value)).toEqual(tricky);
      expect(recs.every((r) => r.error === undefined)).toBe(true);
      // Element k starts on the line of its opening brace.
      const lines = text.split('\n');
      expect(recs.map((r) => r.line)).toEqual(lines.map((l, i) => (l === '  {' ? i + 1 : 0)).filter(Boolean));
    }
  });

  it('reads the records of a wrapper object ({"value": [...]}, {"items": [...]}) and ignores its other keys', async () => {
    const text = JSON.stringify({ '@odata.context': 'x', value: tricky, '@odata.nextLink': 'https://next' }, null, 1);
    for (const size of [1, 5, 4096]) {
      expect((await collect(text, size, ['value'])).map((r) => r.value)).toEqual(tricky);
    }
    const google = JSON.stringify({ kind: 'admin#reports#activities', items: [{ id: 1 }, { id: 2 }], nextPageToken: 'p' }, null, 2);
    expect((await collect(google, 3, ['items'])).map((r) => r.value)).toEqual([{ id: 1 }, { id: 2 }]);
    // A one-line wrapper is NDJSON-shaped: it is expanded too.
    expect((await collect(JSON.stringify({ value: [{ id: 9 }] }), 8, ['value'])).map((r) => r.value)).toEqual([{ id: 9 }]);
  });

  it('reads NDJSON line by line and rejects only the bad line', async () => {
    const text = ['{"uuid":"1"}', '{"uuid":"2",', '', '{"uuid":"3"}'].join('\n');
    const recs = await collect(text, 4);
    expect(recs.map((r) => [r.line, r.value ?? null, r.error ? 'error' : 'ok'])).toEqual([
      [1, { uuid: '1' }, 'ok'],
      [2, null, 'error'],
      [4, { uuid: '3' }, 'ok'],
    ]);
    expect(recs[1]!.error).toMatch(/^invalid JSON/);
  });

  it('treats a broken first line followed by one record per line as NDJSON', async () => {
    const recs = await collect('{"a":\n{"b":2}\n{"c":3}\n', 1 << 20);
    expect(recs.map((r) => r.value ?? r.error?.slice(0, 12))).toEqual(['invalid JSON', { b: 2 }, { c: 3 }]);
  });

  it('reads consecutive pretty-printed objects (osquery docs style)', async () => {
    const text = `${JSON.stringify({ a: 1, s: '{' }, null, 2)}\n${JSON.stringify({ b: [2] }, null, 4)}\n`;
    const recs = await collect(text, 3);
    expect(recs.map((r) => [r.line, r.value])).toEqual([
      [1, { a: 1, s: '{' }],
      [5, { b: [2] }],
    ]);
  });

  it('keeps the complete elements of a truncated array and rejects the cut one', async () => {
    const full = JSON.stringify(tricky, null, 2);
    const cut = full.slice(0, full.indexOf('"uuid": "c"') + 5);
    const recs = await collect(cut, 16);
    expect(recs.slice(0, 2).map((r) => r.value)).toEqual(tricky.slice(0, 2));
    expect(recs).toHaveLength(3);
    expect(recs[2]!.error).toMatch(/end of file inside a JSON value/);
    // Cut between elements: no partial record, a warning instead.
    const between = full.slice(0, full.indexOf('},') + 1);
    const recs2 = await collect(between, 16);
    expect(recs2.map((r) => r.value ?? null)).toEqual([tricky[0], null]);
    expect(recs2[1]!.warning).toMatch(/not closed/);
  });

  it('rejects an element with invalid UTF-8 and keeps its neighbours', async () => {
    const buf = Buffer.concat([Buffer.from('[{"n":"ok1"},\n{"n":"caf'), Buffer.from([0xe9]), Buffer.from('"},\n{"n":"ok2"}]')]);
    const recs = await collect(buf, 5);
    expect(recs.map((r) => r.value ?? null)).toEqual([{ n: 'ok1' }, null, { n: 'ok2' }]);
    expect(recs[1]!.error).toMatch(/not valid UTF-8 \(byte 0xe9/);
    expect(recs[1]!.line).toBe(2);
  });
});
