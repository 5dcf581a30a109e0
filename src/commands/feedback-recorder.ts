/**
 * Recording an analyst's decision on a person, a cluster or a finding: who, when, why, and the
 * fingerprints of the evidence it was about. A benign decision suppresses exactly that evidence
 * on later scoring runs; when the data behind it changes, the fingerprints no longer match and the
 * evidence counts again. Nothing is deleted: decisions are appended, the latest one per subject wins.
 */
import { contentId, type Feedback, type SubjectType } from '../model/index.js';
import { findingFingerprint } from '../score/fingerprint.js';
import { findingOwnership, loadClusterDrafts } from '../score/index.js';
import type { Store } from '../store/db.js';
import { addFeedbackEvidence, getFinding } from '../store/repositories/link.js';
import { addFeedback, listFindings } from '../store/repositories/records.js';
import { toPersonKey } from '../link/subjects.js';

export interface FeedbackRequest {
  /** `person`, `cluster` or `finding`; omitted: worked out from the id. */
  subject_type?: SubjectType;
  subject_id: string;
  decision: 'benign' | 'confirmed';
  reason: string;
  decided_by: string;
  decided_at?: string;
}

export interface RecordedFeedback {
  feedback: Feedback;
  /** How many pieces of evidence the decision covers. */
  evidence: number;
  /** What the subject is, in words (for the CLI). */
  subject: string;
}

export class FeedbackError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FeedbackError';
  }
}

export async function recordFeedback(store: Store, req: FeedbackRequest): Promise<RecordedFeedback> {
  if (!req.reason?.trim()) throw new FeedbackError('a decision needs a reason (--reason TEXT)');
  if (!req.decided_by?.trim()) throw new FeedbackError('a decision needs the name of who took it (--by NAME)');
  const findings = await listFindings(store);
  const own = await findingOwnership(store, findings);
  const clusters = await loadClusterDrafts(store);
  const id = req.subject_id.trim();

  let subject_type: SubjectType | null = req.subject_type ?? null;
  let subject_id = id;
  let fingerprints: string[] = [];
  let subject = '';

  const finding = !subject_type || subject_type === 'finding' ? await getFinding(store, id.replace(/^finding:/, '')) : undefined;
  const cluster = !subject_type || subject_type === 'cluster' ? clusters.find((c) => c.id === id.replace(/^cluster:/, '')) : undefined;
  const human = !subject_type || subject_type === 'person' ? own.subjects.get(toPersonKey(id)) ?? (id.includes(':') ? undefined : own.subjects.get(`candidate:${id}`)) : undefined;

  if (finding) {
    subject_type = 'finding';
    subject_id = finding.id;
    fingerprints = [findingFingerprint(finding)];
    subject = `finding ${finding.rule_id} on ${finding.subject_id}: ${finding.summary}`;
  } else if (cluster) {
    subject_type = 'cluster';
    subject_id = cluster.id;
    fingerprints = [cluster.fingerprint];
    subject = `cluster ${cluster.id} (${cluster.person_ids.length} people)`;
  } else if (human) {
    subject_type = 'person';
    subject_id = human;
    fingerprints = findings.filter((f) => own.ownersOf(f).includes(human)).map(findingFingerprint);
    const c = clusters.find((x) => x.person_ids.includes(human));
    // The person's share of their cluster is part of their evidence too.
    if (c) fingerprints.push(`${c.fingerprint}@${human}`);
    subject = `person ${human}`;
  } else {
    throw new FeedbackError(`no ${req.subject_type ?? 'person, cluster or finding'} called "${id}" in ${store.location}`);
  }

  const decided_at = req.decided_at ?? new Date().toISOString();
  const summary = contentId(...[...fingerprints].sort());
  const feedback: Feedback = {
    id: contentId('feedback', subject_type, subject_id, req.decision, req.decided_by, decided_at),
    subject_type,
    subject_id,
    decision: req.decision,
    reason: req.reason.trim(),
    decided_by: req.decided_by.trim(),
    decided_at,
    evidence_fingerprint: summary,
  };
  await addFeedback(store, feedback);
  await addFeedbackEvidence(store, feedback.id, fingerprints);
  return { feedback, evidence: fingerprints.length, subject };
}
