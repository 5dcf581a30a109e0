/**
 * Clusters: connected components over strong edges only. Weak edges (one shared residential IP, a
 * referral, a near-duplicate resume) never join two people on their own, so unrelated people are
 * not chained together through them; values shared by too many people carry no weight at all
 * (see graph.ts). A component that still grows past `max_cluster_size` is split by raising the
 * threshold for its own edges until its parts fit.
 */
import type { Edges } from './graph.js';
import { UnionFind } from '../util/union-find.js';

/** Members of each cluster (subject indexes, ascending), largest first. */
export function clusterEdges(edges: Edges, threshold: number, maxSize: number): number[][] {
  const strong: number[] = [];
  for (let e = 0; e < edges.count; e++) if (edges.strength[e]! >= threshold) strong.push(e);
  const out: number[][] = [];
  split(edges, Int32Array.from(strong), maxSize, out);
  return out.sort((x, y) => y.length - x.length || x[0]! - y[0]!);
}

/**
 * Components over the given edges; one still too large loses its weakest edges (a single-linkage
 * cut just above its weakest link) and is split again, so the strongest ties stay together.
 * Works on local node numbers, so each round costs what its edges cost.
 */
function split(edges: Edges, subset: Int32Array, maxSize: number, out: number[][]): void {
  if (subset.length === 0) return;
  const local = new Map<number, number>();
  const nodes: number[] = [];
  const loc = (x: number) => {
    let i = local.get(x);
    if (i === undefined) {
      local.set(x, (i = nodes.length));
      nodes.push(x);
    }
    return i;
  };
  const la = new Int32Array(subset.length);
  const lb = new Int32Array(subset.length);
  for (let k = 0; k < subset.length; k++) {
    la[k] = loc(edges.a[subset[k]!]!);
    lb[k] = loc(edges.b[subset[k]!]!);
  }
  const uf = new UnionFind(nodes.length);
  for (let k = 0; k < subset.length; k++) uf.union(la[k]!, lb[k]!);
  const oversize = new Map<number, number[]>();
  for (const g of uf.groups(2)) {
    if (g.length <= maxSize) out.push(g.map((i) => nodes[i]!).sort((x, y) => x - y));
    else oversize.set(uf.find(g[0]!), g);
  }
  if (!oversize.size) return;
  const inside = new Map<number, number[]>();
  for (let k = 0; k < subset.length; k++) {
    const r = uf.find(la[k]!);
    if (oversize.has(r)) (inside.get(r) ?? inside.set(r, []).get(r)!).push(subset[k]!);
  }
  for (const [root, list] of inside) {
    let weakest = Infinity;
    for (const e of list) weakest = Math.min(weakest, edges.strength[e]!);
    const stronger = list.filter((e) => edges.strength[e]! > weakest);
    // Every edge equally strong: nothing principled to cut, the group stays whole.
    if (stronger.length === 0) out.push(oversize.get(root)!.map((i) => nodes[i]!).sort((x, y) => x - y));
    else split(edges, Int32Array.from(stronger), maxSize, out);
  }
}

/** The baseline the benchmark compares with: plain connected components over every edge. */
export function componentsOfAllEdges(subjectCount: number, edges: Edges): number[][] {
  const uf = new UnionFind(subjectCount);
  for (let e = 0; e < edges.count; e++) uf.union(edges.a[e]!, edges.b[e]!);
  return uf.groups(2);
}

export interface HubInput {
  subjectCount: number;
  /** Members of each value that links (weight > 0), as subject indexes. */
  valueMembers: Iterable<ArrayLike<number>>;
  /** Referrer → the people they referred (subject indexes). */
  referrals: Map<number, number[]>;
  hubMinMembers: number;
  maxSize: number;
}

/**
 * Hubs finish what weak links leave apart, without chaining strangers:
 *  - a value that belongs to clusters only (nobody outside them holds it) and is held by at least
 *    two members of each joins those clusters: the farm's one home IP behind two groups paid into
 *    two different accounts;
 *  - people outside any cluster who hold a value with at least `hubMinMembers` members of one
 *    cluster, and fewer than those members (and nobody else), join it — the fourth and fifth
 *    applicant with the ring's résumé; so does a referrer who referred that many members.
 * A value anyone outside the clusters also holds (a carrier's shared IP) never joins anything.
 */
export function absorbHubs(clusters: number[][], h: HubInput): number[][] {
  if (!clusters.length) return clusters;
  const clusterOf = new Int32Array(h.subjectCount).fill(-1);
  clusters.forEach((members, c) => members.forEach((s) => (clusterOf[s] = c)));
  const uf = new UnionFind(clusters.length);
  const size = clusters.map((c) => c.length);
  const extra = new Map<number, number>(); // unclustered subject → cluster it joins
  const tryJoin = (a: number, b: number) => {
    const ra = uf.find(a);
    const rb = uf.find(b);
    if (ra === rb || size[ra]! + size[rb]! > h.maxSize) return;
    const r = uf.union(ra, rb);
    size[r] = size[ra]! + size[rb]!;
  };
  for (const members of h.valueMembers) {
    const per = new Map<number, number>();
    const outside: number[] = [];
    for (let i = 0; i < members.length; i++) {
      const c = clusterOf[members[i]!]!;
      if (c < 0) outside.push(members[i]!);
      else per.set(c, (per.get(c) ?? 0) + 1);
    }
    if (!per.size) continue;
    const held = [...per].filter(([, n]) => n >= 2).map(([c]) => c);
    if (outside.length === 0 && held.length >= 2 && held.length === per.size) {
      for (let i = 1; i < held.length; i++) tryJoin(held[0]!, held[i]!);
    } else if (outside.length > 0 && per.size === 1) {
      // The cluster's own value, held by a few more: they join when the cluster holds the majority.
      const [c, n] = [...per][0]!;
      if (n >= h.hubMinMembers && outside.length < n) for (const o of outside) if (!extra.has(o)) extra.set(o, c);
    }
  }
  for (const [referrer, referred] of h.referrals) {
    if (clusterOf[referrer]! >= 0 || extra.has(referrer)) continue;
    const per = new Map<number, number>();
    for (const s of referred) if (clusterOf[s]! >= 0) per.set(clusterOf[s]!, (per.get(clusterOf[s]!) ?? 0) + 1);
    const best = [...per].sort((x, y) => y[1] - x[1])[0];
    if (best && best[1] >= h.hubMinMembers) extra.set(referrer, best[0]);
  }
  const merged = new Map<number, number[]>();
  clusters.forEach((members, c) => {
    const r = uf.find(c);
    (merged.get(r) ?? merged.set(r, []).get(r)!).push(...members);
  });
  for (const [s, c] of extra) {
    const r = uf.find(c);
    if (size[r]! < h.maxSize) {
      merged.get(r)!.push(s);
      size[r]!++;
    }
  }
  return [...merged.values()].map((m) => m.sort((x, y) => x - y)).sort((x, y) => y.length - x.length || x[0]! - y[0]!);
}
