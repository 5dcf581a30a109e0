/**
 * Where simulated files go: buffered streaming writes that respect back-pressure, optionally
 * gzip-compressed (`.gz` appended; gzip headers carry no time, so output stays byte-identical).
 */
import { createWriteStream, mkdirSync, writeFileSync, type WriteStream } from 'node:fs';
import { dirname, join } from 'node:path';
import { createGzip, gzipSync, type Gzip } from 'node:zlib';

const FLUSH_AT = 1 << 20;

export class Sink {
  private buf: string[] = [];
  private size = 0;
  private readonly file: WriteStream;
  private readonly gzip: Gzip | null;
  bytes = 0;

  constructor(
    readonly path: string,
    gzip: boolean,
  ) {
    mkdirSync(dirname(path), { recursive: true });
    this.file = createWriteStream(path);
    this.gzip = gzip ? createGzip({ level: 6 }) : null;
    if (this.gzip) this.gzip.pipe(this.file);
  }

  private get target(): NodeJS.WritableStream {
    return this.gzip ?? this.file;
  }

  async write(s: string): Promise<void> {
    this.buf.push(s);
    this.size += s.length;
    if (this.size >= FLUSH_AT) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.size === 0) return;
    const chunk = this.buf.join('');
    this.buf = [];
    this.size = 0;
    const data = Buffer.from(chunk, 'utf8');
    this.bytes += data.length;
    if (!this.target.write(data)) await new Promise<void>((resolve) => this.target.once('drain', () => resolve()));
  }

  async close(): Promise<void> {
    await this.flush();
    await new Promise<void>((resolve, reject) => {
      this.file.once('error', reject);
      this.file.once('close', () => resolve());
      this.target.end();
    });
  }
}

export class OutDir {
  /** Every file written, relative path → uncompressed bytes. */
  readonly written = new Map<string, number>();

  constructor(
    readonly root: string,
    readonly gzip: boolean,
  ) {
    mkdirSync(root, { recursive: true });
  }

  /** Relative path as written (with `.gz` when compressing). */
  name(rel: string): string {
    return this.gzip ? `${rel}.gz` : rel;
  }

  open(rel: string): Sink {
    return new Sink(join(this.root, this.name(rel)), this.gzip);
  }

  async closeSink(rel: string, sink: Sink): Promise<void> {
    await sink.close();
    this.written.set(this.name(rel), sink.bytes);
  }

  /** A small whole file (attachments are never compressed: the CSV names them). */
  writeFile(rel: string, data: string | Buffer, opts: { compress?: boolean } = {}): void {
    const path = join(this.root, opts.compress && this.gzip ? `${rel}.gz` : rel);
    mkdirSync(dirname(path), { recursive: true });
    const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    writeFileSync(path, opts.compress && this.gzip ? gzipSync(buf) : buf);
    this.written.set(opts.compress && this.gzip ? `${rel}.gz` : rel, buf.length);
  }
}

/** RFC 4180 field: quoted when it holds a comma, quote, line break or edge spaces. */
export function csvField(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRow(values: Array<string | number | null | undefined>): string {
  return `${values.map(csvField).join(',')}\r\n`;
}
