/**
 * The pipeline use-cases the server starts: ingest, scan, re-score, feedback and the rule catalog.
 * The server only orchestrates; the work is done by the stages' own modules.
 */
import type { UnmaskConfig } from '../../config/config.js';
import type { SecretKey } from '../../config/secret.js';
import { FeedbackError, recordFeedback } from '../../commands/feedback-recorder.js';
import { runScan } from '../../commands/scan-runner.js';
import { allRules } from '../../detect/catalog.js';
import { ingestFolder } from '../../ingest/runner.js';
import type { SubjectType } from '../../model/index.js';
import { scoreStore } from '../../score/index.js';
import type { Store } from '../../store/db.js';
import type { Logger } from '../../util/log.js';

export { FeedbackError };

export interface PipelineDeps {
  store: Store;
  config: UnmaskConfig;
  key: () => SecretKey;
}

/** Re-score every subject: the scorer reads feedback, so a closed case changes scores. */
export async function rescore(deps: PipelineDeps, log: Logger): Promise<unknown> {
  const { stats } = await scoreStore(deps.store, deps.config, log);
  return stats;
}

/** Ingest a folder of data into the store. */
export async function ingestDir(deps: PipelineDeps, dir: string, log: Logger): Promise<unknown> {
  return ingestFolder(deps.store, dir, { key: deps.key(), log, config: deps.config });
}

/** A whole scan of a folder: ingest, enrich, detect, link, score. The result leaves out the scan document (it is in the store). */
export async function scanDir(deps: PipelineDeps, dir: string, log: Logger): Promise<unknown> {
  const { document: _document, ingest, ...summary } = await runScan({ store: deps.store, dir, config: deps.config, key: deps.key(), log });
  return { ...summary, ingest: { totals: ingest.totals, seconds: ingest.seconds } };
}

export interface FeedbackInput {
  subject_type: SubjectType;
  subject_id: string;
  decision: 'benign' | 'confirmed';
  reason: string;
  decided_by: string;
}

/** Record an analyst's decision (with the fingerprints of the evidence it covers). */
export async function recordDecision(store: Store, input: FeedbackInput): Promise<void> {
  await recordFeedback(store, input);
}

export interface RuleInfo {
  id: string;
  title: string;
  description: string;
  rationale: string;
  severity: string;
  sources: string[];
  data_needed: string[];
  false_positives: string[];
  attack: string[];
}

export async function ruleCatalog(): Promise<RuleInfo[]> {
  return allRules().map(({ meta }) => ({
    id: meta.id,
    title: meta.title,
    description: meta.description,
    rationale: meta.rationale,
    severity: meta.severity,
    sources: meta.sources ?? [],
    data_needed: meta.data_needed ?? [],
    false_positives: meta.false_positives ?? [],
    attack: meta.attack ?? [],
  }));
}
