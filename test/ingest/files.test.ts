import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dHash, decodeJpegGray, decodePngGray, hammingDistance, photoHashes } from '../../src/ingest/files/image-hash.js';
import { pdfText } from '../../src/ingest/files/pdf-text.js';
import { tempDir } from '../helpers/stores.js';
import { makeJpeg, makePdf, makePng, picture } from './make-files.js';

const tmp = tempDir('unmask-files-');
afterAll(() => tmp.remove());

describe('resume and photo files', () => {
  it('extracts the text of a PDF whose content stream is FlateDecode-compressed', async () => {
    const file = join(tmp.dir, 'resume.pdf');
    const pdf = makePdf(['Jin Park (Senior engineer)', '9 years of Go and TypeScript', 'Remote, Austin TX']);
    // The text is not in the file in clear: it is only in the compressed stream.
    expect(pdf.includes(Buffer.from('TypeScript'))).toBe(false);
    writeFileSync(file, pdf);
    const text = await pdfText(file);
    expect(text.split('\n').map((l) => l.trim())).toEqual(['Jin Park (Senior engineer)', '9 years of Go and TypeScript', 'Remote, Austin TX']);
  });

  it('decodes PNG (Sub and Paeth filters) to the pixels it was made from', () => {
    const pic = picture();
    const g = decodePngGray(makePng(64, 48, pic));
    expect([g.width, g.height]).toEqual([64, 48]);
    for (const [x, y] of [[0, 0], [63, 47], [40, 30], [10, 40]] as const) {
      const [r, gg, b] = pic(x, y);
      expect(g.pixels[y * 64 + x]).toBeCloseTo(0.299 * r + 0.587 * gg + 0.114 * b, 3);
    }
  });

  it('gives the same picture close perceptual hashes across PNG, JPEG and sizes, and a different picture a distant one', async () => {
    const png = dHash(decodePngGray(makePng(120, 90, picture(0))));
    const jpg = dHash(decodeJpegGray(makeJpeg(120, 90, picture(0), 60)));
    const big = dHash(decodePngGray(makePng(240, 180, (x, y) => picture(0)(Math.floor(x / 2), Math.floor(y / 2)))));
    const other = dHash(decodePngGray(makePng(120, 90, (x, y) => picture(0)(119 - x, 89 - y))));
    expect(png).toMatch(/^[0-9a-f]{16}$/);
    expect(hammingDistance(png, jpg)).toBeLessThanOrEqual(6);
    expect(hammingDistance(png, big)).toBeLessThanOrEqual(6);
    expect(hammingDistance(png, other)).toBeGreaterThan(20);
    const file = join(tmp.dir, 'p.png');
    const bytes = makePng(120, 90, picture(0));
    writeFileSync(file, bytes);
    expect(await photoHashes(file)).toEqual({ sha256: createHash('sha256').update(bytes).digest('hex'), phash: png });
  });

  it('keeps the file hash and says why when a photo cannot be decoded', async () => {
    const file = join(tmp.dir, 'x.png');
    writeFileSync(file, 'not a picture');
    const h = await photoHashes(file);
    expect(h.phash).toBeNull();
    expect(h.problem).toBe('not a JPEG or PNG file');
    expect(h.sha256).toBe(createHash('sha256').update('not a picture').digest('hex'));
  });
});
