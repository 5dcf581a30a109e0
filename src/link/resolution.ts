/**
 * Entity resolution: which records are the same human (one applicant under two spellings,
 * duplicate HR records, a candidate and the employee they became without the ATS saying so).
 * Splink-style: each feature is a small named function giving a log2 Bayes factor and the two
 * values it compared; the match weight is the prior plus the features, and the explanation is that
 * list in order (a waterfall that adds up). Missing data is "no data" and adds nothing.
 * Candidate pairs come from blocking (a shared email or phone, the same name key, the same
 * phonetic name key), never from comparing everyone with everyone.
 */
import type { LinkConfig } from '../config/sections/score.js';

export interface NameFunctions {
  normalizeName(s: string): string;
  nameTokens(s: string): string[];
  phoneticKey(token: string): string;
  nameSimilarity(a: string, b: string): { score: number; reasons: string[] };
}

export interface ResolutionRecord {
  key: string;
  /** The human the record is already folded into; records of one subject are not compared. */
  subject: number;
  name: string;
  dob: string | null;
  emails: string[];
  phones: string[];
  addresses: string[];
}

export interface FeatureResult {
  feature: string;
  /** log2 Bayes factor: positive says "same human", negative "different humans", 0 "no data". */
  weight: number;
  detail: string;
}

type ResolutionWeights = LinkConfig['resolution'];
type Feature = (a: ResolutionRecord, b: ResolutionRecord, w: ResolutionWeights, names: NameFunctions) => FeatureResult;

/** Names compared across spellings and scripts. */
export const nameFeature: Feature = (a, b, w, names) => {
  const { score } = names.nameSimilarity(a.name, b.name);
  const pair = `"${a.name}" / "${b.name}" (${score.toFixed(2)})`;
  if (score >= 0.97) return { feature: 'name', weight: w.name_exact, detail: `same name ${pair}` };
  if (score >= 0.88) return { feature: 'name', weight: w.name_close, detail: `close spelling ${pair}` };
  if (score >= 0.75) return { feature: 'name', weight: w.name_similar, detail: `similar name ${pair}` };
  return { feature: 'name', weight: w.name_different, detail: `different names ${pair}` };
};

/** Dates of birth: equal is strong, different is stronger (a couple shares everything but this). */
export const dobFeature: Feature = (a, b, w) => {
  if (!a.dob || !b.dob) return { feature: 'date_of_birth', weight: 0, detail: 'no data' };
  return a.dob === b.dob
    ? { feature: 'date_of_birth', weight: w.dob_same, detail: `same date of birth ${a.dob}` }
    : { feature: 'date_of_birth', weight: w.dob_different, detail: `different dates of birth ${a.dob} / ${b.dob}` };
};

function sharedFeature(feature: string, pick: (r: ResolutionRecord) => string[], weightOf: (w: ResolutionWeights) => number, noun: string): Feature {
  return (a, b, w) => {
    const av = pick(a);
    const bv = pick(b);
    if (!av.length || !bv.length) return { feature, weight: 0, detail: 'no data' };
    const shared = av.find((v) => bv.includes(v));
    // Different emails or phones are normal for one human over time: only a match carries weight.
    return shared ? { feature, weight: weightOf(w), detail: `same ${noun}` } : { feature, weight: 0, detail: `different ${noun}s` };
  };
}
export const emailFeature = sharedFeature('email', (r) => r.emails, (w) => w.email_same, 'email');
export const phoneFeature = sharedFeature('phone', (r) => r.phones, (w) => w.phone_same, 'phone');
export const addressFeature = sharedFeature('address', (r) => r.addresses, (w) => w.address_same, 'address');

/** The features in the order the explanation lists them. */
export const FEATURES: Feature[] = [nameFeature, dobFeature, emailFeature, phoneFeature, addressFeature];

export interface MatchResult {
  a: string;
  b: string;
  /** log2 odds: prior + Σ feature weights. */
  weight: number;
  probability: number;
  explanation: FeatureResult[];
}

export const probabilityOf = (log2odds: number): number => 1 / (1 + Math.pow(2, -log2odds));

export function compareRecords(a: ResolutionRecord, b: ResolutionRecord, w: ResolutionWeights, names: NameFunctions): MatchResult {
  const explanation: FeatureResult[] = [{ feature: 'prior', weight: w.prior, detail: 'two records picked by blocking, before any comparison' }];
  let weight = w.prior;
  for (const f of FEATURES) {
    const r = f(a, b, w, names);
    explanation.push(r);
    weight += r.weight;
  }
  return { a: a.key, b: b.key, weight, probability: probabilityOf(weight), explanation };
}

/**
 * Candidate pairs (blocking). Only blocks that can lead to a match are worth comparing: with the
 * default weights a name alone never reaches the match probability, so pairs come from a shared
 * email or phone, or the same date of birth with one name token that sounds alike. Name-only
 * blocks are added when the weights let a name alone match. Blocks larger than `max_block` are too
 * common to mean anything and are skipped.
 */
export interface ResolveOptions {
  /** Groups of record indexes that share an email or a phone (the graph has them already); built here when absent. */
  sharedContact?: Iterable<ArrayLike<number>>;
}

export function resolveRecords(records: ResolutionRecord[], w: ResolutionWeights, names: NameFunctions, opts: ResolveOptions = {}): MatchResult[] {
  const needed = Math.log2(w.match_probability / (1 - w.match_probability));
  const nameAlone = w.prior + w.name_exact >= needed;
  // Names and their tokens repeat a great deal: each is keyed once.
  const tokenSound = new Map<string, string>();
  const phonetic = (t: string): string => {
    let k = tokenSound.get(t);
    if (k === undefined) tokenSound.set(t, (k = names.phoneticKey(t)));
    return k;
  };
  const sound = new Map<string, string[]>();
  const soundsOf = (name: string): string[] => {
    let s = sound.get(name);
    if (!s) sound.set(name, (s = [...new Set(names.nameTokens(name).filter(Boolean).map(phonetic))].sort()));
    return s;
  };

  const compared = new Set<number>();
  const matches: MatchResult[] = [];
  const n = records.length;
  const compareBlock = (list: ArrayLike<number>) => {
    if (list.length < 2 || list.length > w.max_block) return;
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const i = Math.min(list[x]!, list[y]!);
        const j = Math.max(list[x]!, list[y]!);
        const a = records[i]!;
        const b = records[j]!;
        if (i === j || a.subject === b.subject || compared.has(i * n + j)) continue;
        compared.add(i * n + j);
        const m = compareRecords(a, b, w, names);
        if (m.probability >= w.match_probability) matches.push(m);
      }
    }
  };

  if (opts.sharedContact) for (const g of opts.sharedContact) compareBlock(g);
  else {
    const byContact = new Map<string, number[]>();
    records.forEach((r, i) => {
      for (const k of [...r.emails.map((e) => `e:${e}`), ...r.phones.map((p) => `t:${p}`)]) (byContact.get(k) ?? byContact.set(k, []).get(k)!).push(i);
    });
    for (const g of byContact.values()) compareBlock(g);
  }

  // Same date of birth, then one name token that sounds alike: small maps, no long keys.
  const byDob = new Map<string, number[]>();
  records.forEach((r, i) => {
    if (r.dob) (byDob.get(r.dob) ?? byDob.set(r.dob, []).get(r.dob)!).push(i);
  });
  for (const list of byDob.values()) {
    if (list.length < 2) continue;
    const bySound = new Map<string, number[]>();
    for (const i of list) for (const s of soundsOf(records[i]!.name)) (bySound.get(s) ?? bySound.set(s, []).get(s)!).push(i);
    for (const g of bySound.values()) compareBlock(g);
  }

  if (nameAlone) {
    const byName = new Map<string, number[]>();
    records.forEach((r, i) => {
      const k = soundsOf(r.name).join(' ');
      if (k) (byName.get(k) ?? byName.set(k, []).get(k)!).push(i);
    });
    for (const g of byName.values()) compareBlock(g);
  }
  return matches;
}
