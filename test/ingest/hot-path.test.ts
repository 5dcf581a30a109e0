/**
 * The fast paths of a large log load must give exactly what the general code gives: lines split a
 * whole chunk at a time (stream/lines.ts), sign-ins turned straight into parameters (sink.ts), and
 * canonical timestamps accepted without Date objects (sources/fields.ts).
 */
import { describe, expect, it } from 'vitest';
import { SIGNIN_COLUMNS, signInValues } from '../../src/ingest/sink.js';
import { isoTime } from '../../src/ingest/sources/fields.js';
import { splitLines, type Line } from '../../src/ingest/stream/lines.js';
import { RecordError } from '../../src/ingest/types.js';
import type * as m from '../../src/model/index.js';
import { signInRow } from '../../src/store/mappers.js';

async function* chunked(buf: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
}

async function lines(buf: Buffer, size: number, max?: number): Promise<Line[]> {
  const out: Line[] = [];
  // How much of an over-long line is kept for display depends on where chunks end: not compared.
  for await (const l of splitLines(chunked(buf, size), max)) out.push(l.tooLong ? { line: l.line, text: l.text, tooLong: l.tooLong } : l.bytes ? { ...l, bytes: Buffer.from(l.bytes) } : l);
  return out;
}

describe('hot-path equivalence', () => {
  it('splits lines the same at every chunk size: CRLF, BOM, blank lines, non-UTF-8 and over-long lines', async () => {
    const parts = [
      Buffer.from('\ufeff{"a":1}\r\n', 'utf8'),
      Buffer.from('{"b":"한국어 ü"}\n\n', 'utf8'),
      Buffer.from([0x7b, 0x22, 0x63, 0x22, 0x3a, 0x22, 0xe9, 0x22, 0x7d, 0x0a]), // {"c":"é"} in Latin-1
      Buffer.from(`{"d":"${'x'.repeat(300)}"}\n`, 'utf8'),
      Buffer.from('{"e":5}\r\n{"f":6}', 'utf8'),
    ];
    const buf = Buffer.concat(parts);
    // One byte per chunk never takes the fast path: it is the reference.
    const reference = await lines(buf, 1, 200);
    expect(reference.map((l) => l.text)).toEqual(['{"a":1}', '{"b":"한국어 ü"}', '', null, null, '{"e":5}', '{"f":6}']);
    expect(reference[3]!.bytes!.toString('latin1')).toBe('{"c":"é"}');
    expect(reference[4]!.tooLong).toBe(308);
    for (const size of [2, 5, 17, 64, 200, 1000, 1 << 20]) {
      expect(await lines(buf, size, 200)).toEqual(reference);
    }
    const unlimited = await lines(buf, 1);
    for (const size of [3, 100, 1 << 20]) expect(await lines(buf, size)).toEqual(unlimited);
    expect(unlimited[4]!.text).toBe(`{"d":"${'x'.repeat(300)}"}`);
  });

  it('turns a sign-in into the same parameters as its store row', () => {
    const full: m.SignIn = {
      id: 'okta:1',
      source: 'okta',
      occurred_at: '2024-03-01T10:00:00.000Z',
      user_name: 'a@example.com',
      person_id: 'person:E1',
      ip: '203.0.113.9',
      outcome: 'failure',
      event_type: 'user.session.start',
      session_id: 's1',
      user_agent: 'UA',
      device_fingerprint: 'fp',
      mfa_device: 'mfa',
      vendor_country: 'United States',
      vendor_city: 'Austin',
      vendor_lat: 30.2,
      vendor_lon: -97.7,
      vendor_asn: 7922,
      vendor_isp: 'comcast',
      vendor_proxy: true,
      source_file: '/x/okta.ndjson',
      source_line: 7,
    };
    const sparse: m.SignIn = { id: 'google:2', source: 'google', occurred_at: '2024-03-01T10:00:00.000Z', user_name: 'b@example.com', outcome: 'unknown', vendor_proxy: false };
    for (const s of [full, sparse, { ...sparse, vendor_proxy: null }]) {
      const row = signInRow(s) as Record<string, unknown>;
      expect(SIGNIN_COLUMNS).toEqual(Object.keys(row));
      expect(signInValues(s)).toEqual(SIGNIN_COLUMNS.map((c) => row[c] ?? null));
    }
  });

  it('accepts a canonical UTC time only when it is a real instant, as the general path would', () => {
    const general = (v: string) => {
      const t = Date.parse(v);
      return !Number.isNaN(t) && new Date(t).toISOString() === v ? v : null;
    };
    const pad = (x: number, w: number) => String(x).padStart(w, '0');
    for (const y of [0, 1900, 2000, 2023, 2024, 2100]) {
      for (let mo = 0; mo <= 13; mo++) {
        for (const d of [0, 1, 28, 29, 30, 31, 32]) {
          for (const hms of ['00:00:00', '23:59:59', '24:00:00', '12:60:00', '12:00:60']) {
            const v = `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}T${hms}.123Z`;
            let got: string | null;
            try {
              got = isoTime(v, 'published');
            } catch (e) {
              expect(e).toBeInstanceOf(RecordError);
              got = null;
            }
            expect(got, v).toBe(general(v));
          }
        }
      }
    }
  });
});
