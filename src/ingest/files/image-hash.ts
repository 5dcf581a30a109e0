/**
 * Profile photos: a SHA-256 of the file (the same file reused) and a 64-bit difference hash of the
 * picture (the same photo re-encoded, resized or recompressed). PNG is decoded here (zlib only);
 * JPEG through jpeg-js (pure JavaScript).
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { inflateSync } from 'node:zlib';
import jpeg from 'jpeg-js';

export interface Gray {
  width: number;
  height: number;
  /** Luminance 0-255, row by row. */
  pixels: Float32Array;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Decode a non-interlaced PNG to luminance. */
export function decodePngGray(buf: Buffer): Gray {
  if (!buf.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('not a PNG file');
  let pos = 8;
  let width = 0;
  let height = 0;
  let depth = 0;
  let colorType = 0;
  let interlace = 0;
  let palette: Buffer | null = null;
  const idat: Buffer[] = [];
  while (pos + 8 <= buf.length) {
    const len = buf.readUInt32BE(pos);
    const type = buf.toString('latin1', pos + 4, pos + 8);
    const data = buf.subarray(pos + 8, pos + 8 + len);
    pos += 12 + len;
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      depth = data[8]!;
      colorType = data[9]!;
      interlace = data[12]!;
    } else if (type === 'PLTE') palette = data;
    else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
  }
  if (!width || !height) throw new Error('PNG without a header');
  if (interlace) throw new Error('interlaced PNG is not supported');
  const channels = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }[colorType as 0 | 2 | 3 | 4 | 6];
  if (!channels) throw new Error(`PNG color type ${colorType} is not supported`);
  const bitsPerPixel = channels * depth;
  const bpp = Math.max(1, bitsPerPixel >> 3);
  const stride = Math.ceil((width * bitsPerPixel) / 8);
  const raw = inflateSync(Buffer.concat(idat));
  if (raw.length < height * (stride + 1)) throw new Error('PNG image data is truncated');
  const cur = Buffer.alloc(stride);
  const prev = Buffer.alloc(stride);
  const pixels = new Float32Array(width * height);
  const max = (1 << depth) - 1;
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let i = 0; i < stride; i++) {
      const a = i >= bpp ? cur[i - bpp]! : 0;
      const b = prev[i]!;
      const c = i >= bpp ? prev[i - bpp]! : 0;
      const x = line[i]!;
      cur[i] = filter === 0 ? x : filter === 1 ? x + a : filter === 2 ? x + b : filter === 3 ? x + ((a + b) >> 1) : paeth(a, b, c) + x;
    }
    for (let x = 0; x < width; x++) {
      const sample = (k: number): number => {
        // k-th channel of pixel x, scaled to 0-255.
        if (depth === 8) return cur[x * channels + k]!;
        if (depth === 16) return cur[(x * channels + k) * 2]!;
        const bit = (x * channels + k) * depth;
        return (((cur[bit >> 3]! >> (8 - depth - (bit & 7))) & max) * 255) / max;
      };
      let lum: number;
      if (colorType === 3) {
        const idx = depth === 8 ? cur[x]! : Math.round((sample(0) * max) / 255);
        const p = palette ?? Buffer.alloc(768);
        lum = 0.299 * p[idx * 3]! + 0.587 * p[idx * 3 + 1]! + 0.114 * p[idx * 3 + 2]!;
      } else if (colorType === 2 || colorType === 6) lum = 0.299 * sample(0) + 0.587 * sample(1) + 0.114 * sample(2);
      else lum = sample(0);
      pixels[y * width + x] = lum;
    }
    prev.set(cur);
  }
  return { width, height, pixels };
}

export function decodeJpegGray(buf: Buffer): Gray {
  const img = jpeg.decode(buf, { useTArray: true, formatAsRGBA: true, maxMemoryUsageInMB: 256 });
  const pixels = new Float32Array(img.width * img.height);
  for (let i = 0; i < pixels.length; i++) {
    pixels[i] = 0.299 * img.data[i * 4]! + 0.587 * img.data[i * 4 + 1]! + 0.114 * img.data[i * 4 + 2]!;
  }
  return { width: img.width, height: img.height, pixels };
}

/** Box-average the image down to w×h. */
function shrink(g: Gray, w: number, h: number): Float32Array {
  const out = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    const y0 = Math.floor((y * g.height) / h);
    const y1 = Math.max(y0 + 1, Math.floor(((y + 1) * g.height) / h));
    for (let x = 0; x < w; x++) {
      const x0 = Math.floor((x * g.width) / w);
      const x1 = Math.max(x0 + 1, Math.floor(((x + 1) * g.width) / w));
      let sum = 0;
      for (let yy = y0; yy < y1; yy++) for (let xx = x0; xx < x1; xx++) sum += g.pixels[yy * g.width + xx]!;
      out[y * w + x] = sum / ((y1 - y0) * (x1 - x0));
    }
  }
  return out;
}

/** 64-bit difference hash (dHash) as 16 hex digits: bit set where a pixel is brighter than its right neighbour. */
export function dHash(g: Gray): string {
  const s = shrink(g, 9, 8);
  let hex = '';
  for (let y = 0; y < 8; y++) {
    let byte = 0;
    for (let x = 0; x < 8; x++) byte = (byte << 1) | (s[y * 9 + x]! > s[y * 9 + x + 1]! ? 1 : 0);
    hex += byte.toString(16).padStart(2, '0');
  }
  return hex;
}

/** Bits that differ between two hashes (0 = same picture, ≤ 10 of 64 = very likely the same photo). */
export function hammingDistance(a: string, b: string): number {
  let d = 0;
  for (let i = 0; i < a.length; i += 2) {
    let x = parseInt(a.slice(i, i + 2), 16) ^ parseInt(b.slice(i, i + 2), 16);
    while (x) {
      d += x & 1;
      x >>= 1;
    }
  }
  return d;
}

export interface PhotoHashes {
  sha256: string;
  phash: string | null;
  /** Why no perceptual hash could be computed. */
  problem?: string;
}

export async function photoHashes(file: string): Promise<PhotoHashes> {
  const buf = await readFile(file);
  const sha256 = createHash('sha256').update(buf).digest('hex');
  try {
    const isPng = buf.subarray(0, 8).equals(PNG_SIGNATURE);
    const isJpeg = buf[0] === 0xff && buf[1] === 0xd8;
    if (!isPng && !isJpeg) return { sha256, phash: null, problem: 'not a JPEG or PNG file' };
    return { sha256, phash: dHash(isPng ? decodePngGray(buf) : decodeJpegGray(buf)) };
  } catch (e) {
    return { sha256, phash: null, problem: (e as Error).message };
  }
}
