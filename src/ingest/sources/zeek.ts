/**
 * Zeek conn.log, in Zeek's tab-separated format (header lines `#separator`, `#fields`, `#types`,
 * `#unset_field`, `#empty_field`, ...) or as JSON (one object per line, `id.orig_h` style keys or a
 * nested `id` object). Identified by Zeek's connection `uid` (with its time), else a content hash.
 */
import { contentId } from '../../model/ids.js';
import type * as m from '../../model/index.js';
import { peekStart, readChunks } from '../stream/input.js';
import { readJsonRecords } from '../stream/json.js';
import { bytesForDisplay, invalidUtf8Reason, splitLines } from '../stream/lines.js';
import type { MapContext, MapResult, RawRecord, Source } from '../types.js';
import { RecordError } from '../types.js';
import { asObject, epochSeconds, int, isoTime, num, obj, str } from './fields.js';

function unescapeSeparator(s: string): string {
  return s.replace(/\\x([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** TSV records as objects keyed by the `#fields` names; unset fields are absent, empty ones ''. */
async function* readZeekTsv(file: string, onBytes: (n: number) => void): AsyncGenerator<RawRecord> {
  let sep = '\t';
  let unset = '-';
  let empty = '(empty)';
  let fields: string[] | null = null;
  for await (const l of splitLines(readChunks(file, onBytes))) {
    if (l.text === null) {
      yield { line: l.line, raw: bytesForDisplay(l.bytes ?? Buffer.alloc(0)).slice(0, 64 * 1024), error: l.tooLong ? `record too long (${l.tooLong} bytes)` : invalidUtf8Reason(l.bytes!) };
      continue;
    }
    const text = l.text;
    if (text === '') continue;
    if (text.startsWith('#')) {
      const m = /^#(\w+)(?:[ \t](.*))?$/.exec(text);
      if (!m) continue; // e.g. a btest banner line
      const [, key, rest = ''] = m;
      if (key === 'separator') sep = unescapeSeparator(rest.trim());
      else if (key === 'unset_field') unset = rest.split(sep)[0] ?? unset;
      else if (key === 'empty_field') empty = rest.split(sep)[0] ?? empty;
      else if (key === 'fields') fields = rest.split(sep);
      continue;
    }
    if (!fields) {
      yield { line: l.line, raw: text, error: 'data line before the #fields header' };
      continue;
    }
    const parts = text.split(sep);
    if (parts.length !== fields.length) {
      yield { line: l.line, raw: text, error: `expected ${fields.length} fields (as in #fields), found ${parts.length}` };
      continue;
    }
    const rec: Record<string, string> = {};
    for (let k = 0; k < fields.length; k++) {
      const v = parts[k]!;
      if (v === unset) continue;
      rec[fields[k]!] = v === empty ? '' : v;
    }
    yield { line: l.line, raw: text, value: rec };
  }
}

function tsvOrJson(head: Buffer): 'tsv' | 'json' {
  const text = head.toString('utf8').replace(/^\ufeff/, '').trimStart();
  return text.startsWith('{') || text.startsWith('[') ? 'json' : 'tsv';
}

function timeOf(v: unknown): string {
  if (typeof v === 'string' && /[-T:]/.test(v) && !/^\d+(\.\d+)?$/.test(v)) return isoTime(v, 'ts');
  if (v === undefined || v === null) throw new RecordError('missing ts');
  return epochSeconds(v, 'ts');
}

export function mapZeek(value: unknown, ctx: MapContext): MapResult {
  const r = asObject(value);
  const id = obj(r.id);
  const occurred_at = timeOf(r.ts);
  const orig_h = str(r['id.orig_h']) ?? str(id.orig_h);
  const resp_h = str(r['id.resp_h']) ?? str(id.resp_h);
  if (!orig_h) throw new RecordError('missing id.orig_h');
  if (!resp_h) throw new RecordError('missing id.resp_h');
  const uid = str(r.uid);
  const orig_p = int(r['id.orig_p'] ?? id.orig_p);
  const resp_p = int(r['id.resp_p'] ?? id.resp_p);
  const proto = str(r.proto);
  const conn: m.NetConnection = {
    id: uid ? `zeek:${contentId(uid, occurred_at)}` : `zeek:${contentId(occurred_at, orig_h, orig_p, resp_h, resp_p, proto)}`,
    occurred_at,
    uid,
    orig_h,
    orig_p,
    resp_h,
    resp_p,
    proto,
    service: str(r.service),
    duration_s: num(r.duration),
    orig_bytes: num(r.orig_bytes),
    resp_bytes: num(r.resp_bytes),
    conn_state: str(r.conn_state),
    device_serial: null,
    source_file: ctx.file,
    source_line: ctx.line,
  };
  return { outputs: [{ kind: 'net', value: conn }] };
}

export const zeek: Source = {
  name: 'zeek',
  async *read(file, onBytes) {
    const head = await peekStart(file, 4096);
    if (tsvOrJson(head) === 'json') yield* readJsonRecords(file, { onBytes });
    else yield* readZeekTsv(file, onBytes);
  },
  map: mapZeek,
};
