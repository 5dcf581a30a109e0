/**
 * A cluster as a graph: people, the identifiers two or more of them share, and the scored links
 * between them. Identifiers held by many members (the cluster's hubs: one address, one bank
 * account, one IP-KVM) are flagged so the UI can highlight them.
 */
import { hubType } from '../../link/describe.js';
import { IDENTIFIER_TYPES, type IdentifierType } from '../../model/values.js';
import type { Store } from '../../store/db.js';
import * as q from '../../store/repositories/queries-for-api.js';
import { listCases } from '../../store/repositories/cases.js';
import { maskText, needsMasking, presentIdentifierValue } from '../presenters/mask.js';
import type { Role } from '../security/roles.js';

function parseJson<T>(s: string, fallback: T): T {
  try {
    return JSON.parse(s) as T;
  } catch {
    return fallback;
  }
}

export async function buildClusterDetail(store: Store, id: string, role: Role, hubMinMembers: number) {
  const c = await q.getClusterRow(store, id);
  if (!c) return null;
  const mask = needsMasking(role);
  const memberIds = await q.clusterMemberIds(store, id);
  const [briefs, identifiers, links, cases] = await Promise.all([
    q.peopleBrief(store, memberIds),
    q.identifiersOf(store, memberIds),
    q.linksAmong(store, memberIds),
    listCases(store, { subject_type: 'cluster', subject_id: id, limit: 50, offset: 0 }),
  ]);
  const hubs = parseJson<Array<{ type: string; value: string; members: number }>>(c.hubs, []);
  const hubKeys = new Set(hubs.map((h) => `${h.type}\u0000${h.value}`));
  const isHub = (type: string, value: string, display: string | null) => hubKeys.has(`${type}\u0000${value}`) || (display !== null && hubKeys.has(`${type}\u0000${display}`));

  // The link stage's own record of what members share (resolved to the humans behind hired
  // candidates); without it, shared identifiers are derived from the identifiers table.
  const recorded = await q.clusterSharedValues(store, id);
  const shared = new Map<string, { type: string; value: string; display: string | null; people: Set<string> }>();
  if (recorded) {
    for (const v of recorded) {
      // Named as the link stage names its hubs, so hubs and shared values match.
      const type = v.kind === 'referral' ? 'referrer' : hubType(v.kind, v.role ?? null);
      shared.set(`${type}\u0000${v.display}`, { type, value: v.display, display: v.display, people: new Set(v.members.filter((m) => memberIds.includes(m))) });
    }
  } else {
    for (const i of identifiers) {
      const key = `${i.type}\u0000${i.value}`;
      const e = shared.get(key) ?? shared.set(key, { type: i.type, value: i.value, display: i.display, people: new Set() }).get(key)!;
      e.people.add(i.person_id);
    }
  }
  const idNodes = [...shared.entries()].filter(([, e]) => e.people.size >= 2);

  const nodes = [
    ...briefs.map((b) => ({
      id: b.id,
      kind: 'person' as const,
      label: b.full_name,
      person_kind: b.kind,
      score: b.score === null ? null : Number(b.score),
      level: b.level,
      identifier_type: null,
      degree: 0,
      hub: false,
    })),
    ...idNodes.map(([, e], n) => {
      const meta = IDENTIFIER_TYPES[e.type as IdentifierType];
      return {
        id: `id:${n}`,
        kind: 'identifier' as const,
        label: presentIdentifierValue(e.type, e.value, e.display, role, Boolean(meta?.secret)),
        person_kind: null,
        score: null,
        level: null,
        identifier_type: e.type,
        degree: e.people.size,
        hub: isHub(e.type, e.value, e.display) || e.people.size >= hubMinMembers,
        _people: e.people,
      };
    }),
  ];
  const edges: Array<{ source: string; target: string; kind: string; weight: number; label: string | null }> = [];
  for (const node of nodes) {
    if (node.kind !== 'identifier') continue;
    for (const p of (node as { _people: Set<string> })._people) edges.push({ source: p, target: node.id, kind: 'holds', weight: 1, label: node.identifier_type });
  }
  for (const l of links) edges.push({ source: l.person_a, target: l.person_b, kind: l.kind, weight: Number(l.score), label: l.kind });
  const degree = new Map<string, number>();
  for (const e of edges) for (const end of [e.source, e.target]) degree.set(end, (degree.get(end) ?? 0) + 1);

  return {
    cluster: {
      id: c.id,
      risk_score: Number(c.risk_score),
      risk_level: c.risk_level,
      reasons: parseJson<string[]>(c.reasons, []).map((r) => (mask ? maskText(r) : r)),
      hubs: hubs.map((h) => ({
        type: h.type,
        value: presentIdentifierValue(h.type, h.value, null, role, Boolean(IDENTIFIER_TYPES[h.type as IdentifierType]?.secret)),
        members: h.members,
      })),
      explanation: parseJson<unknown[]>(c.explanation, []),
      size: memberIds.length,
    },
    nodes: nodes.map(({ _people, ...n }: { _people?: Set<string> } & (typeof nodes)[number]) => ({ ...n, degree: n.kind === 'identifier' ? n.degree : (degree.get(n.id) ?? 0) })),
    edges,
    cases: cases.rows.map((x) => ({ id: x.id, title: x.title, status: x.status, resolution: x.resolution, assignee: x.assignee, updated_at: x.updated_at })),
  };
}
