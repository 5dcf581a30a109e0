/** Helpers the rules about people share: households, agencies and groups of people. */
import { normalizeAddress } from '../../enrich/address.js';
import type { Person } from '../../model/index.js';
import type { DetectData } from '../data.js';

/** The grouping key of a person's home address, or null without one. */
export function homeKey(p: Person | undefined): string | null {
  if (!p?.home?.street) return null;
  return normalizeAddress(p.home).key;
}

/**
 * A group that is one household (everyone has the same home address) or the contractors of one
 * staffing agency: the benign explanations for shared addresses, networks and accounts.
 */
export function benignGroup(data: DetectData, humans: string[], opts: { households?: boolean; agencies?: boolean }): 'household' | 'agency' | null {
  const people = humans.map((h) => data.people.get(h));
  if (opts.households) {
    const keys = people.map(homeKey);
    if (keys[0] && keys.every((k) => k === keys[0])) return 'household';
  }
  if (opts.agencies) {
    const agencies = people.map((p) => p?.agency?.trim().toLowerCase() || null);
    if (agencies[0] && agencies.every((a) => a === agencies[0])) return 'agency';
  }
  return null;
}

/** `{ id, name }` of the people in a group, for evidence. */
export function members(data: DetectData, humans: string[]) {
  return humans.map((h) => {
    const p = data.people.get(h);
    return { id: h, source_id: p?.source_id ?? h, name: p?.full_name ?? null, kind: p?.kind ?? null };
  });
}

/** Add to a map of sets. */
export function addTo<K, V>(m: Map<K, Set<V>>, k: K, v: V): void {
  let s = m.get(k);
  if (!s) m.set(k, (s = new Set()));
  s.add(v);
}
