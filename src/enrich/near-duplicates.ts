/**
 * Near-duplicate resumes and photos. Fraud rings reuse one resume under several names and one
 * photo under several names; both are found without comparing every pair:
 *  - resumes: MinHash signatures of word 5-shingles, banded (LSH) so only likely pairs are
 *    compared, then kept when the estimated Jaccard similarity reaches the threshold;
 *  - photos: identical SHA-256, or 64-bit perceptual hashes within a Hamming distance k, found by
 *    the pigeonhole trick (two hashes within k bits agree exactly on one of k+1 segments).
 * Each group of near-duplicates becomes one fingerprint value shared by its members.
 */
import { UnionFind } from '../util/union-find.js';

const HASHES = 64;
const BANDS = 16;
const ROWS = HASHES / BANDS;
const SHINGLE = 5;

/** FNV-1a of a string, 32 bits. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

// Fixed odd multipliers and offsets: the signature must be the same on every run.
const MUL = Uint32Array.from({ length: HASHES }, (_, i) => (fnv1a(`m${i}`) | 1) >>> 0);
const ADD = Uint32Array.from({ length: HASHES }, (_, i) => fnv1a(`a${i}`));

export function resumeShingles(text: string): Set<string> {
  const words = text.toLowerCase().normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? [];
  const out = new Set<string>();
  if (words.length < SHINGLE) {
    if (words.length) out.add(words.join(' '));
    return out;
  }
  for (let i = 0; i + SHINGLE <= words.length; i++) out.add(words.slice(i, i + SHINGLE).join(' '));
  return out;
}

export function minhash(shingles: Set<string>): Uint32Array {
  const sig = new Uint32Array(HASHES).fill(0xffffffff);
  for (const s of shingles) {
    const h = fnv1a(s);
    for (let k = 0; k < HASHES; k++) {
      const v = (Math.imul(h, MUL[k]!) + ADD[k]!) >>> 0;
      if (v < sig[k]!) sig[k] = v;
    }
  }
  return sig;
}

export function estimatedJaccard(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let k = 0; k < HASHES; k++) if (a[k] === b[k]) same++;
  return same / HASHES;
}

/** Groups (indexes into `texts`) of resumes at least `threshold` similar; short texts are skipped. */
export function nearDuplicateResumes(texts: Array<string | null | undefined>, threshold: number, minShingles = 20): number[][] {
  const sigs: Array<Uint32Array | null> = texts.map((t) => {
    if (!t) return null;
    const sh = resumeShingles(t);
    return sh.size >= minShingles ? minhash(sh) : null;
  });
  const uf = new UnionFind(texts.length);
  for (let band = 0; band < BANDS; band++) {
    const buckets = new Map<string, number>();
    sigs.forEach((sig, i) => {
      if (!sig) return;
      const key = Array.from(sig.subarray(band * ROWS, band * ROWS + ROWS)).join(',');
      const j = buckets.get(key);
      if (j === undefined) buckets.set(key, i);
      else if (estimatedJaccard(sig, sigs[j]!) >= threshold) uf.union(i, j);
      else buckets.set(key, i);
    });
  }
  return uf.groups(2);
}

function hexBits(hex: string): string | null {
  if (!/^[0-9a-f]{16}$/i.test(hex)) return null;
  return BigInt(`0x${hex}`).toString(2).padStart(64, '0');
}

function hamming(a: string, b: string): number {
  let d = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) d++;
  return d;
}

/** Groups (indexes) of photos that are the same picture: equal SHA-256 or perceptual hashes within `k` bits. */
export function samePhotos(photos: Array<{ sha256?: string | null; phash?: string | null }>, k: number): number[][] {
  const uf = new UnionFind(photos.length);
  const bySha = new Map<string, number>();
  photos.forEach((p, i) => {
    if (!p.sha256) return;
    const j = bySha.get(p.sha256);
    if (j === undefined) bySha.set(p.sha256, i);
    else uf.union(i, j);
  });
  const bits = photos.map((p) => (p.phash ? hexBits(p.phash) : null));
  const segs = k + 1;
  const len = Math.floor(64 / segs);
  for (let s = 0; s < segs; s++) {
    const from = s * len;
    const to = s === segs - 1 ? 64 : from + len;
    const buckets = new Map<string, number[]>();
    bits.forEach((b, i) => {
      if (!b) return;
      const key = b.slice(from, to);
      const list = buckets.get(key);
      if (!list) {
        buckets.set(key, [i]);
        return;
      }
      for (const j of list) if (hamming(b, bits[j]!) <= k) uf.union(i, j);
      // A segment that very many photos share (a blank background) is no use for finding pairs.
      if (list.length < 64) list.push(i);
    });
  }
  return uf.groups(2);
}

/**
 * A stable value for a group: its members' record keys, sorted (`resume-group:candidate:C1,candidate:C9`),
 * the same text the detection rules use as their fact key, so the scorer counts the group once.
 */
export function groupFingerprint(prefix: 'resume' | 'photo', memberKeys: string[]): string {
  return `${prefix}-group:${[...memberKeys].sort().join(',')}`;
}
