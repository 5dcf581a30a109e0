/**
 * Record keys and the humans behind them. A hired candidate is the employee it became: its
 * identifiers, findings and links belong to the employee's key (`candidate:C77` → `person:E1042`).
 */
import { parsePersonKey, type Person } from '../model/index.js';

/** Accept either an internal key (`person:E1`, `candidate:C7`) or a bare HR person_id. */
export function toPersonKey(id: string): string {
  return id.startsWith('person:') || id.startsWith('candidate:') ? id : `person:${id}`;
}

/** The source id shown to people: `person:E1042` → `E1042`. */
export function sourceIdOf(key: string): string {
  try {
    return parsePersonKey(key).sourceId;
  } catch {
    return key;
  }
}

/** Record key → the key of the human it belongs to (itself, or the employee a candidate became). */
export function subjectMap(people: Person[]): Map<string, string> {
  const known = new Set(people.map((p) => p.id));
  const map = new Map<string, string>();
  for (const p of people) {
    const hired = p.kind === 'candidate' && p.hired_person_id ? toPersonKey(p.hired_person_id) : null;
    map.set(p.id, hired && known.has(hired) ? hired : p.id);
  }
  return map;
}
