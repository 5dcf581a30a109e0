/**
 * A streaming RFC 4180 CSV reader built on the line splitter, so each record keeps its line
 * number and raw text, a Latin-1 line is rejected alone, and a broken quote costs one record
 * rather than the rest of the file (after a bounded look-ahead, the lines it swallowed are read
 * again as records of their own).
 */
import type { RawRecord } from '../types.js';
import { FileError } from '../types.js';
import { readChunks } from './input.js';
import { bytesForDisplay, invalidUtf8Reason, splitLines, type Line } from './lines.js';
import { redactField, redactText } from '../quarantine.js';

export interface CsvRow {
  /** Lower-cased, trimmed header name → field text. */
  fields: Record<string, string>;
  /** Header names in file order (lower-cased). */
  columns: string[];
}

export interface CsvReadOptions {
  required: string[];
  /** Columns whose values are secrets: redacted in the raw text kept for quarantine. */
  secretColumns?: string[];
  onBytes?: (n: number) => void;
}

/** A quoted field may span lines, but not more than this: past it the quote is taken as broken. */
const MAX_RECORD_LINES = 500;
const MAX_RECORD_CHARS = 4 * 1024 * 1024;

type Parsed = { fields: string[] } | { open: true } | { error: string };

export function parseCsvText(text: string): Parsed {
  const fields: string[] = [];
  let i = 0;
  const n = text.length;
  while (true) {
    if (i < n && text[i] === '"') {
      // Quoted field.
      let value = '';
      i++;
      while (true) {
        const q = text.indexOf('"', i);
        if (q < 0) return { open: true };
        value += text.slice(i, q);
        if (text[q + 1] === '"') {
          value += '"';
          i = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      fields.push(value);
      if (i === n) return { fields };
      if (text[i] !== ',') return { error: `unexpected character ${JSON.stringify(text[i])} after a closing quote (column ${fields.length})` };
      i++;
    } else {
      const c = text.indexOf(',', i);
      if (c < 0) {
        fields.push(text.slice(i));
        return { fields };
      }
      fields.push(text.slice(i, c));
      i = c + 1;
    }
  }
}

export async function* readCsvRecords(file: string, opts: CsvReadOptions): AsyncGenerator<RawRecord> {
  const src = splitLines(readChunks(file, opts.onBytes))[Symbol.asyncIterator]();
  const back: Line[] = [];
  const next = async (): Promise<Line | null> => {
    if (back.length) return back.shift()!;
    const r = await src.next();
    return r.done ? null : r.value;
  };

  let columns: string[] | null = null;
  let secretIdx: number[] = [];
  const redactRaw = (text: string, fields?: string[]): string => {
    if (!opts.secretColumns?.length) return text;
    if (fields && columns && fields.length === columns.length) {
      return fields.map((f, k) => (secretIdx.includes(k) ? redactField(f) : f)).map(csvQuote).join(',');
    }
    return redactText(text);
  };

  while (true) {
    const first = await next();
    if (!first) return;
    if (first.text === null) {
      const bytes = first.bytes ?? Buffer.alloc(0);
      if (!columns) throw new FileError(file, `line ${first.line}: the header is ${first.tooLong ? 'too long' : invalidUtf8Reason(bytes)}`);
      yield { line: first.line, raw: redactRaw(bytesForDisplay(bytes).slice(0, 64 * 1024)), error: first.tooLong ? `record too long (${first.tooLong} bytes)` : invalidUtf8Reason(bytes) };
      continue;
    }
    if (first.text.trim() === '') continue;

    // Gather lines while a quoted field is open.
    const pending: Line[] = [first];
    let text = first.text;
    let parsed = parseCsvText(text);
    let failure: string | null = null;
    while ('open' in parsed) {
      if (pending.length >= MAX_RECORD_LINES || text.length > MAX_RECORD_CHARS) {
        failure = `unterminated quoted field (a quote opened on line ${first.line} is not closed within ${MAX_RECORD_LINES} lines)`;
        break;
      }
      const more = await next();
      if (!more) {
        failure = `unterminated quoted field (a quote opened on line ${first.line} is not closed before the end of the file)`;
        break;
      }
      if (more.text === null) {
        failure = `line ${more.line}: ${more.tooLong ? 'record too long' : invalidUtf8Reason(more.bytes ?? Buffer.alloc(0))}`;
        pending.push(more);
        break;
      }
      pending.push(more);
      text += '\n' + more.text;
      parsed = parseCsvText(text);
    }
    if (failure) {
      // Reject the line that opened the quote; read the lines after it again as records.
      back.unshift(...pending.slice(1).filter((l) => !(l.text === null && failure!.startsWith(`line ${l.line}:`))));
      if (!columns) throw new FileError(file, `line ${first.line}: the header has ${failure}`);
      yield { line: first.line, raw: redactRaw(first.text), error: failure };
      if (failure.startsWith('line ')) {
        const bad = pending[pending.length - 1]!;
        yield { line: bad.line, raw: redactRaw(bytesForDisplay(bad.bytes ?? Buffer.alloc(0))), error: failure.replace(/^line \d+: /, '') };
      }
      continue;
    }
    if ('error' in parsed && pending.length > 1) {
      // A quote that spans lines and then breaks: most likely a stray quote on the first line.
      back.unshift(...pending.slice(1));
      if (columns === null) throw new FileError(file, `line ${first.line}: the header is not valid CSV: ${parsed.error}`);
      yield { line: first.line, raw: redactRaw(first.text), error: `broken CSV quoting: a quote opened on line ${first.line} does not close properly (${parsed.error} on line ${pending[pending.length - 1]!.line})` };
      continue;
    }
    if ('error' in parsed) {
      if (columns === null) throw new FileError(file, `line ${first.line}: the header is not valid CSV: ${parsed.error}`);
      yield { line: first.line, raw: redactRaw(text), error: `broken CSV quoting: ${parsed.error}` };
      continue;
    }
    const fields = (parsed as { fields: string[] }).fields;
    if (!columns) {
      const header = fields.map((f) => f.trim().toLowerCase());
      columns = header;
      const missing = opts.required.filter((r) => !header.includes(r));
      if (missing.length) {
        throw new FileError(file, `missing required column${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')} (the header has: ${header.join(', ')})`);
      }
      secretIdx = (opts.secretColumns ?? []).map((c) => columns!.indexOf(c)).filter((k) => k >= 0);
      continue;
    }
    if (fields.length !== columns.length) {
      yield { line: first.line, raw: redactRaw(text, fields), error: `expected ${columns.length} columns (as in the header), found ${fields.length}` };
      continue;
    }
    const row: Record<string, string> = {};
    for (let k = 0; k < columns.length; k++) if (!(columns[k]! in row)) row[columns[k]!] = fields[k]!;
    yield { line: first.line, raw: redactRaw(text, fields), value: { fields: row, columns } satisfies CsvRow };
  }
}

export function csvQuote(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
