/**
 * Risk scores for people and clusters, as a pure function of findings, clusters and analyst
 * decisions. Each score is a waterfall (waterfall.ts) over evidence groups (evidence.ts):
 *  - a person: their own findings (and those of the candidate record they were hired from and of
 *    their devices), an analyst's confirmation, and their cluster — the cluster's score without
 *    the person's own evidence, times `cluster_factor`, so nothing is counted twice;
 *  - a cluster: what its members share beyond what a household explains (a couple sharing a home
 *    and an account adds nothing), one human under several names, and its members' findings
 *    times `member_evidence_factor`.
 * A benign decision removes the evidence it was about while its fingerprint still matches; the
 * explanation keeps a zero row saying so.
 */
import type { ScoreConfig } from '../config/sections/score.js';
import { sharedReason } from '../link/describe.js';
import type { ClusterDraft } from '../link/pipeline.js';
import { sourceIdOf } from '../link/subjects.js';
import type { Feedback, Finding, RiskLevel } from '../model/index.js';
import { factsOf, groupDetail, groupEvidence, type EvidenceItem } from './evidence.js';
import { findingFingerprint } from './fingerprint.js';
import { combine, levelOf, type Contribution, type Term } from './waterfall.js';

export interface FeedbackState {
  /** Fingerprints of evidence whose latest decision is benign, with that decision. */
  benign: Map<string, Feedback>;
  /** Latest decision per subject (`person:E1`, `cluster:C-…`, `finding:<id>`), when it is a confirmation. */
  confirmed: Map<string, Feedback>;
}

export const NO_FEEDBACK: FeedbackState = { benign: new Map(), confirmed: new Map() };

export interface ScoreInput {
  /** Every person key to score (hired candidates already folded into their employee). */
  subjects: string[];
  /** Findings with the person each belongs to (null: no person, e.g. an unassigned device). */
  findings: Array<{ finding: Finding; owner: string | null }>;
  clusters: ClusterDraft[];
  feedback: FeedbackState;
}

export interface SubjectScore {
  score: number;
  level: RiskLevel;
  explanation: Contribution[];
}

export interface ScoreResult {
  people: Map<string, SubjectScore & { cluster_id: string | null }>;
  clusters: Map<string, SubjectScore>;
  /** Per finding id: suppressed by which decision. */
  suppressed: Map<string, Feedback>;
}

const describeDecision = (f: Feedback) => `${f.decision} by ${f.decided_by} on ${f.decided_at.slice(0, 10)}: ${f.reason}`;

function groupsToTerms(items: EvidenceItem[]): Term[] {
  return groupEvidence(items).map((g) => ({ label: g.lead.label, points: g.points, source: g.lead.source, detail: groupDetail(g) }));
}

export function scoreAll(input: ScoreInput, cfg: ScoreConfig): ScoreResult {
  const sev = cfg.severity_points;
  const suppressed = new Map<string, Feedback>();
  const own = new Map<string, EvidenceItem[]>();
  const zeroRows = new Map<string, Contribution[]>();
  const zero = (key: string, row: Contribution) => (zeroRows.get(key) ?? zeroRows.set(key, []).get(key)!).push(row);

  for (const { finding, owner } of input.findings) {
    if (!owner) continue;
    const decision = input.feedback.benign.get(findingFingerprint(finding));
    if (decision) {
      suppressed.set(finding.id, decision);
      zero(owner, { label: finding.summary, points: 0, source: finding.rule_id, detail: `suppressed: ${describeDecision(decision)}` });
      continue;
    }
    const confirmed = input.feedback.confirmed.get(`finding:${finding.id}`);
    const item: EvidenceItem = {
      facts: factsOf(finding),
      points: sev[finding.severity],
      label: finding.summary,
      source: finding.rule_id,
      detail: confirmed ? `confirmed: ${describeDecision(confirmed)}` : null,
      owner,
      finding,
    };
    (own.get(owner) ?? own.set(owner, []).get(owner)!).push(item);
  }

  // Clusters: structure beyond a household, aliases, members' evidence.
  const clusters = new Map<string, SubjectScore>();
  const clusterItems = new Map<string, EvidenceItem[]>();
  /** Clusters whose members share nothing beyond what a household explains. */
  const householdOnly = new Set<string>();
  const clusterOf = new Map<string, ClusterDraft>();
  for (const c of input.clusters) {
    const items: EvidenceItem[] = [];
    const rows: Contribution[] = [];
    const benign = input.feedback.benign.get(c.fingerprint);
    for (const sv of c.shared) {
      const p = cfg.shared[sv.kind];
      const points = Math.min(p.max, Math.max(0, sv.members.length - p.free_members) * p.per_member);
      const label =
        sv.kind === 'referral'
          ? `${sv.display} referred ${sv.members.length - 1} members`
          : sharedReason({ kind: sv.kind, role: sv.role, display: sv.display, people: sv.members.length, values: 1 });
      if (points <= 0) rows.push({ label, points: 0, source: `shared.${sv.kind}`, detail: `no more than a household explains (${p.free_members} sharers)` });
      else if (benign) rows.push({ label, points: 0, source: `shared.${sv.kind}`, detail: `suppressed: ${describeDecision(benign)}` });
      else items.push({ facts: sv.fact_keys, points, label, source: `shared.${sv.kind}`, detail: `${sv.members.map(sourceIdOf).join(', ')}`, owner: null });
    }
    for (const m of c.aliases) {
      const nameRow = m.explanation.find((f) => f.feature === 'name');
      if (!nameRow || nameRow.weight >= cfg.link.resolution.name_exact) continue;
      const label = `${sourceIdOf(m.a)} and ${sourceIdOf(m.b)} look like one person under different names`;
      if (benign) rows.push({ label, points: 0, source: 'resolution', detail: `suppressed: ${describeDecision(benign)}` });
      else items.push({ facts: [`alias:${[m.a, m.b].sort().join('|')}`], points: cfg.alias_points, label, source: 'resolution', detail: nameRow.detail, owner: null });
    }
    if (!items.length && !input.feedback.confirmed.has(`cluster:${c.id}`)) householdOnly.add(c.id);
    for (const member of c.person_ids) {
      clusterOf.set(member, c);
      for (const it of own.get(member) ?? []) {
        items.push({ ...it, points: it.points * cfg.member_evidence_factor, label: `${sourceIdOf(member)}: ${it.label}` });
      }
    }
    clusterItems.set(c.id, items);
    const terms = groupsToTerms(items);
    const confirmed = input.feedback.confirmed.get(`cluster:${c.id}`);
    if (confirmed) terms.push({ label: 'confirmed by an analyst', points: cfg.confirmed_points, source: 'feedback', detail: describeDecision(confirmed) });
    const { score, explanation } = combine(terms);
    clusters.set(c.id, { score, level: levelOf(score, cfg.levels), explanation: [...explanation, ...rows] });
  }

  const people = new Map<string, SubjectScore & { cluster_id: string | null }>();
  for (const subject of input.subjects) {
    const mine = own.get(subject) ?? [];
    const terms = groupsToTerms(mine);
    const rows = [...(zeroRows.get(subject) ?? [])];
    const confirmed = input.feedback.confirmed.get(`person:${subject}`);
    if (confirmed) terms.push({ label: 'confirmed by an analyst', points: cfg.confirmed_points, source: 'feedback', detail: describeDecision(confirmed) });
    const c = clusterOf.get(subject) ?? null;
    if (c) {
      // The cluster without this person's own evidence, and without any fact they already count.
      const ownFacts = new Set(mine.flatMap((it) => it.facts));
      const others = clusterItems.get(c.id)!.filter((it) => it.owner !== subject && !it.facts.some((f) => ownFacts.has(f)));
      const without = combine(groupsToTerms(others)).score;
      const points = Math.round(without * cfg.cluster_factor * 100) / 100;
      const label = `member of cluster ${c.id} (${c.person_ids.length} people)`;
      const detail = `cluster scores ${without} without this person's own evidence, × ${cfg.cluster_factor}; ${c.reasons.slice(0, 2).join('; ')}`;
      const benign = input.feedback.benign.get(`${c.fingerprint}@${subject}`);
      // A couple's shared home and account say nothing; the partner's own findings are theirs.
      if (householdOnly.has(c.id)) rows.push({ label, points: 0, source: 'cluster', detail: `the cluster shares no more than a household explains; ${c.reasons.slice(0, 2).join('; ')}` });
      else if (benign) rows.push({ label, points: 0, source: 'cluster', detail: `suppressed: ${describeDecision(benign)}` });
      else if (points > 0) terms.push({ label, points, source: 'cluster', detail });
      else rows.push({ label, points: 0, source: 'cluster', detail });
    }
    const { score, explanation } = combine(terms);
    people.set(subject, { score, level: levelOf(score, cfg.levels), explanation: [...explanation, ...rows], cluster_id: c?.id ?? null });
  }
  return { people, clusters, suppressed };
}
