/**
 * Two range structures, both allocation-free at lookup time:
 * - `IntervalTable`: sorted, non-overlapping [start, end] ranges in typed arrays, found by binary
 *   search (the ASN data: ~400k IPv4 and ~100k IPv6 ranges).
 * - `PrefixMap`: CIDR prefixes of any length, possibly nested, answered by longest match with one
 *   hash lookup per prefix length in use (operator lists, curated lists, cloud range files).
 */
import { maskV6, maskWord, type Cidr, type ParsedIp } from './ipaddr.js';

/**
 * The columns both interval tables keep: bounds (one word per IPv4 bound, four per IPv6 bound), a
 * numeric value (the ASN) and a label index (the AS organisation) per row.
 */
abstract class IntervalColumns {
  protected starts = new Uint32Array(0);
  protected ends = new Uint32Array(0);
  protected values = new Uint32Array(0);
  protected labels = new Uint32Array(0);

  /** Rows must be sorted by start and must not overlap (the ip-location-db files are). */
  protected fill(starts: number[], ends: number[], values: number[], labels: number[]): this {
    this.starts = Uint32Array.from(starts);
    this.ends = Uint32Array.from(ends);
    this.values = Uint32Array.from(values);
    this.labels = Uint32Array.from(labels);
    return this;
  }

  get size(): number {
    return this.values.length;
  }

  value(i: number): number {
    return this.values[i] as number;
  }
  label(i: number): number {
    return this.labels[i] as number;
  }
}

/** IPv4 intervals. */
export class IntervalTable4 extends IntervalColumns {
  static fromRows(starts: number[], ends: number[], values: number[], labels: number[]): IntervalTable4 {
    return new IntervalTable4().fill(starts, ends, values, labels);
  }

  /** Index of the row holding `ip`, or -1. */
  find(ip: number): number {
    const s = this.starts;
    let lo = 0;
    let hi = s.length - 1;
    let best = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if ((s[mid] as number) <= ip) {
        best = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (best < 0 || (this.ends[best] as number) < ip) return -1;
    return best;
  }
}

function cmp6(a: Uint32Array, i: number, w: readonly number[]): number {
  const o = i * 4;
  for (let k = 0; k < 4; k++) {
    const x = a[o + k] as number;
    const y = w[k] as number;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** IPv6 intervals: each bound is four words in a flat Uint32Array. */
export class IntervalTable6 extends IntervalColumns {
  static fromRows(starts: number[], ends: number[], values: number[], labels: number[]): IntervalTable6 {
    return new IntervalTable6().fill(starts, ends, values, labels);
  }

  find(words: readonly number[]): number {
    let lo = 0;
    let hi = this.values.length - 1;
    let best = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (cmp6(this.starts, mid, words) <= 0) {
        best = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (best < 0 || cmp6(this.ends, best, words) < 0) return -1;
    return best;
  }
}

const key6 = (w: readonly number[]): string => `${w[0]}:${w[1]}:${w[2]}:${w[3]}`;

/** Longest-prefix match over nested CIDR ranges, each carrying a value. */
export class PrefixMap<T> {
  private v4 = new Map<number, Map<number, T>>();
  private v6 = new Map<number, Map<string, T>>();
  private lengths4: number[] = [];
  private lengths6: number[] = [];
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** Add a range. A range added twice keeps its first value (earlier sources take precedence). */
  add(cidr: Cidr, value: T): void {
    if (cidr.ip.version === 4) {
      let m = this.v4.get(cidr.prefix);
      if (!m) {
        m = new Map();
        this.v4.set(cidr.prefix, m);
        this.lengths4 = [...this.v4.keys()].sort((a, b) => b - a);
      }
      if (!m.has(cidr.ip.v4)) {
        m.set(cidr.ip.v4, value);
        this.count++;
      }
    } else {
      let m = this.v6.get(cidr.prefix);
      if (!m) {
        m = new Map();
        this.v6.set(cidr.prefix, m);
        this.lengths6 = [...this.v6.keys()].sort((a, b) => b - a);
      }
      const k = key6(cidr.ip.words);
      if (!m.has(k)) {
        m.set(k, value);
        this.count++;
      }
    }
  }

  /** The value of the most specific range holding `ip`, with that range's prefix length. */
  match(ip: ParsedIp): { value: T; prefix: number } | null {
    if (ip.version === 4) {
      for (const len of this.lengths4) {
        const v = (this.v4.get(len) as Map<number, T>).get(maskWord(ip.v4, len));
        if (v !== undefined) return { value: v, prefix: len };
      }
      return null;
    }
    for (const len of this.lengths6) {
      const v = (this.v6.get(len) as Map<string, T>).get(key6(maskV6(ip.words, len)));
      if (v !== undefined) return { value: v, prefix: len };
    }
    return null;
  }
}
