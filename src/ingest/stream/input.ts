/**
 * Opening an input file as a stream of byte chunks. Gzip is recognised by its magic bytes (1f 8b),
 * not by the name, so `events.log` that is really compressed and `x.gz` that is not both work.
 */
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import { FileError } from '../types.js';

const CHUNK = 1 << 20;

async function isGzip(file: string): Promise<boolean> {
  const fh = await open(file, 'r');
  try {
    const head = Buffer.alloc(2);
    const { bytesRead } = await fh.read(head, 0, 2, 0);
    return bytesRead === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    await fh.close();
  }
}

/** Check that a file can be read, with an error naming it when not. Returns its size in bytes. */
export async function checkReadable(file: string): Promise<number> {
  let st;
  try {
    st = await stat(file);
  } catch (e) {
    throw new FileError(file, `cannot read: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
  if (!st.isFile()) throw new FileError(file, 'not a regular file');
  try {
    const fh = await open(file, 'r');
    await fh.close();
  } catch (e) {
    throw new FileError(file, `cannot read: ${(e as Error).message}`);
  }
  return st.size;
}

/**
 * The decompressed bytes of a file, chunk by chunk. `onBytes` is told how many bytes of the file
 * itself (compressed, for gzip) have been read, for progress.
 */
export async function* readChunks(file: string, onBytes: (n: number) => void = () => {}): AsyncGenerator<Buffer> {
  await checkReadable(file);
  const gz = await isGzip(file);
  const raw = createReadStream(file, { highWaterMark: CHUNK });
  const stream = gz ? raw.pipe(createGunzip({ chunkSize: CHUNK })) : raw;
  if (gz) {
    // Progress counts the file's own (compressed) bytes; pipe() already reads in flowing mode.
    raw.on('data', (d) => onBytes(d.length));
    raw.on('error', (e) => stream.destroy(e));
  }
  try {
    for await (const chunk of stream) {
      if (!gz) onBytes((chunk as Buffer).length);
      yield chunk as Buffer;
    }
  } catch (e) {
    throw new FileError(file, gz ? `cannot decompress: ${(e as Error).message}` : `read failed: ${(e as Error).message}`);
  } finally {
    raw.destroy();
  }
}

/** The first `n` decompressed bytes of a file (to tell formats apart). */
export async function peekStart(file: string, n = 64 * 1024): Promise<Buffer> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of readChunks(file)) {
    parts.push(chunk);
    size += chunk.length;
    if (size >= n) break;
  }
  return Buffer.concat(parts).subarray(0, n);
}
