/**
 * The binary files candidates attach: small PNG profile pictures and single-page PDF resumes,
 * both written byte by byte (no image or PDF library), deterministic for a seed.
 */
import { deflateSync } from 'node:zlib';
import { Rng } from './random.js';

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = (CRC_TABLE[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** Encode RGB pixels (width*height*3) as a PNG. */
export function encodePng(width: number, height: number, rgb: Uint8Array, opts: { level?: number; software?: string } = {}): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 3 + 1)] = 0; // filter: none
    Buffer.from(rgb.buffer, rgb.byteOffset + y * width * 3, width * 3).copy(raw, y * (width * 3 + 1) + 1);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: truecolour
  const text = opts.software ? [chunk('tEXt', Buffer.from(`Software\0${opts.software}`, 'latin1'))] : [];
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), ...text, chunk('IDAT', deflateSync(raw, { level: opts.level ?? 9 })), chunk('IEND', Buffer.alloc(0))]);
}

const SKIN = [[255, 219, 172], [241, 194, 125], [224, 172, 105], [198, 134, 66], [141, 85, 36], [92, 56, 30]];
const HAIR = [[20, 20, 20], [60, 40, 25], [110, 70, 35], [200, 160, 90], [150, 150, 150], [160, 50, 30]];

/**
 * A 64x64 head-and-shoulders picture drawn from a key: the same key draws the same face, in its
 * own room (light and background differ per key, so different people's pictures differ to a
 * perceptual hash). A non-zero `variant` is the same picture saved again by another program.
 */
export function photoPng(seed: string, key: string, variant = 0): Buffer {
  const r = Rng.from(seed, 'photo', key);
  const W = 64;
  const H = 64;
  const px = new Uint8Array(W * H * 3);
  const bg = [r.int(90, 230), r.int(90, 230), r.int(90, 230)];
  // Every room is different: a soft light gradient and a shelf, window or door behind the person.
  const waves = Array.from({ length: 3 }, () => ({ fx: r.float(-3, 3), fy: r.float(-3, 3), phase: r.float(0, 2 * Math.PI), amp: r.float(15, 45) }));
  const prop = { x0: r.int(0, 44), y0: r.int(0, 30), w: r.int(8, 22), h: r.int(10, 34), shade: r.int(-70, 70) };
  const skin = r.pick(SKIN);
  const hair = r.pick(HAIR);
  const shirt = [r.int(20, 200), r.int(20, 200), r.int(20, 200)];
  const faceW = r.int(11, 17);
  const faceH = r.int(15, 21);
  const cx = 32 + r.int(-9, 9);
  const cy = 27 + r.int(-4, 4);
  const hairTop = r.int(4, 8);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      let light = 0;
      for (const w of waves) light += w.amp * Math.cos((2 * Math.PI * (w.fx * x + w.fy * y)) / W + w.phase);
      if (x >= prop.x0 && x < prop.x0 + prop.w && y >= prop.y0 && y < prop.y0 + prop.h) light += prop.shade;
      let c = bg.map((v) => v + light);
      const fx = (x - cx) / faceW;
      const fy = (y - cy) / faceH;
      const inFace = fx * fx + fy * fy <= 1;
      const sx = (x - cx) / 28;
      const sy = (y - 70) / 18;
      if (sx * sx + sy * sy <= 1) c = shirt;
      else if (inFace && y < cy - faceH + hairTop + 6) c = hair;
      else if (inFace) {
        c = skin;
        const eyeY = cy - 3;
        if (Math.abs(y - eyeY) <= 1 && (Math.abs(x - (cx - 6)) <= 1 || Math.abs(x - (cx + 6)) <= 1)) c = [30, 30, 30];
        if (y === cy + 8 && Math.abs(x - cx) <= 4) c = [150, 60, 60];
      }
      const o = (y * W + x) * 3;
      for (let k = 0; k < 3; k++) {
        const v = c[k] as number;
        px[o + k] = Math.max(0, Math.min(255, Math.round(v)));
      }
    }
  }
  // A re-saved copy: the same picture written by another program (its own metadata and
  // compression), so the file hash differs while the image is the same.
  return variant > 0 ? encodePng(W, H, px, { level: 1 + (variant % 8), software: `${r.pick(['GIMP 2.10.38', 'Adobe Photoshop 25.0', 'Paint.NET 5.0', 'Pixelmator Pro 3.6'])}` }) : encodePng(W, H, px);
}

function pdfEscape(s: string): string {
  // WinAnsi text: keep Latin-1, escape the PDF string delimiters, replace the rest.
  return s.replace(/[\\()]/g, (m) => `\\${m}`).replace(/[^\x20-\x7e\xa0-\xff]/g, '?');
}

/** A one-page PDF 1.4 with the text set in Helvetica, one line per line of `text`. */
export function textPdf(text: string, title: string): Buffer {
  const lines = text.split('\n').slice(0, 60);
  const ops = ['BT', '/F1 10 Tf', '12 TL', '56 800 Td'];
  lines.forEach((l, i) => {
    if (i === 0) ops.push('/F1 14 Tf', `(${pdfEscape(l)}) Tj`, '/F1 10 Tf', 'T*');
    else ops.push(`(${pdfEscape(l)}) Tj`, 'T*');
  });
  ops.push('ET');
  const content = Buffer.from(ops.join('\n'), 'latin1');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    null, // content stream
    `<< /Title (${pdfEscape(title)}) /Producer (Unmask simulator) >>`,
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let pos = parts[0]!.length;
  objects.forEach((o, i) => {
    offsets.push(pos);
    const head = Buffer.from(`${i + 1} 0 obj\n`, 'latin1');
    const bodyBuf = o === null ? Buffer.concat([Buffer.from(`<< /Length ${content.length} >>\nstream\n`, 'latin1'), content, Buffer.from('\nendstream', 'latin1')]) : Buffer.from(o, 'latin1');
    const tail = Buffer.from('\nendobj\n', 'latin1');
    parts.push(head, bodyBuf, tail);
    pos += head.length + bodyBuf.length + tail.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n`, '0000000000 65535 f \n', ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 6 0 R >>\nstartxref\n${pos}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}
