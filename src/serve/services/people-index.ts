/**
 * The people table's index: one compact entry per person (name, kind, department, score, level,
 * rules fired, cluster), kept in memory and rebuilt when the data changes. Listing, filtering and
 * sorting 100,000 people then costs a few milliseconds on either database, instead of a join and a
 * sort per request. Memory grows with people, not with events.
 */
import { RISK_LEVELS } from '../../model/values.js';
import type { Store } from '../../store/db.js';
import { dataSignature, loadClusterMembership, loadPeopleIndexRows, loadPersonRulePairs, type PersonIndexRow } from '../../store/repositories/queries-for-api.js';

export interface PersonEntry extends PersonIndexRow {
  rules: string[];
  cluster_id: string | null;
  /** Lower-cased text the search box matches against. */
  haystack: string;
}

export interface PeopleSnapshot {
  entries: PersonEntry[];
  /** Entries by score (highest first, unscored last), then id. */
  byScore: PersonEntry[];
  /** Entries in ascending order of each sort key, sorted once per build: requests only filter. */
  sorted: Record<SortKey, PersonEntry[]>;
  byId: Map<string, PersonEntry>;
  levels: Record<string, number>;
  kinds: Record<string, number>;
  departments: Array<{ value: string; n: number }>;
  rules: Array<{ value: string; n: number }>;
  signature: string;
  built_at: string;
}

export const SORT_KEYS = ['score', 'name', 'department', 'kind', 'source_id', 'level'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface PeopleQuery {
  q?: string;
  level?: string[];
  rule?: string;
  department?: string;
  kind?: string;
  cluster?: string;
  sort: SortKey;
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
}

const LEVEL_RANK: Record<string, number> = Object.fromEntries(RISK_LEVELS.map((l, i) => [l, i + 1]));

// One collator for every sort: far faster than String.prototype.localeCompare per comparison.
const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
const cmp = (a: string, b: string) => collator.compare(a, b);

function compare(key: SortKey): (a: PersonEntry, b: PersonEntry) => number {
  const str = (x: string | null) => x ?? '\uffff';
  switch (key) {
    case 'score':
    case 'level':
      return (a, b) => (a.score ?? -1) - (b.score ?? -1) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
    case 'name':
      return (a, b) => cmp(a.full_name, b.full_name) || cmp(a.id, b.id);
    case 'department':
      return (a, b) => cmp(str(a.department), str(b.department)) || cmp(a.full_name, b.full_name);
    case 'kind':
      return (a, b) => cmp(a.kind, b.kind) || cmp(a.full_name, b.full_name);
    case 'source_id':
      return (a, b) => cmp(a.source_id, b.source_id);
  }
}

export class PeopleIndex {
  #snapshot: PeopleSnapshot | null = null;
  #building: Promise<PeopleSnapshot> | null = null;
  #checkedAt = 0;
  #checking: Promise<void> | null = null;

  constructor(
    private readonly store: Store,
    /** How often (ms) to look whether the data changed underneath (a CLI scan, another server). */
    private readonly recheckMs = 2000,
  ) {}

  /** Drop the snapshot: the next read rebuilds it (after a re-score started here, for example). */
  invalidate(): void {
    this.#snapshot = null;
    this.#checkedAt = 0;
  }

  async get(): Promise<PeopleSnapshot> {
    if (!this.#snapshot) return this.#build();
    const now = Date.now();
    if (now - this.#checkedAt > this.recheckMs && !this.#checking) {
      this.#checkedAt = now;
      // Stale-while-revalidate: this request uses the current snapshot, a later one the rebuilt one.
      this.#checking = dataSignature(this.store)
        .then(async (sig) => {
          if (this.#snapshot && sig !== this.#snapshot.signature) await this.#build();
        })
        .catch(() => undefined)
        .finally(() => (this.#checking = null));
    }
    return this.#snapshot;
  }

  #build(): Promise<PeopleSnapshot> {
    this.#building ??= this.#load().finally(() => (this.#building = null));
    return this.#building;
  }

  async #load(): Promise<PeopleSnapshot> {
    const signature = await dataSignature(this.store);
    const [rows, pairs, members] = await Promise.all([loadPeopleIndexRows(this.store), loadPersonRulePairs(this.store), loadClusterMembership(this.store)]);
    const rulesOf = new Map<string, string[]>();
    const ruleCounts = new Map<string, number>();
    for (const p of pairs) {
      (rulesOf.get(p.subject_id) ?? rulesOf.set(p.subject_id, []).get(p.subject_id)!).push(p.rule_id);
      ruleCounts.set(p.rule_id, (ruleCounts.get(p.rule_id) ?? 0) + 1);
    }
    const clusterOf = new Map(members.map((m) => [m.person_id, m.cluster_id]));
    const levels: Record<string, number> = { unscored: 0, ...Object.fromEntries(RISK_LEVELS.map((l) => [l, 0])) };
    const kinds: Record<string, number> = {};
    const departments = new Map<string, number>();
    const entries: PersonEntry[] = rows.map((r) => {
      levels[r.level ?? 'unscored'] = (levels[r.level ?? 'unscored'] ?? 0) + 1;
      kinds[r.kind] = (kinds[r.kind] ?? 0) + 1;
      if (r.department) departments.set(r.department, (departments.get(r.department) ?? 0) + 1);
      return {
        ...r,
        score: r.score === null ? null : Number(r.score),
        rules: (rulesOf.get(r.id) ?? []).sort(),
        cluster_id: clusterOf.get(r.id) ?? null,
        haystack: [r.full_name, r.source_id, r.work_email, r.department, r.title, r.agency].filter(Boolean).join('\u0000').toLowerCase(),
      };
    });
    // Names are collated once; kind and department sorts are stable sorts of the name order by a
    // plain comparison of their few distinct values, which is what the slow part would redo.
    const byName = [...entries].sort(compare('name'));
    const plain = (f: (e: PersonEntry) => string) => (a: PersonEntry, b: PersonEntry) => (f(a) < f(b) ? -1 : f(a) > f(b) ? 1 : 0);
    const score = [...entries].sort(compare('score'));
    const sorted: Record<SortKey, PersonEntry[]> = {
      score,
      level: score,
      name: byName,
      kind: [...byName].sort(plain((e) => e.kind)),
      department: [...byName].sort(plain((e) => e.department ?? '\uffff')),
      source_id: [...entries].sort(compare('source_id')),
    };
    const byScore = [...sorted.score].reverse();
    const snapshot: PeopleSnapshot = {
      entries,
      byScore,
      sorted,
      byId: new Map(entries.map((e) => [e.id, e])),
      levels,
      kinds,
      departments: [...departments].map(([value, n]) => ({ value, n })).sort((a, b) => a.value.localeCompare(b.value)),
      rules: [...ruleCounts].map(([value, n]) => ({ value, n })).sort((a, b) => b.n - a.n || a.value.localeCompare(b.value)),
      signature,
      built_at: new Date().toISOString(),
    };
    this.#snapshot = snapshot;
    this.#checkedAt = Date.now();
    return snapshot;
  }

  async query(q: PeopleQuery): Promise<{ total: number; rows: PersonEntry[]; snapshot: PeopleSnapshot }> {
    const snap = await this.get();
    const needle = q.q?.trim().toLowerCase();
    const levels = q.level?.length ? new Set(q.level) : null;
    const keep = (e: PersonEntry) =>
      (!levels || levels.has(e.level ?? 'unscored')) &&
      (!q.kind || e.kind === q.kind) &&
      (!q.department || e.department === q.department) &&
      (!q.rule || e.rules.includes(q.rule)) &&
      (!q.cluster || e.cluster_id === q.cluster) &&
      (!needle || e.haystack.includes(needle));
    // Walk the list pre-sorted by the key, forwards or backwards: no sort per request; only the
    // requested page is collected, the rest is counted.
    const ordered = snap.sorted[q.sort];
    const rows: PersonEntry[] = [];
    const end = q.offset + q.limit;
    let total = 0;
    const n = ordered.length;
    for (let k = 0; k < n; k++) {
      const e = ordered[q.order === 'asc' ? k : n - 1 - k]!;
      if (!keep(e)) continue;
      if (total >= q.offset && total < end) rows.push(e);
      total++;
    }
    return { total, rows, snapshot: snap };
  }
}

export { LEVEL_RANK };
