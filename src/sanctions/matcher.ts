/**
 * Screening names against loaded lists, in memory. The index keeps every listed name as tokens
 * with their Latin forms (see src/enrich/names.ts) and, per blocking key, the entries that have
 * it: the token's romanisation-folded spelling, its Double Metaphone code, its Korean surname
 * group, and the folded spelling of two adjacent tokens written joined. A query collects the
 * entries sharing its keys, weighted by how rare each key is (IDF over the loaded lists), keeps
 * the best few dozen, and scores only those, token by token, with the features in ./features.ts.
 *
 * Rare name parts carry the match; common ones (`kim`, `korea`, `trading`) cannot make one alone.
 * Nothing about a subject's origin is a signal: only similarity to a listed entry is.
 */
import {
  compareNameParts,
  describeMatches,
  nameTokens,
  nameVariants,
  romanFold,
  scriptOf,
  surnameVariants,
  tokenRoleFactor,
  type NameComparison,
  type NameToken,
} from '../enrich/names.js';
import { doubleMetaphone } from 'double-metaphone';
import { maxBonus, normalizeIdNumber, QUALIFIER_FLOOR, scoreMatch, type Contribution, type FeatureEntry, type ScreenQuery } from './features.js';
import type { ListEntry, ListedName } from './model.js';

/** An entry as the index needs it: the list entry plus Unmask's id for it and its list. */
export interface IndexableEntry extends ListEntry {
  id: string;
  list_id: string;
}

interface IndexedName {
  name: ListedName;
  tokens: NameToken[];
  /** Per token: ids of its keys and of those of it joined with a neighbour (a token sharing none cannot match). */
  tokenKeys: Int32Array[];
  /** Per token: its weight, set on first use (weights need the finished index). */
  weights?: number[];
}

interface IndexedEntry {
  entry: IndexableEntry;
  names: IndexedName[];
  features: FeatureEntry;
}

export interface ScreenOptions {
  /** Minimum score to report (default DEFAULT_THRESHOLD). */
  threshold?: number;
  /** Most matches to return (default 10). */
  limit?: number;
  /** How many blocked candidates to score in full (default 40). */
  candidates?: number;
  /** Feature weight overrides by name. */
  weights?: Record<string, number>;
}

export interface ScreenMatch {
  entry: IndexableEntry;
  score: number;
  /** The score before clamping to 0..1 (ranks equal scores by their evidence). */
  total: number;
  /** The listed name that matched best, and the query reading that matched it. */
  matched_name: ListedName;
  query_reading: string;
  /** Sentences an analyst can check: which names matched and how, which fields agreed or not. */
  reasons: string[];
  contributions: Contribution[];
  comparison: NameComparison;
}

/** The default decision threshold; `npm run bench -- sanctions` measures precision and recall at it. */
export const DEFAULT_THRESHOLD = 0.85;

/** How much a shared key of each kind says (by its first letter): spellings > sounds > a shared start or end. */
const KEY_TRUST: Record<number, number> = { 102 /* f */: 1, 115 /* s */: 1, 109 /* m */: 0.8, 112 /* p */: 0.4, 120 /* x */: 0.4 };

/** Keys shared by more entries than this are too common to find candidates with (they still score). */
const MAX_POSTINGS = 2500;

const foldCache = new Map<string, string>();
function fold(form: string): string {
  let v = foldCache.get(form);
  if (v === undefined) {
    v = romanFold(form);
    if (foldCache.size > 200_000) foldCache.clear();
    foldCache.set(form, v);
  }
  return v;
}

const mpCache = new Map<string, string>();
function metaphoneKey(form: string): string {
  let v = mpCache.get(form);
  if (v === undefined) {
    v = /^[a-z]+$/.test(form) && form.length > 1 ? doubleMetaphone(form)[0] : '';
    if (mpCache.size > 200_000) mpCache.clear();
    mpCache.set(form, v);
  }
  return v;
}

const surnameKeyCache = new Map<string, string | null>();
/** One key per Korean surname, whichever spelling: `s:kim` for Kim and Gim. */
function surnameKey(form: string): string | null {
  let v = surnameKeyCache.get(form);
  if (v === undefined) {
    const sv = surnameVariants(form);
    v = sv.length ? `s:${fold(sv[0]!.toLowerCase())}` : null;
    if (surnameKeyCache.size > 100_000) surnameKeyCache.clear();
    surnameKeyCache.set(form, v);
  }
  return v;
}

const tokenKeyCache = new Map<string, string[]>();

/** The blocking keys of one token: folded spelling, phonetic code, Korean surname group (cached: names repeat). */
function tokenKeys(t: NameToken): string[] {
  const sig = `${t.script === 'latin' || t.surname ? 's' : '-'}${t.forms.join('|')}`;
  let keys = tokenKeyCache.get(sig);
  if (!keys) {
    keys = computeTokenKeys(t);
    if (tokenKeyCache.size > 200_000) tokenKeyCache.clear();
    tokenKeyCache.set(sig, keys);
  }
  return keys;
}

function computeTokenKeys(t: NameToken): string[] {
  const keys = new Set<string>();
  for (const f of t.forms) {
    keys.add(`f:${fold(f)}`);
    // Phonetic codes of short tokens (kim, li, ali) are shared by too many names to block on.
    if (f.length >= 4) {
      const m = metaphoneKey(f);
      if (m.length >= 2) keys.add(`m:${m}`);
    }
    // A typo in a long token leaves its start or its end intact.
    if (f.length >= 6) {
      keys.add(`p:${f.slice(0, 3)}`);
      keys.add(`x:${f.slice(-3)}`);
    }
  }
  if (t.script === 'latin' || t.surname) {
    const sk = surnameKey(t.forms[0]!);
    if (sk) keys.add(sk);
  }
  return [...keys];
}

function joinedKeys(a: NameToken, b: NameToken): string[] {
  const keys = new Set<string>();
  for (const x of a.forms.slice(0, 3)) for (const y of b.forms.slice(0, 3)) keys.add(`f:${fold(x + y)}`);
  return [...keys];
}

/**
 * The blocking keys of a name: per token, its own keys and those of it joined with a neighbour
 * (a token that shares none of them with the other name cannot match it); `all` is their union.
 */
function nameKeys(tokens: NameToken[]): { all: Set<string>; perToken: string[][] } {
  const own = tokens.map(tokenKeys);
  const joined = tokens.map((t, k) => (k + 1 < tokens.length ? joinedKeys(t, tokens[k + 1]!) : []));
  const perToken = tokens.map((_, k) => [...own[k]!, ...joined[k]!, ...(k > 0 ? joined[k - 1]! : [])]);
  return { all: new Set(perToken.flat()), perToken };
}

/**
 * An upper bound of the name score: the harmonic mean of the weighted shares of tokens on each
 * side that share a key with the other side (a token sharing no key scores 0 against it).
 * `qMask[key]` has bit i set when query token i has that key.
 */
function nameScoreBound(qMask: Int32Array, qWeights: number[], qTotal: number, n: IndexedName, nWeights: number[]): number {
  let qBits = 0;
  let cTotal = 0;
  let cHit = 0;
  for (let j = 0; j < n.tokenKeys.length; j++) {
    const keys = n.tokenKeys[j]!;
    let hit = false;
    for (let k = 0; k < keys.length; k++) {
      const bits = qMask[keys[k]!]!;
      if (bits) {
        hit = true;
        qBits |= bits;
      }
    }
    cTotal += nWeights[j]!;
    if (hit) cHit += nWeights[j]!;
  }
  let qHit = 0;
  for (let i = 0; i < qWeights.length; i++) if (qBits & (1 << i)) qHit += qWeights[i]!;
  const qc = qTotal ? qHit / qTotal : 0;
  const cc = cTotal ? cHit / cTotal : 0;
  return qc + cc > 0 ? (2 * qc * cc) / (qc + cc) : 0;
}

/**
 * A listed name as the index reads it. `Jin Tiesan (金铁三)`, a name with its original script in
 * brackets, is two names.
 */
function splitName(n: ListedName): ListedName[] {
  const m = /^(.*?)\s*\(([^()]+)\)\s*$/.exec(n.name);
  if (!m || !m[1]) return [n];
  const outer = nameTokens(m[1])[0];
  const inner = nameTokens(m[2]!)[0];
  if (!outer || !inner || scriptOf(outer) === scriptOf(inner)) return [n];
  return [
    { name: m[1], kind: n.kind },
    { name: m[2]!, kind: n.kind === 'primary' ? 'original_script' : n.kind },
  ];
}

export class SanctionsIndex {
  readonly entries: IndexedEntry[] = [];
  readonly #postings = new Map<string, number[]>();
  readonly #df = new Map<string, number>();
  readonly #keyIds = new Map<string, number>();
  #qMask = new Int32Array(0);

  #keyId(key: string): number {
    let id = this.#keyIds.get(key);
    if (id === undefined) this.#keyIds.set(key, (id = this.#keyIds.size));
    return id;
  }
  #idfMax = 1;

  /** Build the index; `hashId` (optional) gives keyed hashes of identifiers to compare with sealed ones. */
  static build(entries: IndexableEntry[], hashId?: (normalised: string) => string): SanctionsIndex {
    const idx = new SanctionsIndex();
    for (const e of entries) idx.#add(e, hashId);
    idx.#idfMax = Math.log(idx.entries.length + 1) + 1;
    return idx;
  }

  get size(): number {
    return this.entries.length;
  }

  #add(e: IndexableEntry, hashId?: (n: string) => string): void {
    const i = this.entries.length;
    const names: IndexedName[] = [];
    const keys = new Set<string>();
    const seen = new Set<string>();
    for (const n of e.names.flatMap(splitName)) {
      for (const tokens of nameVariants(n.name)) {
        const sig = tokens.map((t) => t.forms.join('/')).join(' ');
        if (!tokens.length || seen.has(sig)) continue;
        seen.add(sig);
        const k = nameKeys(tokens);
        for (const key of k.all) keys.add(key);
        names.push({ name: n, tokens, tokenKeys: k.perToken.map((ks) => Int32Array.from(ks, (x) => this.#keyId(x))) });
      }
    }
    const ids = e.identifiers.map((x) => normalizeIdNumber(x.number)).filter((x) => x.length >= 4);
    this.entries.push({
      entry: e,
      names,
      features: {
        entity_type: e.entity_type,
        birth_dates: e.birth_dates,
        countries: e.countries,
        id_numbers: new Set(ids),
        id_hashes: hashId ? new Set(ids.map(hashId)) : null,
      },
    });
    const folds = new Set<string>();
    for (const n of names) for (const t of n.tokens) for (const f of t.forms) folds.add(fold(f));
    for (const key of keys) {
      let p = this.#postings.get(key);
      if (!p) this.#postings.set(key, (p = []));
      p.push(i);
    }
    for (const f of folds) this.#df.set(f, (this.#df.get(f) ?? 0) + 1);
  }

  /** How much a spelling says about identity: IDF of its folded form over the loaded entries. */
  #idf(form: string): number {
    const df = this.#df.get(fold(form)) ?? 0;
    return Math.log((this.entries.length + 1) / (df + 1)) + 1;
  }

  /** Token weight for the name comparison: IDF of its commonest reading times its role factor (generic words, initials, patronymics count less). */
  readonly weight = (t: NameToken): number => {
    let w = Infinity;
    for (const f of t.forms) w = Math.min(w, this.#idf(f));
    return w * tokenRoleFactor(t);
  };

  #keyWeight(key: string, postings: number): number {
    return Math.log((this.entries.length + 1) / (postings + 1)) + 1;
  }

  // Scratch arrays for #candidates, sized to the index (one screen at a time per index).
  #acc = new Float64Array(0);
  #best = new Float64Array(0);
  #local = new Float64Array(0);
  #stamp = new Int32Array(0);
  #stampNo = 0;

  /**
   * Entries sharing rare enough keys with the query, best first: each query token adds the weight
   * of its rarest key an entry shares. Entries that share less than a third of what the query could
   * share at most are not worth scoring.
   */
  #candidates(readings: NameToken[][], max: number): number[] {
    const n = this.entries.length;
    if (this.#acc.length !== n) {
      this.#acc = new Float64Array(n);
      this.#best = new Float64Array(n);
      this.#local = new Float64Array(n);
      this.#stamp = new Int32Array(n);
    }
    const acc = this.#acc;
    const best = this.#best;
    const local = this.#local;
    const stamp = this.#stamp;
    const touched: number[] = [];
    const everTouched: number[] = [];
    let possible = 0;
    for (const tokens of readings) {
      let readingMax = 0;
      const bump = (keys: string[], counts: boolean) => {
        const stampNo = ++this.#stampNo;
        const hits: number[] = [];
        let top = 0;
        for (const key of keys) {
          const p = this.#postings.get(key);
          const w = p ? this.#keyWeight(key, p.length) * (KEY_TRUST[key.charCodeAt(0)] ?? 1) : this.#idfMax;
          if (w > top) top = w;
          if (!p || p.length > MAX_POSTINGS) continue;
          for (let k = 0; k < p.length; k++) {
            const e = p[k]!;
            if (stamp[e] !== stampNo) {
              stamp[e] = stampNo;
              local[e] = w;
              hits.push(e);
            } else if (local[e]! < w) local[e] = w;
          }
        }
        if (counts) readingMax += top;
        for (const e of hits) {
          if (acc[e] === 0) touched.push(e);
          acc[e] = acc[e]! + local[e]!;
        }
      };
      tokens.forEach((t, k) => {
        bump(tokenKeys(t), true);
        if (k + 1 < tokens.length) bump(joinedKeys(t, tokens[k + 1]!), false);
      });
      possible = Math.max(possible, readingMax);
      for (const e of touched) {
        if (best[e] === 0) everTouched.push(e);
        if (acc[e]! > best[e]!) best[e] = acc[e]!;
        acc[e] = 0;
      }
      touched.length = 0;
    }
    const floor = possible / 3;
    const kept: number[] = [];
    for (const e of everTouched) if (best[e]! >= floor) kept.push(e);
    kept.sort((a, b) => best[b]! - best[a]!);
    const out = kept.slice(0, max);
    for (const e of everTouched) best[e] = 0;
    return out;
  }

  /** Screen one name (with optional date of birth, countries, identifiers). */
  screen(query: ScreenQuery, opts: ScreenOptions = {}): ScreenMatch[] {
    const threshold = opts.threshold ?? DEFAULT_THRESHOLD;
    const readings = nameVariants(query.name);
    if (!readings.length) return [];
    const out: ScreenMatch[] = [];
    if (this.#qMask.length !== this.#keyIds.size) this.#qMask = new Int32Array(this.#keyIds.size);
    const qMask = this.#qMask;
    const prepared = readings.map((r) => {
      // Which of the index's keys each query token has (bit i = token i; names are short).
      const masked: number[] = [];
      nameKeys(r).perToken.forEach((ks, i) => {
        for (const key of ks) {
          const id = this.#keyIds.get(key);
          if (id === undefined || i > 30) continue;
          if (!qMask[id]) masked.push(id);
          qMask[id] = qMask[id]! | (1 << i);
        }
      });
      const weights = r.map(this.weight);
      const bits = Int32Array.from(masked, (id) => qMask[id]!);
      for (const id of masked) qMask[id] = 0;
      return { tokens: r, masked, bits, weights, total: weights.reduce((a, b) => a + b, 0) };
    });
    // The name score a match needs at least: qualifiers can add at most `bonus`, and only above the floor.
    const bonus = maxBonus(query, opts.weights);
    const needed = threshold - bonus >= QUALIFIER_FLOOR ? threshold - bonus : Math.min(threshold, QUALIFIER_FLOOR);
    for (const i of this.#candidates(readings, opts.candidates ?? 40)) {
      const ie = this.entries[i]!;
      let best: { cmp: NameComparison; name: ListedName; reading: NameToken[] } | null = null;
      for (const q of prepared) {
        q.masked.forEach((id, k) => (qMask[id] = q.bits[k]!));
        for (const n of ie.names) {
          n.weights ??= n.tokens.map(this.weight);
          if (nameScoreBound(qMask, q.weights, q.total, n, n.weights) < Math.max(needed, best?.cmp.score ?? 0)) continue;
          const cmp = compareNameParts(q.tokens, n.tokens, this.weight);
          const better =
            !best || cmp.score > best.cmp.score || (cmp.score === best.cmp.score && n.name.kind !== 'weak' && best.name.kind === 'weak');
          if (better) best = { cmp, name: n.name, reading: q.tokens };
        }
        for (const id of q.masked) qMask[id] = 0;
      }
      if (!best || best.cmp.score <= 0) continue;
      const scored = scoreMatch({ query, entry: ie.features, name: best.name, comparison: best.cmp }, opts.weights);
      if (scored.score < threshold) continue;
      out.push({
        entry: ie.entry,
        score: scored.score,
        total: scored.total,
        matched_name: best.name,
        query_reading: best.reading.map((t) => t.forms[0]).join(' '),
        reasons: reasonsFor(query, ie.entry, best.name, best.cmp, scored.contributions),
        contributions: scored.contributions,
        comparison: best.cmp,
      });
    }
    out.sort((a, b) => b.score - a.score || b.total - a.total || a.entry.primary_name.localeCompare(b.entry.primary_name));
    return out.slice(0, opts.limit ?? 10);
  }
}

function reasonsFor(query: ScreenQuery, e: IndexableEntry, name: ListedName, cmp: NameComparison, contributions: Contribution[]): string[] {
  const which = name.kind === 'primary' ? 'the listed name' : name.kind === 'original_script' ? 'the listed original-script name' : `listed ${name.kind.replace('_', ' ')}`;
  const reasons = [`"${query.name}" matches ${which} "${name.name}" of ${e.primary_name} (${e.list_id} ${e.source_uid}; ${e.programs.join(', ') || 'no programme'})`];
  reasons.push(...describeMatches(cmp).map((l) => `  ${l}`));
  for (const c of contributions) {
    if (c.feature === 'name_match') continue;
    reasons.push(`${c.feature.replace('_', ' ')} ${c.points >= 0 ? '+' : ''}${c.points.toFixed(2)}: ${c.detail}`);
  }
  return reasons;
}
