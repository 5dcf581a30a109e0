/**
 * The scan document (`unmask scan DIR --json FILE`), as ../shared/docs/data-contract.md asks and
 * docs/output-schema.json describes: every person and candidate once (a hired candidate under the
 * employee's person_id, its findings merged in) with score, level, findings and explanation; the
 * clusters with reasons and hubs; and metadata: when, which version, which data and its credits.
 * Ids are the source systems' own (`E1042`, not `person:E1042`).
 */
import { readFileSync } from 'node:fs';
import { allRules } from '../detect/catalog.js';
import { sourceIdOf } from '../link/subjects.js';
import type { PersonKind, RiskLevel, Severity } from '../model/index.js';
import { findingFingerprint } from '../score/fingerprint.js';
import { feedbackState, findingOwnership } from '../score/index.js';
import type { Contribution } from '../score/waterfall.js';
import type { Store } from '../store/db.js';
import { latestScanRun, listFeedbackEvidence } from '../store/repositories/link.js';
import { listClusters, listFeedback, listFindings, listRiskScores } from '../store/repositories/records.js';
import { listLists } from '../store/repositories/sanctions.js';
import { dataSources, type DataSource } from './attribution.js';

export const SCHEMA_VERSION = 1;

export interface ReportFinding {
  finding_id: string;
  rule_id: string;
  severity: Severity;
  summary: string;
  evidence: Record<string, unknown>;
  first_seen: string | null;
  last_seen: string | null;
  /** Set when an analyst judged this evidence benign and it has not changed since. */
  suppressed: { decided_by: string; decided_at: string; reason: string } | null;
}

export interface ReportPerson {
  person_id: string;
  kind: PersonKind;
  full_name: string;
  /** Internal keys of the records merged into this entry (`person:E7`, `candidate:C7`). */
  records: string[];
  risk_score: number;
  risk_level: RiskLevel;
  cluster_id: string | null;
  findings: ReportFinding[];
  explanation: Contribution[];
}

export interface ReportCluster {
  cluster_id: string;
  person_ids: string[];
  risk_score: number;
  risk_level: RiskLevel;
  reasons: string[];
  hubs: Array<{ type: string; value: string; members: number }>;
  explanation: Contribution[];
}

export interface ScanDocument {
  schema_version: number;
  generated_at: string;
  unmask_version: string;
  scan: { run_id: string; target: string | null; started_at: string; finished_at: string | null; stats: unknown } | null;
  summary: { people: number; candidates: number; clusters: number; findings: number; by_level: Record<RiskLevel, number> };
  people: ReportPerson[];
  clusters: ReportCluster[];
  rules: Array<{ rule_id: string; title: string; severity: Severity; findings: number; sources: string[] }>;
  data_sources: DataSource[];
}

/** The installed Unmask version (package.json sits two levels up from src/report and dist/report alike). */
export function unmaskVersion(): string {
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

/** Times as UTC ISO 8601 date-times (a rule may have written a bare date). */
function isoTime(v: string | null | undefined): string | null {
  if (!v) return null;
  const t = Date.parse(v);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

const LEVELS: RiskLevel[] = ['low', 'medium', 'high', 'critical'];

export async function buildReport(store: Store, opts: { now?: Date } = {}): Promise<ScanDocument> {
  const findings = await listFindings(store);
  const own = await findingOwnership(store, findings);
  const feedback = feedbackState(await listFeedback(store), await listFeedbackEvidence(store));
  const scores = new Map((await listRiskScores(store, 'person')).map((s) => [s.subject_id, s]));
  const clusters = await listClusters(store);
  const clusterOf = new Map<string, string>();
  for (const c of clusters) for (const p of c.person_ids) clusterOf.set(p, c.id);

  const byOwner = new Map<string, ReportFinding[]>();
  for (const f of findings) {
    const decision = feedback.benign.get(findingFingerprint(f));
    const row: ReportFinding = {
      finding_id: f.id,
      rule_id: f.rule_id,
      severity: f.severity,
      summary: f.summary,
      evidence: f.evidence,
      first_seen: isoTime(f.first_seen),
      last_seen: isoTime(f.last_seen),
      suppressed: decision ? { decided_by: decision.decided_by, decided_at: decision.decided_at, reason: decision.reason } : null,
    };
    for (const o of own.ownersOf(f)) (byOwner.get(o) ?? byOwner.set(o, []).get(o)!).push(row);
  }

  const recordsOf = new Map<string, string[]>();
  for (const p of own.people) {
    const h = own.subjects.get(p.id)!;
    (recordsOf.get(h) ?? recordsOf.set(h, []).get(h)!).push(p.id);
  }
  const byKey = new Map(own.people.map((p) => [p.id, p]));
  const severityRank = (s: Severity) => ['info', 'low', 'medium', 'high', 'critical'].indexOf(s);
  const people: ReportPerson[] = own.humans.map((h) => {
    const p = byKey.get(h)!;
    const s = scores.get(h);
    const cluster = clusterOf.get(h) ?? null;
    return {
      person_id: p.source_id,
      kind: p.kind,
      full_name: p.full_name,
      records: (recordsOf.get(h) ?? [h]).sort(),
      risk_score: s?.score ?? 0,
      risk_level: s?.level ?? 'low',
      cluster_id: cluster,
      findings: (byOwner.get(h) ?? []).sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || a.rule_id.localeCompare(b.rule_id) || a.finding_id.localeCompare(b.finding_id)),
      explanation: (s?.explanation ?? []).map((e) => ({ label: e.label, points: e.points, source: e.source, detail: e.detail ?? null })),
    };
  });
  people.sort((a, b) => b.risk_score - a.risk_score || a.person_id.localeCompare(b.person_id) || a.kind.localeCompare(b.kind));

  const reportClusters: ReportCluster[] = clusters.map((c) => ({
    cluster_id: c.id,
    person_ids: c.person_ids.map(sourceIdOf).sort(),
    risk_score: c.risk_score,
    risk_level: c.risk_level,
    reasons: c.reasons,
    hubs: c.hubs ?? [],
    explanation: (c.explanation ?? []).map((e) => ({ label: e.label, points: e.points, source: e.source, detail: e.detail ?? null })),
  }));
  reportClusters.sort((a, b) => b.risk_score - a.risk_score || a.cluster_id.localeCompare(b.cluster_id));

  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.rule_id, (counts.get(f.rule_id) ?? 0) + 1);
  const rules = allRules()
    .filter((r) => counts.has(r.meta.id))
    .map((r) => ({ rule_id: r.meta.id, title: r.meta.title, severity: r.meta.severity, findings: counts.get(r.meta.id)!, sources: r.meta.sources }));

  const by_level = Object.fromEntries(LEVELS.map((l) => [l, people.filter((p) => p.risk_level === l).length])) as Record<RiskLevel, number>;
  const run = await latestScanRun(store);
  return {
    schema_version: SCHEMA_VERSION,
    generated_at: (opts.now ?? new Date()).toISOString(),
    unmask_version: unmaskVersion(),
    scan: run ? { run_id: run.id, target: run.target, started_at: run.started_at, finished_at: run.finished_at, stats: run.stats } : null,
    summary: { people: people.length, candidates: people.filter((p) => p.kind === 'candidate').length, clusters: reportClusters.length, findings: findings.length, by_level },
    people,
    clusters: reportClusters,
    rules,
    data_sources: dataSources(await listLists(store), rules.flatMap((r) => r.sources)),
  };
}
