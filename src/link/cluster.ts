/**
 * Clusters: connected components over strong edges only. Weak edges (one shared residential IP, a
 * referral, a near-duplicate resume) never join two people on their own, so unrelated people are
 * not chained together through them; values shared by too many people carry no weight at all
 * (see graph.ts). A component that still grows past `max_cluster_size` is split by raising the
 * threshold for its own edges until its parts fit.
 */
import type { Edges } from './graph.js';
import { UnionFind } from './union-find.js';

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
