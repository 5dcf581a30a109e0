/**
 * Splitting a byte stream into lines without decoding it first, so that each line can be checked
 * for valid UTF-8 on its own (a Latin-1 byte rejects that line, not the file) and a huge line can
 * be refused without holding more than the limit in memory.
 */
import { isUtf8 } from 'node:buffer';

export interface Line {
  /** 1-based line number. */
  line: number;
  /** The text, or null when the bytes are not valid UTF-8. */
  text: string | null;
  /** The bytes, when `text` is null (for quarantine). */
  bytes?: Buffer;
  /** Set when the line was longer than the limit; `text` is then null and bytes hold the start. */
  tooLong?: number;
}

/** Longest line (record) accepted; a longer one is rejected and skipped, not buffered. */
export const MAX_LINE_BYTES = 64 * 1024 * 1024;
const BOM = '\ufeff';

function decode(buf: Buffer, line: number): Line {
  // Strip a trailing CR (CRLF files).
  const end = buf.length > 0 && buf[buf.length - 1] === 13 ? buf.length - 1 : buf.length;
  const b = end === buf.length ? buf : buf.subarray(0, end);
  if (!isUtf8(b)) return { line, text: null, bytes: b };
  let text = b.toString('utf8');
  if (line === 1 && text.startsWith(BOM)) text = text.slice(1);
  return { line, text };
}

export async function* splitLines(chunks: AsyncIterable<Buffer>, maxBytes = MAX_LINE_BYTES): AsyncGenerator<Line> {
  for await (const batch of splitLineBatches(chunks, maxBytes)) yield* batch;
}

/**
 * The same lines, handed over a chunk's worth at a time: a hot reader loops over each batch
 * synchronously instead of paying an async step per line.
 */
export async function* splitLineBatches(chunks: AsyncIterable<Buffer>, maxBytes = MAX_LINE_BYTES): AsyncGenerator<Line[]> {
  let batch: Line[] = [];
  let parts: Buffer[] = [];
  let partLen = 0;
  let line = 0;
  let overflow = 0; // bytes dropped from the current over-long line
  let overflowHead: Buffer | null = null;
  for await (const chunk of chunks) {
    let start = 0;
    while (start < chunk.length) {
      const nl = chunk.indexOf(10, start);
      if (nl < 0) {
        const rest = chunk.subarray(start);
        if (overflow || partLen + rest.length > maxBytes) {
          if (!overflow) overflowHead = Buffer.concat([...parts, rest]).subarray(0, 4096);
          overflow += partLen + rest.length;
          parts = [];
          partLen = 0;
        } else {
          parts.push(Buffer.from(rest)); // copy: the chunk may be reused
          partLen += rest.length;
        }
        break;
      }
      if ((start > 0 || line > 0) && !overflow && partLen === 0) {
        // Fast path for the complete lines inside one chunk: check and decode them in one go (one
        // string, no Buffer per line); a chunk with a bad byte is taken line by line below.
        const last = chunk.lastIndexOf(10);
        if (last > start && last - start <= maxBytes) {
          const region = chunk.subarray(start, last);
          if (isUtf8(region)) {
            const text = region.toString('utf8');
            let from = 0;
            while (true) {
              const at = text.indexOf('\n', from);
              const end = at < 0 ? text.length : at;
              line++;
              // Strip a trailing CR (CRLF files), as decode() does.
              batch.push({ line, text: end > from && text.charCodeAt(end - 1) === 13 ? text.slice(from, end - 1) : text.slice(from, end) });
              if (at < 0) break;
              from = at + 1;
            }
            start = last + 1;
            continue;
          }
        }
      }
      line++;
      const piece = chunk.subarray(start, nl);
      start = nl + 1;
      if (overflow) {
        batch.push({ line, text: null, bytes: overflowHead ?? Buffer.alloc(0), tooLong: overflow + partLen + piece.length });
        overflow = 0;
        overflowHead = null;
        parts = [];
        partLen = 0;
        continue;
      }
      if (partLen + piece.length > maxBytes) {
        batch.push({ line, text: null, bytes: Buffer.concat([...parts, piece]).subarray(0, 4096), tooLong: partLen + piece.length });
        parts = [];
        partLen = 0;
        continue;
      }
      const buf = partLen ? Buffer.concat([...parts, piece]) : piece;
      parts = [];
      partLen = 0;
      batch.push(decode(buf, line));
    }
    if (batch.length) {
      yield batch;
      batch = [];
    }
  }
  if (overflow) {
    batch.push({ line: line + 1, text: null, bytes: overflowHead ?? Buffer.alloc(0), tooLong: overflow + partLen });
  } else if (partLen) {
    batch.push(decode(Buffer.concat(parts), line + 1));
  }
  if (batch.length) yield batch;
}

/** Offset of the first byte that breaks UTF-8 (a simple walk; only called on lines known to be bad). */
export function firstInvalidUtf8(b: Buffer): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    const n = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (i + k >= b.length || (b[i + k]! & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return -1;
}

/** The message for a line that is not valid UTF-8, naming the first bad byte. */
export function invalidUtf8Reason(bytes: Buffer): string {
  const at = Math.max(0, firstInvalidUtf8(bytes));
  return `not valid UTF-8 (byte 0x${(bytes[at] ?? 0).toString(16).padStart(2, '0')} at column ${at + 1}; the file may be Latin-1 or Windows-1252: re-save it as UTF-8)`;
}

/** A readable stand-in for bytes that are not UTF-8 (for quarantine). */
export function bytesForDisplay(bytes: Buffer): string {
  return bytes.toString('latin1');
}
