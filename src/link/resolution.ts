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

/** Blocking keys of a record: names (exact and phonetic) with and without the date of birth, emails, phones. */
function blockingKeys(r: ResolutionRecord, names: NameFunctions): string[] {
  const tokens = names.nameTokens(r.name).filter(Boolean).sort();
  const keys: string[] = [];
  if (tokens.length) {
    keys.push(`n:${tokens.join(' ')}`);
    keys.push(`p:${tokens.map((t) => names.phoneticKey(t)).sort().join(' ')}`);
    if (r.dob) keys.push(`d:${r.dob}:${tokens.map((t) => names.phoneticKey(t)).sort()[0]}`);
  }
  for (const e of r.emails) keys.push(`e:${e}`);
  for (const p of r.phones) keys.push(`t:${p}`);
  return keys;
}

/** Pairs of records, of different subjects, that are probably one human. */
export function resolveRecords(records: ResolutionRecord[], w: ResolutionWeights, names: NameFunctions): MatchResult[] {
  const blocks = new Map<string, number[]>();
  records.forEach((r, i) => {
    for (const k of blockingKeys(r, names)) {
      const list = blocks.get(k);
      if (list) list.push(i);
      else blocks.set(k, [i]);
    }
  });
  const compared = new Set<string>();
  const matches: MatchResult[] = [];
  for (const list of blocks.values()) {
    if (list.length < 2 || list.length > w.max_block) continue;
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const a = records[list[x]!]!;
        const b = records[list[y]!]!;
        if (a.subject === b.subject) continue;
        const pair = a.key < b.key ? `${a.key}\u001f${b.key}` : `${b.key}\u001f${a.key}`;
        if (compared.has(pair)) continue;
        compared.add(pair);
        const m = compareRecords(a, b, w, names);
        if (m.probability >= w.match_probability) matches.push(m);
      }
    }
  }
  return matches;
}
