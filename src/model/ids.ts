import { createHash } from 'node:crypto';
import type { PersonKind } from './values.js';

/**
 * Internal person keys. Employees/contractors and candidates share one table, so their source ids
 * are namespaced: `person:E1042`, `candidate:C77`. Output documents use the source id.
 */
export function personKey(kind: PersonKind, sourceId: string): string {
  return kind === 'candidate' ? `candidate:${sourceId}` : `person:${sourceId}`;
}

export function parsePersonKey(key: string): { namespace: 'person' | 'candidate'; sourceId: string } {
  const i = key.indexOf(':');
  const ns = key.slice(0, i);
  if (i < 0 || (ns !== 'person' && ns !== 'candidate')) throw new Error(`not a person key: ${key}`);
  return { namespace: ns, sourceId: key.slice(i + 1) };
}

/** Stable content id: the same parts always give the same id, so re-ingesting adds nothing twice. */
export function contentId(...parts: Array<string | number | null | undefined>): string {
  const h = createHash('sha256');
  for (const p of parts) {
    h.update(p === null || p === undefined ? '\u0000' : String(p));
    h.update('\u001f');
  }
  return h.digest('hex').slice(0, 32);
}
