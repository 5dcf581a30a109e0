/**
 * From shared identifiers to weighted edges between people. A value shared by n people gives each
 * pair an edge whose weight says how telling the value is: its kind's weight, shrinking as more
 * people share it, zero past the kind's cap (a popular IP, an office building). Several shared
 * values between one pair combine as independent evidence: 1 - Π(1 - wᵢ).
 */
import { LINK_KINDS, type LinkConfig, type LinkKind } from '../config/sections/score.js';
import type { IdentifierIndex } from './identifier-index.js';

export type IdentifierWeightConfig = LinkConfig['identifiers'][LinkKind];

/** Link weight of a value that `sharers` people share. */
export function shareWeight(p: IdentifierWeightConfig, sharers: number): number {
  if (sharers < 2 || sharers > p.max_share) return 0;
  if (sharers <= p.full_until) return p.weight;
  return p.weight * Math.pow(p.full_until / sharers, p.decay);
}

/** An edge that does not come from a shared value: a referral, or two records of one human. */
export interface DirectEdge {
  a: number;
  b: number;
  weight: number;
  kind: 'referral' | 'same_person';
}

/** Values grouped by who holds them (CSR layout): members of value v are members[start[v] .. start[v+1]). */
export interface ValueGroups {
  start: Int32Array;
  members: Int32Array;
  first: Float64Array;
  last: Float64Array;
  /** Bitmask of identifier types (IDENTIFIER_TYPE_LIST index) the member holds the value as. */
  types: Int32Array;
}

export interface Edges {
  count: number;
  a: Int32Array;
  b: Int32Array;
  strength: Float32Array;
  /** Per edge, what it rests on: value indexes (>= 0) and direct edges (-1 - index). Only with `keepEvidence`. */
  evidence: number[][] | null;
}

/** Group occurrences by value, one entry per (value, person), with the person's first/last use merged. */
export function groupByValue(index: IdentifierIndex): ValueGroups {
  const nv = index.valueCount;
  const n = index.occCount;
  // Two stable counting sorts (by person, then by value) order occurrences by (value, person)
  // in linear time: no comparison sort over millions of entries.
  const bySubject = countingOrder(index.occSubject, n, index.subjectCount, null);
  const counts = new Int32Array(nv + 1);
  for (let i = 0; i < n; i++) counts[index.occValue[i]! + 1]!++;
  for (let v = 0; v < nv; v++) counts[v + 1]! += counts[v]!;
  const occ = countingOrder(index.occValue, n, nv, bySubject);

  // Deduplicate each value's members (one person may hold a value through several records).
  const start = new Int32Array(nv + 1);
  const members = new Int32Array(n);
  const first = new Float64Array(index.occCount);
  const last = new Float64Array(index.occCount);
  const types = new Int32Array(index.occCount);
  let out = 0;
  for (let v = 0; v < nv; v++) {
    start[v] = out;
    const s = counts[v]!;
    const e = counts[v + 1]!;
    for (let k = s; k < e; k++) {
      const o = occ[k]!;
      const subj = index.occSubject[o]!;
      const f = index.occFirst[o]!;
      const l = index.occLast[o]!;
      if (out > start[v]! && members[out - 1] === subj) {
        first[out - 1] = minKnown(first[out - 1]!, f);
        last[out - 1] = -minKnown(-last[out - 1]!, -l);
        types[out - 1]! |= 1 << index.occType[o]!;
        continue;
      }
      members[out] = subj;
      first[out] = f;
      last[out] = l;
      types[out] = 1 << index.occType[o]!;
      out++;
    }
  }
  start[nv] = out;
  return { start, members: members.subarray(0, out), first: first.subarray(0, out), last: last.subarray(0, out), types: types.subarray(0, out) };
}

/** Indexes 0..n-1 ordered by `key` (values 0..range-1), stably, visiting them in `input` order (or 0..n-1). */
function countingOrder(key: Int32Array, n: number, range: number, input: Int32Array | null): Int32Array {
  const start = new Int32Array(range + 1);
  for (let i = 0; i < n; i++) start[key[i]! + 1]!++;
  for (let k = 0; k < range; k++) start[k + 1]! += start[k]!;
  const out = new Int32Array(n);
  for (let j = 0; j < n; j++) {
    const i = input ? input[j]! : j;
    out[start[key[i]!]!++] = i;
  }
  return out;
}

/** The smaller of two times, ignoring unknown (NaN) ones. */
function minKnown(x: number, y: number): number {
  if (Number.isNaN(x)) return y;
  if (Number.isNaN(y)) return x;
  return Math.min(x, y);
}

const PAY_KINDS = new Set<LinkKind>(['pay_account', 'iban', 'wallet']);
const IP_KIND = LINK_KINDS.indexOf('ip');

export interface EdgeOptions {
  /** Per subject, its declared staffing agency (pay accounts shared within one agency weigh less). */
  agency?: Array<string | null>;
  direct?: DirectEdge[];
  keepEvidence?: boolean;
}

/** The weight each value gives each pair of its holders (0 when it links nobody). */
export function valueWeights(index: IdentifierIndex, groups: ValueGroups, cfg: LinkConfig, agency?: Array<string | null>): Float32Array {
  const weights = new Float32Array(index.valueCount);
  for (let v = 0; v < index.valueCount; v++) {
    const n = groups.start[v + 1]! - groups.start[v]!;
    if (n < 2) continue;
    const kind = LINK_KINDS[index.valueKind[v]!]!;
    let w = shareWeight(cfg.identifiers[kind], n) * index.valueFactor[v]!;
    if (w > 0 && agency && PAY_KINDS.has(kind)) {
      const a0 = agency[groups.members[groups.start[v]!]!];
      let same = Boolean(a0);
      for (let k = groups.start[v]! + 1; same && k < groups.start[v + 1]!; k++) same = agency[groups.members[k]!] === a0;
      if (same) w *= cfg.same_agency_factor;
    }
    weights[v] = w;
  }
  return weights;
}

/** Every pair of people joined by at least one telling shared value or direct edge. */
export function buildEdges(index: IdentifierIndex, groups: ValueGroups, weights: Float32Array, cfg: LinkConfig, opts: EdgeOptions = {}): Edges {
  const n = index.subjectCount;
  // Sum of -ln(1 - w) per pair; a Map keyed by a*n+b is compact enough for millions of pairs.
  const acc = new Map<number, number>();
  const ev = opts.keepEvidence ? new Map<number, number[]>() : null;
  const slack = cfg.ip_overlap_slack_days;
  const add = (a: number, b: number, w: number, evidence: number) => {
    if (a === b) return;
    const key = a < b ? a * n + b : b * n + a;
    acc.set(key, (acc.get(key) ?? 0) - Math.log1p(-Math.min(w, 0.999)));
    if (ev) {
      const list = ev.get(key);
      if (list) list.push(evidence);
      else ev.set(key, [evidence]);
    }
  };
  for (let v = 0; v < index.valueCount; v++) {
    const w = weights[v]!;
    if (!(w > 0)) continue;
    const s = groups.start[v]!;
    const e = groups.start[v + 1]!;
    const timed = index.valueKind[v] === IP_KIND;
    for (let i = s; i < e; i++) {
      for (let j = i + 1; j < e; j++) {
        // Two people on one IP at different times (a reassigned address) are not together.
        if (timed && (groups.last[i]! + slack < groups.first[j]! || groups.last[j]! + slack < groups.first[i]!)) continue;
        add(groups.members[i]!, groups.members[j]!, w, v);
      }
    }
  }
  (opts.direct ?? []).forEach((d, k) => add(d.a, d.b, d.weight, -1 - k));

  const count = acc.size;
  const a = new Int32Array(count);
  const b = new Int32Array(count);
  const strength = new Float32Array(count);
  const evidence: number[][] | null = ev ? [] : null;
  let k = 0;
  for (const [key, sum] of acc) {
    a[k] = Math.floor(key / n);
    b[k] = key - a[k]! * n;
    strength[k] = 1 - Math.exp(-sum);
    if (evidence) evidence.push(ev!.get(key)!);
    k++;
  }
  return { count, a, b, strength, evidence };
}
