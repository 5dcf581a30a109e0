/**
 * Counting each fact once. Findings name the facts they rest on (`fact_keys`); findings that share
 * a fact are one piece of evidence however many rules saw it — three rules reading the same VPN
 * sign-ins count as the strongest of the three, not three times. Shared values of a cluster are
 * facts too (`address:<key>`), so a rule that reports the same shared address merges with them.
 */
import type { Finding } from '../model/index.js';
import { UnionFind } from '../util/union-find.js';

/** Anything that can count toward a score: a finding, a shared value, an alias. */
export interface EvidenceItem {
  facts: string[];
  points: number;
  label: string;
  source: string;
  detail?: string | null;
  /** The subject the item belongs to (a person key); null for cluster-level structure. */
  owner: string | null;
  finding?: Finding;
}

export interface EvidenceGroup {
  items: EvidenceItem[];
  lead: EvidenceItem;
  points: number;
  facts: Set<string>;
}

/** Facts a finding rests on; a finding without any stands for itself. */
export function factsOf(f: Finding): string[] {
  return f.fact_keys?.length ? f.fact_keys : [`finding:${f.id}`];
}

/** Join items that share any fact; each group is worth its strongest item. */
export function groupEvidence(items: EvidenceItem[]): EvidenceGroup[] {
  const uf = new UnionFind(items.length);
  const byFact = new Map<string, number>();
  items.forEach((it, i) => {
    for (const f of it.facts) {
      const j = byFact.get(f);
      if (j === undefined) byFact.set(f, i);
      else uf.union(i, j);
    }
  });
  const groups = new Map<number, EvidenceItem[]>();
  items.forEach((it, i) => {
    const r = uf.find(i);
    const g = groups.get(r);
    if (g) g.push(it);
    else groups.set(r, [it]);
  });
  return [...groups.values()].map((list) => {
    const lead = list.reduce((best, it) => (it.points > best.points ? it : best));
    return { items: list, lead, points: lead.points, facts: new Set(list.flatMap((it) => it.facts)) };
  });
}

/** The explanation line of a group: its strongest item, and what else said the same. */
export function groupDetail(g: EvidenceGroup): string | null {
  const others = g.items.filter((it) => it !== g.lead);
  const base = g.lead.detail ?? null;
  if (!others.length) return base;
  const also = `same facts also reported by ${[...new Set(others.map((o) => o.source))].join(', ')} (counted once)`;
  return base ? `${base}; ${also}` : also;
}
