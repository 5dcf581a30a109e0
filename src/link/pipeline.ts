/**
 * The link stage as one pure function over canonical records: identifiers → value groups and
 * weights → edges (shared values, referrals, same-human matches) → clusters with reasons and hubs.
 * src/link/index.ts feeds it from the store and saves what it returns.
 */
import { LINK_KINDS, type LinkConfig, type LinkKind } from '../config/sections/score.js';
import { contentId, type Identifier, type Person } from '../model/index.js';
import { absorbHubs, clusterEdges } from './cluster.js';
import { addressRole, hubType, identifierFactKeys, sameLabel, sharedReason, type AddressRole, type SharedGroup } from './describe.js';
import { buildEdges, groupByValue, valueWeights, type DirectEdge, type Edges, type ValueGroups } from './graph.js';
import { IdentifierIndex, toDays } from './identifier-index.js';
import { extractIdentifiers, type LinkSources, type Normalizers } from './identifiers.js';
import { resolveRecords, type MatchResult, type NameFunctions, type ResolutionRecord } from './resolution.js';
import { sourceIdOf, subjectMap, toPersonKey } from './subjects.js';

export interface LinkFunctions extends Normalizers {
  names: NameFunctions;
}

export interface LinkContribution {
  label: string;
  points: number;
  source: string;
  detail: string | null;
}

export interface LinkRecord {
  id: string;
  person_a: string;
  person_b: string;
  kind: 'shared_identifiers' | 'same_person' | 'referral';
  score: number;
  reasons: LinkContribution[];
}

/** A value that several members of a cluster share: a fact the scorer counts once. */
export interface SharedValue {
  kind: LinkKind | 'referral';
  /** For addresses: whether the sharers hold it as home, shipping destination, both, or mixed. */
  role: AddressRole | null;
  display: string;
  members: string[];
  fact_keys: string[];
}

export interface ClusterDraft {
  id: string;
  person_ids: string[];
  reasons: string[];
  hubs: Array<{ type: string; value: string; members: number }>;
  shared: SharedValue[];
  /** Same-human matches between members whose names differ: one person under several names. */
  aliases: MatchResult[];
  /** Changes whenever the members or what they share change: an analyst's decision on the cluster lapses then. */
  fingerprint: string;
}

export interface LinkResult {
  identifiers: Identifier[];
  /** Record key → key of the human it belongs to. */
  subjects: Map<string, string>;
  links: LinkRecord[];
  clusters: ClusterDraft[];
  stats: { identifiers: number; values: number; edges: number; strong_edges: number; clusters: number; largest: number; same_person: number };
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

export function linkRecords(src: LinkSources, cfg: LinkConfig, fns: LinkFunctions): LinkResult {
  const subjects = subjectMap(src.people);
  const identifiers = extractIdentifiers(src, fns, cfg);

  const index = new IdentifierIndex();
  const people = new Map<string, Person>();
  for (const p of src.people) {
    people.set(p.id, p);
    index.subject(subjects.get(p.id)!);
  }
  const agency: Array<string | null> = index.subjects.map((k) => people.get(k)?.agency?.trim().toLowerCase() || null);
  const ipFactor = new Map<string, number>();
  const perRecord = new Map<string, { emails: string[]; phones: string[]; addresses: string[] }>();
  for (const id of identifiers) {
    const subjectKey = subjects.get(id.person_id);
    if (!subjectKey) continue; // a shipment or payment for nobody on file links no one
    const v = index.add(index.subject(subjectKey), id.type, id.value, id.display ?? null, toDays(id.first_seen), toDays(id.last_seen));
    if (id.type === 'ip') {
      let f = ipFactor.get(id.value);
      if (f === undefined) {
        const cls = fns.ipClass(id.value);
        ipFactor.set(id.value, (f = cls === 'private' ? 0 : cfg.ip_class_factor[cls]));
      }
      index.valueFactor[v] = f;
    }
    if (id.type === 'email' || id.type === 'phone' || id.type === 'home_address') {
      let r = perRecord.get(id.person_id);
      if (!r) perRecord.set(id.person_id, (r = { emails: [], phones: [], addresses: [] }));
      (id.type === 'email' ? r.emails : id.type === 'phone' ? r.phones : r.addresses).push(id.value);
    }
  }

  // Direct edges: referrals, and records that are one human.
  const referrals: Array<{ referrer: number; referred: number; key: string }> = [];
  for (const p of src.people) {
    if (!p.referred_by) continue;
    const referrer = subjects.get(toPersonKey(p.referred_by));
    if (referrer) referrals.push({ referrer: index.subject(referrer), referred: index.subject(subjects.get(p.id)!), key: referrer });
  }
  const resolution: ResolutionRecord[] = src.people.map((p) => ({
    key: p.id,
    subject: index.subjectIndex(subjects.get(p.id)!)!,
    name: p.full_name,
    dob: p.date_of_birth ?? null,
    ...(perRecord.get(p.id) ?? { emails: [], phones: [], addresses: [] }),
  }));
  const { groups, weights, direct, directInfo, edges, clusters, matches } = runGraph(index, cfg, fns.names, { agency, resolution, referrals, keepEvidence: true });
  const drafts = describeClusters(index, groups, weights, clusters, direct, directInfo, cfg);
  const links = linkRows(index, groups, edges, weights, direct, directInfo, src.people, subjects);

  let strong = 0;
  for (let e = 0; e < edges.count; e++) if (edges.strength[e]! >= cfg.join_threshold) strong++;
  return {
    identifiers,
    subjects,
    links,
    clusters: drafts,
    stats: {
      identifiers: identifiers.length,
      values: index.valueCount,
      edges: edges.count,
      strong_edges: strong,
      clusters: drafts.length,
      largest: drafts.reduce((m, c) => Math.max(m, c.person_ids.length), 0),
      same_person: matches.length,
    },
  };
}

export interface GraphOptions {
  agency?: Array<string | null>;
  resolution: ResolutionRecord[];
  referrals: Array<{ referrer: number; referred: number; key: string }>;
  keepEvidence: boolean;
}

export interface GraphRun {
  groups: ValueGroups;
  weights: Float32Array;
  direct: DirectEdge[];
  directInfo: Array<{ referrer?: string; match?: MatchResult }>;
  matches: MatchResult[];
  edges: Edges;
  clusters: number[][];
}

/** The graph proper, over interned identifiers: weights, same-human matches, edges, clusters. */
export function runGraph(index: IdentifierIndex, cfg: LinkConfig, names: NameFunctions, opts: GraphOptions): GraphRun {
  const groups = groupByValue(index);
  const weights = valueWeights(index, groups, cfg, opts.agency);
  const direct: DirectEdge[] = [];
  const directInfo: Array<{ referrer?: string; match?: MatchResult }> = [];
  for (const r of opts.referrals) {
    direct.push({ a: r.referrer, b: r.referred, weight: cfg.referral_weight, kind: 'referral' });
    directInfo.push({ referrer: r.key });
  }
  const byKey = new Map(opts.resolution.map((r) => [r.key, r.subject]));
  const matches = resolveRecords(opts.resolution, cfg.resolution, names, { sharedContact: contactGroups(index, groups, opts.resolution, cfg.resolution.max_block) });
  for (const m of matches) {
    direct.push({ a: byKey.get(m.a)!, b: byKey.get(m.b)!, weight: m.probability, kind: 'same_person' });
    directInfo.push({ match: m });
  }
  const edges = buildEdges(index, groups, weights, cfg, { agency: opts.agency, direct, keepEvidence: opts.keepEvidence });
  const referrals = new Map<number, number[]>();
  for (const r of opts.referrals) (referrals.get(r.referrer) ?? referrals.set(r.referrer, []).get(r.referrer)!).push(r.referred);
  const clusters = absorbHubs(clusterEdges(edges, cfg.join_threshold, cfg.max_cluster_size), {
    subjectCount: index.subjectCount,
    valueMembers: linkingValues(groups, weights),
    referrals,
    hubMinMembers: cfg.hub_min_members,
    maxSize: cfg.max_cluster_size,
  });
  return { groups, weights, direct, directInfo, matches, edges, clusters };
}

/** Record indexes sharing an email or a phone, from the value groups the graph already has. */
function* contactGroups(index: IdentifierIndex, groups: ValueGroups, records: ResolutionRecord[], maxBlock: number): Generator<number[]> {
  const email = LINK_KINDS.indexOf('email');
  const phone = LINK_KINDS.indexOf('phone');
  const recordsOf = new Map<number, number[]>();
  records.forEach((r, i) => {
    const l = recordsOf.get(r.subject);
    if (l) l.push(i);
    else recordsOf.set(r.subject, [i]);
  });
  for (let v = 0; v < index.valueCount; v++) {
    const k = index.valueKind[v];
    const size = groups.start[v + 1]! - groups.start[v]!;
    if ((k !== email && k !== phone) || size < 2 || size > maxBlock) continue;
    const out: number[] = [];
    for (let m = groups.start[v]!; m < groups.start[v + 1]!; m++) out.push(...(recordsOf.get(groups.members[m]!) ?? []));
    yield out;
  }
}

function* linkingValues(groups: ValueGroups, weights: Float32Array): Generator<Int32Array> {
  for (let v = 0; v < weights.length; v++) if (weights[v]! > 0) yield groups.members.subarray(groups.start[v]!, groups.start[v + 1]!);
}

function linkRows(
  index: IdentifierIndex,
  groups: ValueGroups,
  edges: Edges,
  weights: Float32Array,
  direct: DirectEdge[],
  info: Array<{ referrer?: string; match?: MatchResult }>,
  people: Person[],
  subjects: Map<string, string>,
): LinkRecord[] {
  const rows: LinkRecord[] = [];
  for (let e = 0; e < edges.count; e++) {
    const a = index.subjects[edges.a[e]!]!;
    const b = index.subjects[edges.b[e]!]!;
    const [pa, pb] = a < b ? [a, b] : [b, a];
    const shared: LinkContribution[] = [];
    for (const ev of edges.evidence![e]!) {
      if (ev >= 0) {
        const kind = LINK_KINDS[index.valueKind[ev]!]!;
        const masks: number[] = [];
        for (let k = groups.start[ev]!; k < groups.start[ev + 1]!; k++) {
          const m = groups.members[k]!;
          if (m === edges.a[e] || m === edges.b[e]) masks.push(groups.types[k]!);
        }
        shared.push({ label: sameLabel(kind, kind === 'address' ? addressRole(masks) : null), points: round3(weights[ev]!), source: kind, detail: index.valueDisplay[ev] ?? null });
        continue;
      }
      const d = direct[-1 - ev]!;
      const i = info[-1 - ev]!;
      if (d.kind === 'referral') {
        rows.push({ id: contentId('link', pa, pb, 'referral'), person_a: pa, person_b: pb, kind: 'referral', score: round3(d.weight), reasons: [{ label: 'referral', points: round3(d.weight), source: 'referred_by', detail: `referred by ${sourceIdOf(i.referrer!)}` }] });
      } else {
        const m = i.match!;
        rows.push({
          id: contentId('link', pa, pb, 'same_person'),
          person_a: pa,
          person_b: pb,
          kind: 'same_person',
          score: round3(m.probability),
          reasons: m.explanation.map((f) => ({ label: f.feature, points: round3(f.weight), source: 'resolution', detail: f.detail })),
        });
      }
    }
    if (shared.length) {
      const score = 1 - shared.reduce((p, c) => p * (1 - Math.min(c.points, 0.999)), 1);
      rows.push({ id: contentId('link', pa, pb, 'shared_identifiers'), person_a: pa, person_b: pb, kind: 'shared_identifiers', score: round3(score), reasons: shared });
    }
  }
  // A hired candidate is folded into the employee it became; the link says so.
  for (const p of people) {
    const to = subjects.get(p.id)!;
    if (to === p.id) continue;
    rows.push({ id: contentId('link', p.id, to, 'same_person'), person_a: p.id, person_b: to, kind: 'same_person', score: 1, reasons: [{ label: 'hired as', points: 1, source: 'hired_person_id', detail: `candidate ${p.source_id} was hired as ${sourceIdOf(to)}` }] });
  }
  return rows;
}

function describeClusters(
  index: IdentifierIndex,
  groups: ValueGroups,
  weights: Float32Array,
  clusters: number[][],
  direct: DirectEdge[],
  info: Array<{ referrer?: string; match?: MatchResult }>,
  cfg: LinkConfig,
): ClusterDraft[] {
  const clusterOf = new Int32Array(index.subjectCount).fill(-1);
  clusters.forEach((members, c) => members.forEach((s) => (clusterOf[s] = c)));
  const shared: SharedValue[][] = clusters.map(() => []);

  for (let v = 0; v < index.valueCount; v++) {
    if (!(weights[v]! > 0)) continue;
    const byCluster = new Map<number, { members: string[]; masks: number[] }>();
    for (let k = groups.start[v]!; k < groups.start[v + 1]!; k++) {
      const c = clusterOf[groups.members[k]!]!;
      if (c < 0) continue;
      let g = byCluster.get(c);
      if (!g) byCluster.set(c, (g = { members: [], masks: [] }));
      g.members.push(index.subjects[groups.members[k]!]!);
      g.masks.push(groups.types[k]!);
    }
    const kind = LINK_KINDS[index.valueKind[v]!]!;
    for (const [c, g] of byCluster) {
      if (g.members.length < 2) continue;
      shared[c]!.push({ kind, role: kind === 'address' ? addressRole(g.masks) : null, display: index.valueDisplay[v] ?? '', members: g.members, fact_keys: identifierFactKeys(kind, index.rawValue(v)) });
    }
  }

  const referrals: Array<Map<string, string[]>> = clusters.map(() => new Map());
  const aliases: MatchResult[][] = clusters.map(() => []);
  direct.forEach((d, k) => {
    const c = clusterOf[d.a]!;
    if (c < 0 || c !== clusterOf[d.b]) return;
    const i = info[k]!;
    if (d.kind === 'referral') {
      const list = referrals[c]!.get(i.referrer!) ?? [];
      list.push(index.subjects[d.b]!);
      referrals[c]!.set(i.referrer!, list);
    } else aliases[c]!.push(i.match!);
  });

  return clusters.map((members, c) => {
    const personIds = members.map((s) => index.subjects[s]!).sort();
    const values = shared[c]!;
    for (const [referrer, referred] of referrals[c]!) {
      values.push({ kind: 'referral', role: null, display: sourceIdOf(referrer), members: [referrer, ...referred], fact_keys: [`referrer:${referrer}`] });
    }
    const facts = values.map((v) => `${v.fact_keys[0]}=${[...v.members].sort().join(',')}`).sort();
    return {
      id: `C-${contentId('cluster', ...personIds).slice(0, 10)}`,
      fingerprint: `cluster:${contentId(...personIds, '|', ...facts)}`,
      person_ids: personIds,
      reasons: clusterReasons(values, aliases[c]!),
      hubs: values
        .filter((v) => v.members.length >= cfg.hub_min_members)
        .sort((x, y) => y.members.length - x.members.length)
        .map((v) => ({ type: v.kind === 'referral' ? 'referrer' : hubType(v.kind, v.role), value: v.display, members: v.members.length })),
      shared: values,
      aliases: aliases[c]!,
    };
  });
}

function clusterReasons(values: SharedValue[], aliases: MatchResult[]): string[] {
  const byNoun = new Map<string, SharedGroup & { who: Set<string> }>();
  const referrers: string[] = [];
  for (const v of values) {
    if (v.kind === 'referral') {
      referrers.push(`${v.display} referred ${v.members.length - 1} of them`);
      continue;
    }
    const key = v.kind === 'address' ? `address:${v.role}` : v.kind;
    let g = byNoun.get(key);
    if (!g) byNoun.set(key, (g = { kind: v.kind, role: v.role, display: v.display, people: 0, values: 0, who: new Set() }));
    g.values++;
    v.members.forEach((m) => g.who.add(m));
  }
  const groups = [...byNoun.values()].map((g) => ({ ...g, people: g.who.size }));
  groups.sort((x, y) => y.people - x.people || y.values - x.values);
  const out = groups.map(sharedReason);
  out.push(...referrers);
  for (const m of aliases) {
    out.push(`${sourceIdOf(m.a)} and ${sourceIdOf(m.b)} look like one person (${(m.probability * 100).toFixed(0)}%: ${m.explanation.filter((f) => f.weight > 0 && f.feature !== 'prior').map((f) => f.feature).join(', ')})`);
  }
  return out;
}
