/**
 * The features that score a screening match, nomenklatura style: each is a small named function
 * of the query and one listed entry that returns a value (0..1) and the detail that fired, and all
 * weights sit in one list. The name feature sets the base score; the qualifiers (date of birth,
 * country, identifier, kind of entity, weak alias) move it up or down, and only when both sides
 * have the data: missing data adds nothing. The final score is the sum of weight × value,
 * clamped to 0..1, and its explanation is that sum written out.
 */
import type { NameComparison } from '../enrich/names.js';
import type { BirthDate, EntityType, ListedName } from './model.js';

export interface ScreenQuery {
  name: string;
  /** YYYY-MM-DD, YYYY-MM or YYYY. */
  birth_date?: string | null;
  /** ISO 3166-1 alpha-2 codes the subject is tied to (home, bank, shipping country). */
  countries?: string[];
  /** Identifier numbers in clear (ad-hoc screening); compared after removing spaces and punctuation. */
  identifiers?: string[];
  /** Keyed hashes of government ids (as the store keeps them), compared with the list's numbers hashed alike. */
  identifier_hashes?: string[];
  /** What the subject is: a person (an employee), an organisation, or unknown. */
  kind?: 'person' | 'organization' | 'any';
}

/** What the features see of a listed entry. */
export interface FeatureEntry {
  entity_type: EntityType;
  birth_dates: BirthDate[];
  countries: Array<{ code: string; role: string }>;
  /** Normalised identifier numbers (upper case, letters and digits only). */
  id_numbers: Set<string>;
  /** Keyed hashes of the identifier numbers, when a key was given. */
  id_hashes: Set<string> | null;
}

export interface FeatureInput {
  query: ScreenQuery;
  entry: FeatureEntry;
  /** The best-matching listed name and how it compared. */
  name: ListedName;
  comparison: NameComparison;
}

export interface FeatureResult {
  value: number;
  detail: string;
}

export interface Feature {
  name: string;
  weight: number;
  /** What the feature means, in the words shown to analysts. */
  description: string;
  fn(input: FeatureInput): FeatureResult | null;
}

export const normalizeIdNumber = (s: string): string => s.toUpperCase().replace(/[^A-Z0-9]/g, '');

const year = (d: string) => Number(d.slice(0, 4));

/** How a query date agrees with one listed date: 1 same day, 0.5 same year (or within a range/circa), 0 disagree. */
function dateAgreement(q: string, l: BirthDate): number {
  const qy = year(q);
  if (l.to) return qy >= year(l.date) && qy <= year(l.to) ? 0.5 : 0;
  if (l.circa) return Math.abs(qy - year(l.date)) <= 1 ? 0.5 : 0;
  if (qy !== year(l.date)) return 0;
  const n = Math.min(q.length, l.date.length);
  if (q.slice(0, n) !== l.date.slice(0, n)) return 0;
  return q.length === 10 && l.date.length === 10 ? 1 : 0.5;
}

const showDate = (d: BirthDate) => `${d.circa ? 'circa ' : ''}${d.date}${d.to ? ` to ${d.to}` : ''}`;

function bestDate(input: FeatureInput): { agreement: number; listed: BirthDate } | null {
  const q = input.query.birth_date;
  if (!q || !input.entry.birth_dates.length) return null;
  let best = { agreement: 0, listed: input.entry.birth_dates[0]! };
  for (const d of input.entry.birth_dates) {
    const a = dateAgreement(q, d);
    if (a > best.agreement) best = { agreement: a, listed: d };
  }
  return best;
}

function countryOverlap(input: FeatureInput): { shared: string[]; listed: string[] } | null {
  const q = input.query.countries ?? [];
  const listed = [...new Set(input.entry.countries.map((c) => c.code))];
  if (!q.length || !listed.length) return null;
  return { shared: q.filter((c) => listed.includes(c)), listed };
}

/** The weights, in one list. Override by name with `scoring_weights` (see ScreenOptions). */
export const FEATURES: Feature[] = [
  {
    name: 'name_match',
    weight: 1,
    description: 'How closely the name matches the listed name or alias, token by token, weighting rare name parts above common ones.',
    fn: ({ comparison, name }) => ({ value: comparison.score, detail: `"${name.name}" (${name.kind.replace('_', ' ')})` }),
  },
  {
    name: 'weak_alias',
    weight: -0.08,
    description: 'The name matched only a weak (low-quality) alias, which the list itself says is too broad to identify someone.',
    fn: ({ name }) => (name.kind === 'weak' ? { value: 1, detail: `"${name.name}" is a weak alias` } : null),
  },
  {
    name: 'dob_match',
    weight: 0.1,
    description: 'The date of birth agrees with a listed one (full value: same day; half: same year, or within a listed range or circa date).',
    fn: (input) => {
      const b = bestDate(input);
      if (!b || b.agreement === 0) return null;
      return { value: b.agreement, detail: `${input.query.birth_date} agrees with listed ${showDate(b.listed)}` };
    },
  },
  {
    name: 'dob_mismatch',
    weight: -0.25,
    description: 'The date of birth disagrees with every listed one.',
    fn: (input) => {
      const b = bestDate(input);
      if (!b || b.agreement > 0) return null;
      return { value: 1, detail: `${input.query.birth_date} differs from listed ${input.entry.birth_dates.map(showDate).join(', ')}` };
    },
  },
  {
    name: 'country_match',
    weight: 0.04,
    description: 'A country tied to the subject (home, bank, shipping) is one the entry is tied to (nationality, birth, address, documents).',
    fn: (input) => {
      const o = countryOverlap(input);
      return o && o.shared.length ? { value: 1, detail: `${o.shared.join(', ')} also listed` } : null;
    },
  },
  {
    name: 'country_mismatch',
    weight: -0.04,
    description: 'None of the subject’s countries is among the entry’s countries.',
    fn: (input) => {
      const o = countryOverlap(input);
      return o && !o.shared.length ? { value: 1, detail: `${(input.query.countries ?? []).join(', ')} vs listed ${o.listed.join(', ')}` } : null;
    },
  },
  {
    name: 'identifier_match',
    weight: 0.3,
    description: 'An identifier (passport, national id, registration number) equals one on the list.',
    fn: ({ query, entry }) => {
      const clear = (query.identifiers ?? []).map(normalizeIdNumber).filter((n) => n.length >= 4 && entry.id_numbers.has(n));
      if (clear.length) return { value: 1, detail: `identifier ${clear[0]} is listed` };
      const hashed = entry.id_hashes ? (query.identifier_hashes ?? []).filter((h) => entry.id_hashes!.has(h)) : [];
      return hashed.length ? { value: 1, detail: 'a government id on file (compared by keyed hash) is listed' } : null;
    },
  },
  {
    name: 'type_mismatch',
    weight: -0.25,
    description: 'A person matched an organisation, vessel or aircraft entry, or an organisation a person.',
    fn: ({ query, entry }) => {
      const kind = query.kind ?? 'any';
      if (kind === 'any') return null;
      if (kind === 'person' && entry.entity_type !== 'person') return { value: 1, detail: `a person vs a listed ${entry.entity_type}` };
      if (kind === 'organization' && entry.entity_type === 'person') return { value: 1, detail: 'an organisation vs a listed person' };
      return null;
    },
  },
];

/** Qualifiers only count once the name is this close; below it a match is not worth qualifying. */
export const QUALIFIER_FLOOR = 0.5;

/** The most the qualifiers can add for this query (the data it has): lets the matcher skip hopeless names. */
export function maxBonus(query: ScreenQuery, weights: Record<string, number> = {}): number {
  const has: Record<string, boolean> = {
    dob_match: !!query.birth_date,
    country_match: !!query.countries?.length,
    identifier_match: !!query.identifiers?.length || !!query.identifier_hashes?.length,
  };
  let bonus = 0;
  for (const f of FEATURES) {
    const w = weights[f.name] ?? f.weight;
    if (f.name !== 'name_match' && w > 0 && (has[f.name] ?? true)) bonus += w;
  }
  return bonus;
}

export interface Contribution {
  feature: string;
  weight: number;
  value: number;
  points: number;
  detail: string;
}

export interface Scored {
  score: number;
  /** The sum before clamping: ranks two matches that both reach 1 by how much evidence they have. */
  total: number;
  contributions: Contribution[];
}

/** Apply the features in order; the contributions add up to the score (a clamp shows as its own line). */
export function scoreMatch(input: FeatureInput, weights: Record<string, number> = {}): Scored {
  const contributions: Contribution[] = [];
  let total = 0;
  for (const f of FEATURES) {
    if (f.name !== 'name_match' && input.comparison.score < QUALIFIER_FLOOR) continue;
    const r = f.fn(input);
    if (!r || r.value === 0) continue;
    const weight = weights[f.name] ?? f.weight;
    const points = weight * r.value;
    total += points;
    contributions.push({ feature: f.name, weight, value: r.value, points, detail: r.detail });
  }
  const clamped = Math.min(1, Math.max(0, total));
  if (clamped !== total) contributions.push({ feature: 'clamp', weight: 1, value: 1, points: clamped - total, detail: 'scores are kept within 0..1' });
  return { score: clamped, total, contributions };
}

/** Feature names, weights and descriptions, for the docs and the API. */
export function featureDocs(weights: Record<string, number> = {}): Array<{ name: string; weight: number; description: string }> {
  return FEATURES.map((f) => ({ name: f.name, weight: weights[f.name] ?? f.weight, description: f.description }));
}
