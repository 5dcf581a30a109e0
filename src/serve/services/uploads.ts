/**
 * Turning an upload into a data folder on disk: single files keep the relative path the client
 * gives (`okta/events.json`), zip archives are unpacked. Entry names are checked so nothing lands
 * outside the folder (no `..`, no absolute paths), and the total unpacked size is capped.
 */
import { closeSync, createReadStream, createWriteStream, mkdirSync, mkdtempSync, openSync, readdirSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, normalize, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { Unzip, UnzipInflate } from 'fflate';

export class UploadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UploadError';
  }
}

/** A safe relative path inside the data folder, or an error naming the bad one. */
export function safeRelativePath(name: string): string {
  const cleaned = name.replace(/\\/g, '/').replace(/^\/+/, '');
  const norm = normalize(cleaned);
  if (!cleaned || norm.startsWith('..') || norm.split(sep).includes('..') || /^[A-Za-z]:/.test(cleaned) || cleaned.includes('\u0000')) {
    throw new UploadError(`refusing the path ${JSON.stringify(name)}: it points outside the data folder`);
  }
  return norm;
}

const SOURCE_FOLDERS = new Set(['okta', 'entra', 'google', 'osquery', 'zeek']);

export class UploadFolder {
  readonly dir: string;
  files = 0;
  bytes = 0;

  constructor(private readonly maxBytes: number) {
    this.dir = mkdtempSync(join(tmpdir(), 'unmask-upload-'));
  }

  async addFile(relPath: string, stream: Readable): Promise<void> {
    const rel = safeRelativePath(relPath);
    const target = join(this.dir, rel);
    mkdirSync(dirname(target), { recursive: true });
    await pipeline(stream, createWriteStream(target));
    this.files++;
    if (/\.zip$/i.test(rel)) {
      await this.unzip(target, dirname(rel));
      rmSync(target);
      this.files--;
    }
  }

  /** Unpack a zip in place, streaming: memory stays bounded by the read chunk, not the archive. */
  async unzip(zipFile: string, into: string): Promise<void> {
    let failure: Error | null = null;
    const open: number[] = [];
    const unzip = new Unzip((file) => {
      if (failure || file.name.endsWith('/') || /(^|\/)(__MACOSX|\.DS_Store)/.test(file.name)) return;
      let fd: number;
      try {
        const target = join(this.dir, safeRelativePath(join(into, file.name)));
        mkdirSync(dirname(target), { recursive: true });
        fd = openSync(target, 'w');
      } catch (err) {
        failure = err as Error;
        return;
      }
      open.push(fd);
      this.files++;
      file.ondata = (err, chunk, final) => {
        if (failure) return;
        if (err) {
          failure = new UploadError(`the zip archive is damaged: ${err.message}`);
          return;
        }
        this.bytes += chunk.length;
        if (this.bytes > this.maxBytes) {
          failure = new UploadError(`the upload unpacks to more than ${Math.round(this.maxBytes / 1048576)} MB`);
          return;
        }
        writeSync(fd, chunk);
        if (final) closeSync(fd);
      };
      file.start();
    });
    unzip.register(UnzipInflate);
    try {
      for await (const chunk of createReadStream(zipFile)) {
        unzip.push(chunk as Uint8Array);
        if (failure) break;
      }
      if (!failure) unzip.push(new Uint8Array(0), true);
    } finally {
      for (const fd of open) {
        try {
          closeSync(fd);
        } catch {
          // already closed after its last chunk
        }
      }
    }
    if (failure) throw failure;
  }

  /**
   * The folder to read: the upload folder, or its only sub-folder when a zip held one folder
   * (`data/people.csv`, ...) that is not itself a source folder.
   */
  root(): string {
    const entries = readdirSync(this.dir, { withFileTypes: true });
    const only = entries.length === 1 ? entries[0] : undefined;
    if (only?.isDirectory() && !SOURCE_FOLDERS.has(only.name)) return join(this.dir, only.name);
    return this.dir;
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
