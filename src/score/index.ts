/**
 * The score stage over the store: findings (with the person each belongs to), the link stage's
 * clusters and what their members share, and analysts' decisions → a risk score with its
 * explanation for every person and every cluster.
 */
import type { UnmaskConfig } from '../config/config.js';
import type { ClusterDraft, SharedValue } from '../link/pipeline.js';
import type { MatchResult } from '../link/resolution.js';
import { subjectMap, toPersonKey } from '../link/subjects.js';
import type { Feedback, Finding, Person, RiskScore } from '../model/index.js';
import type { Store } from '../store/db.js';
import * as linkRepo from '../store/repositories/link.js';
import { listClusters, listDevices, listFeedback, listFindings, listIdentifiers, listPeople } from '../store/repositories/records.js';
import type { Logger } from '../util/log.js';
import { scoreAll, type FeedbackState, type ScoreResult } from './scorer.js';

export interface Ownership {
  people: Person[];
  /** Record key → the human's key. */
  subjects: Map<string, string>;
  /** Every human's key, in people order. */
  humans: string[];
  ownersOf(f: Finding): string[];
}

/**
 * Who each finding is about: a person finding's subject (a hired candidate's finding goes to the
 * employee), a device finding's assigned person, an identifier finding's holders (`type:value`).
 */
export async function findingOwnership(store: Store, findings: Finding[]): Promise<Ownership> {
  const people = await listPeople(store);
  const subjects = subjectMap(people);
  const humans = [...new Set(people.map((p) => subjects.get(p.id)!))];
  const deviceOwner = new Map<string, string>();
  for (const d of await listDevices(store)) {
    const owner = d.person_id ? subjects.get(toPersonKey(d.person_id)) : undefined;
    if (owner) deviceOwner.set(d.serial, owner);
  }
  // Identifier findings are rare: read the identifiers only when there are some.
  const held = new Map<string, string[]>();
  if (findings.some((f) => f.subject_type === 'identifier')) {
    for (const i of await listIdentifiers(store)) {
      const k = `${i.type}:${i.value}`;
      const h = subjects.get(i.person_id);
      if (h) (held.get(k) ?? held.set(k, []).get(k)!).push(h);
    }
  }
  return {
    people,
    subjects,
    humans,
    ownersOf(f) {
      switch (f.subject_type) {
        case 'person': {
          const h = subjects.get(toPersonKey(f.subject_id)) ?? subjects.get(f.subject_id);
          return h ? [h] : [];
        }
        case 'device': {
          const h = deviceOwner.get(f.subject_id);
          return h ? [h] : [];
        }
        case 'identifier':
          return [...new Set(held.get(f.subject_id) ?? [])];
        default:
          return [];
      }
    },
  };
}

/** The latest decision per subject; a benign one suppresses the evidence fingerprints it recorded. */
export function feedbackState(decisions: Feedback[], evidence: Map<string, string[]>): FeedbackState {
  const latest = new Map<string, Feedback>();
  for (const f of [...decisions].sort((a, b) => a.decided_at.localeCompare(b.decided_at) || a.id.localeCompare(b.id))) {
    latest.set(`${f.subject_type}:${f.subject_id}`, f);
  }
  const state: FeedbackState = { benign: new Map(), confirmed: new Map() };
  for (const [subject, f] of latest) {
    if (f.decision === 'confirmed') {
      state.confirmed.set(subject, f);
      continue;
    }
    for (const fp of evidence.get(f.id) ?? []) state.benign.set(fp, f);
  }
  return state;
}

export async function loadClusterDrafts(store: Store): Promise<ClusterDraft[]> {
  const evidence = new Map((await linkRepo.listClusterEvidence(store)).map((e) => [e.cluster_id, e]));
  return (await listClusters(store)).map((c) => {
    const e = evidence.get(c.id);
    return {
      id: c.id,
      person_ids: c.person_ids,
      reasons: c.reasons,
      hubs: c.hubs,
      shared: (e?.shared as SharedValue[] | undefined) ?? [],
      aliases: (e?.aliases as MatchResult[] | undefined) ?? [],
      fingerprint: e?.fingerprint ?? `cluster:${c.id}`,
    };
  });
}

export interface ScoreStats {
  people: number;
  clusters: number;
  by_level: Record<string, number>;
  suppressed_findings: number;
}

export async function scoreStore(store: Store, config: UnmaskConfig, log: Logger, opts: { runId?: string | null } = {}): Promise<ScoreResult & { stats: ScoreStats }> {
  log.progress('score: reading findings, clusters and decisions');
  const all = await listFindings(store);
  const own = await findingOwnership(store, all);
  const findings = all.flatMap((finding) => own.ownersOf(finding).map((owner) => ({ finding, owner })));
  const clusters = await loadClusterDrafts(store);
  const feedback = feedbackState(await listFeedback(store), await linkRepo.listFeedbackEvidence(store));
  const result = scoreAll({ subjects: own.humans, findings, clusters, feedback }, config.score);

  const runId = opts.runId ?? null;
  const scores: RiskScore[] = [];
  for (const [id, s] of result.people) scores.push({ subject_type: 'person', subject_id: id, score: s.score, level: s.level, explanation: s.explanation, run_id: runId });
  for (const [id, s] of result.clusters) scores.push({ subject_type: 'cluster', subject_id: id, score: s.score, level: s.level, explanation: s.explanation, run_id: runId });
  await linkRepo.replaceRiskScores(
    store,
    scores,
    [...result.clusters].map(([id, s]) => ({ id, risk_score: s.score, risk_level: s.level, explanation: s.explanation })),
  );
  const by_level: Record<string, number> = { low: 0, medium: 0, high: 0, critical: 0 };
  for (const s of result.people.values()) by_level[s.level]!++;
  const stats = { people: result.people.size, clusters: result.clusters.size, by_level, suppressed_findings: result.suppressed.size };
  log.done();
  log.info(`score: ${stats.people} people (${by_level.critical} critical, ${by_level.high} high, ${by_level.medium} medium), ${stats.clusters} clusters, ${stats.suppressed_findings} findings suppressed by decisions`);
  return { ...result, stats };
}
