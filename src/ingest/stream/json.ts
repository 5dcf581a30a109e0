/**
 * Reading JSON records from a file of any of the shapes vendors export, without holding the file:
 *   - NDJSON: one record per line (a bad line is rejected alone);
 *   - a JSON array of records (`[{...}, {...}]`), split element by element as bytes arrive;
 *   - a wrapper object whose `value` or `items` array holds the records (Graph, Admin SDK);
 *   - pretty-printed objects, one after another (osquery's docs).
 * Records get the line they start on. Memory holds one record at a time.
 */
import { isUtf8 } from 'node:buffer';
import type { RawRecord } from '../types.js';
import { readChunks } from './input.js';
import { MAX_LINE_BYTES, bytesForDisplay, invalidUtf8Reason, splitLineBatches } from './lines.js';

export interface JsonReadOptions {
  /** Keys of a top-level object whose array holds the records (`value`, `items`). */
  wrapperKeys?: string[];
  onBytes?: (n: number) => void;
}

/** How much of an over-long or broken record is kept for quarantine. */
export const RAW_EXCERPT = 64 * 1024;

function parseRecord(text: string, line: number): RawRecord {
  try {
    return { line, raw: text, value: JSON.parse(text) };
  } catch (e) {
    return { line, raw: text, error: `invalid JSON: ${(e as Error).message}` };
  }
}

/** Expand a one-line wrapper object (`{"value": [...]}`) into its records. */
function* expandWrapper(rec: RawRecord, keys: string[]): Generator<RawRecord> {
  const v = rec.value;
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    for (const k of keys) {
      const arr = (v as Record<string, unknown>)[k];
      if (Array.isArray(arr)) {
        for (const el of arr) yield { line: rec.line, raw: JSON.stringify(el), value: el };
        return;
      }
    }
  }
  if (Array.isArray(v)) {
    for (const el of v) yield { line: rec.line, raw: JSON.stringify(el), value: el };
    return;
  }
  yield rec;
}

type Mode = 'ndjson' | 'document';

/** Look at the first two lines to tell NDJSON from a document (array, wrapper, pretty-printed). */
function chooseMode(head: Buffer): Mode {
  let i = 0;
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) i = 3;
  while (i < head.length && (head[i] === 32 || head[i] === 9 || head[i] === 10 || head[i] === 13)) i++;
  if (head[i] === 0x5b /* [ */) return 'document';
  if (head[i] !== 0x7b /* { */) return 'ndjson';
  const lines = head.subarray(i).toString('utf8').split('\n').map((l) => l.trim()).filter(Boolean);
  const complete = (l: string | undefined) => {
    if (!l) return false;
    try {
      JSON.parse(l);
      return true;
    } catch {
      return false;
    }
  };
  if (complete(lines[0])) return 'ndjson';
  // A broken first line followed by a record per line is still NDJSON.
  if (lines[1]?.startsWith('{') && complete(lines[1])) return 'ndjson';
  return 'document';
}

/** Buffer chunks until two newlines (or the end) are seen, then replay them. */
async function peek(chunks: AsyncIterator<Buffer>): Promise<{ head: Buffer; replay: Buffer[]; done: boolean }> {
  const replay: Buffer[] = [];
  let newlines = 0;
  let size = 0;
  while (newlines < 3 && size < MAX_LINE_BYTES) {
    const r = await chunks.next();
    if (r.done) return { head: Buffer.concat(replay), replay, done: true };
    replay.push(r.value);
    size += r.value.length;
    let at = -1;
    while ((at = r.value.indexOf(10, at + 1)) >= 0 && newlines < 3) newlines++;
  }
  return { head: Buffer.concat(replay), replay, done: false };
}

async function* replayThen(first: Buffer[], rest: AsyncIterator<Buffer>, done: boolean): AsyncGenerator<Buffer> {
  for (const b of first) yield b;
  if (done) return;
  while (true) {
    const r = await rest.next();
    if (r.done) return;
    yield r.value;
  }
}

export function readJsonRecords(file: string, opts: JsonReadOptions = {}): AsyncGenerator<RawRecord> {
  return jsonRecordsFromChunks(readChunks(file, opts.onBytes), opts);
}

/** The same, over any byte chunks (tests feed odd chunk sizes through it). */
export async function* jsonRecordsFromChunks(source: AsyncIterable<Buffer>, opts: JsonReadOptions = {}): AsyncGenerator<RawRecord> {
  const keys = opts.wrapperKeys ?? [];
  const it = source[Symbol.asyncIterator]();
  const { head, replay, done } = await peek(it);
  const chunks = replayThen(replay, it, done);
  if (chooseMode(head) === 'ndjson') {
    // A chunk's lines at a time: no async step per line on the hottest path of a log load.
    for await (const batch of splitLineBatches(chunks)) {
      for (const l of batch) {
        if (l.text === null) {
          const raw = bytesForDisplay(l.bytes ?? Buffer.alloc(0)).slice(0, RAW_EXCERPT);
          yield { line: l.line, raw, error: l.tooLong ? `record too long (${l.tooLong} bytes; limit ${MAX_LINE_BYTES})` : invalidUtf8Reason(l.bytes!) };
          continue;
        }
        if (l.text.trim() === '') continue;
        const rec = parseRecord(l.text, l.line);
        if (rec.error || keys.length === 0) yield rec;
        else yield* expandWrapper(rec, keys);
      }
    }
    return;
  }
  yield* scanDocument(chunks, keys);
}

const enum B {
  Quote = 34,
  Backslash = 92,
  OpenBrace = 123,
  CloseBrace = 125,
  OpenBracket = 91,
  CloseBracket = 93,
  Comma = 44,
  Colon = 58,
  Newline = 10,
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/**
 * The byte scanner for documents: tracks nesting and strings, and cuts out each record: elements
 * of a top-level array, elements of a wrapper key's array, or whole top-level values.
 */
async function* scanDocument(chunks: AsyncIterable<Buffer>, keys: string[]): AsyncGenerator<RawRecord> {
  let line = 1;
  let depth = 0;
  let inString = false;
  let escape = false;
  /** Depth at which records are cut: 0 (top-level values), 1 (top-level array), 2 (wrapper array). */
  let emitDepth = 0;
  let topIsArray = false;
  let wrapperOpen = false;
  /** Collecting a record: its start line, the pieces so far and their size. */
  let collecting = false;
  let recLine = 0;
  let parts: Buffer[] = [];
  let size = 0;
  let tooLong = false;
  // Track the last key at depth 1 (for wrapper detection).
  let keyStart = -1;
  let keyBuf: Buffer[] = [];
  let lastKey = '';
  let afterColon = false;
  let first = true;
  const out: RawRecord[] = [];

  const finish = (end: Buffer | null) => {
    if (end) parts.push(end);
    const buf = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
    collecting = false;
    parts = [];
    const n = size + (end?.length ?? 0);
    size = 0;
    if (tooLong) {
      tooLong = false;
      out.push({ line: recLine, raw: bytesForDisplay(buf.subarray(0, RAW_EXCERPT)), error: `record too long (${n} bytes; limit ${MAX_LINE_BYTES})` });
      return;
    }
    if (!isUtf8(buf)) {
      out.push({ line: recLine, raw: bytesForDisplay(buf.subarray(0, RAW_EXCERPT)), error: invalidUtf8Reason(buf) });
      return;
    }
    out.push(parseRecord(buf.toString('utf8').trim(), recLine));
  };
  const keep = (piece: Buffer) => {
    if (tooLong) return;
    if (size + piece.length > MAX_LINE_BYTES) {
      tooLong = true;
      parts = [Buffer.concat(parts).subarray(0, RAW_EXCERPT)];
      return;
    }
    parts.push(Buffer.from(piece));
    size += piece.length;
  };

  for await (let chunk of chunks) {
    if (first) {
      first = false;
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3);
    }
    let start = collecting ? 0 : -1;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i]!;
      if (c === B.Newline) line++;
      if (inString) {
        if (escape) escape = false;
        else if (c === B.Backslash) escape = true;
        else if (c === B.Quote) {
          inString = false;
          if (keyStart >= 0) {
            keyBuf.push(chunk.subarray(keyStart, i));
            lastKey = Buffer.concat(keyBuf).toString('utf8');
            keyStart = -1;
            keyBuf = [];
          }
        }
        continue;
      }
      if (!collecting && depth === emitDepth && !isSpace(c) && c !== B.Comma && !(c === B.CloseBracket || c === B.CloseBrace)) {
        if (depth === 0 && c === B.OpenBracket && !topIsArray && emitDepth === 0) {
          // A top-level array: its elements are the records.
          topIsArray = true;
          emitDepth = 1;
          depth = 1;
          continue;
        }
        collecting = true;
        recLine = line;
        start = i;
      }
      switch (c) {
        case B.Quote:
          inString = true;
          if (depth === 1 && !topIsArray && !afterColon) {
            keyStart = i + 1;
            keyBuf = [];
          }
          break;
        case B.Colon:
          if (depth === 1) afterColon = true;
          break;
        case B.Comma:
          if (depth === 1) afterColon = false;
          if (collecting && depth === emitDepth) {
            // A primitive element ends at the comma.
            finish(chunk.subarray(start, i));
            start = -1;
          }
          break;
        case B.OpenBrace:
        case B.OpenBracket:
          if (depth === 1 && !topIsArray && afterColon && c === B.OpenBracket && keys.includes(lastKey) && !wrapperOpen) {
            // A wrapper object (`{"value": [...]}`): stop collecting the object; its array's elements are the records.
            wrapperOpen = true;
            collecting = false;
            parts = [];
            size = 0;
            start = -1;
            emitDepth = 2;
          }
          depth++;
          break;
        case B.CloseBrace:
        case B.CloseBracket:
          if (depth === 0) break; // stray closer: nothing to close
          if (collecting && depth === emitDepth && depth > 0) {
            // A primitive element ends at its container's close.
            finish(chunk.subarray(start, i));
            start = -1;
          }
          depth--;
          if (wrapperOpen && depth === 1 && emitDepth === 2) {
            wrapperOpen = false;
            emitDepth = 0; // the rest of the wrapper object is ignored
            afterColon = false;
          } else if (depth === 1 && !topIsArray) afterColon = false;
          if (collecting && depth === emitDepth) {
            finish(chunk.subarray(start, i + 1));
            start = -1;
          }
          if (depth === 0 && topIsArray) {
            topIsArray = false;
            emitDepth = 0;
          }
          break;
      }
    }
    if (keyStart >= 0) {
      keyBuf.push(Buffer.from(chunk.subarray(keyStart)));
      keyStart = 0;
    }
    if (collecting && start >= 0) keep(chunk.subarray(start));
    for (const r of out) yield r;
    out.length = 0;
  }
  if (collecting) {
    const buf = Buffer.concat(parts);
    yield { line: recLine, raw: bytesForDisplay(buf.subarray(0, RAW_EXCERPT)), error: 'unexpected end of file inside a JSON value (the file looks truncated)' };
  } else if (depth > 0) {
    yield { line, raw: '', warning: `JSON ${topIsArray ? 'array' : 'object'} not closed at the end of the file (the file looks truncated); the complete records before it were read` };
  }
}
