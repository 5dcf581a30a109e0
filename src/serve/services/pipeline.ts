/**
 * The pipeline use-cases the server starts (ingest, scan, re-score, feedback), loaded from their
 * own modules. They are looked up when first needed so that the server, which only orchestrates,
 * keeps working (and says clearly what is missing) in a build where a stage is absent.
 */
import type { UnmaskConfig } from '../../config/config.js';
import type { SecretKey } from '../../config/secret.js';
import type { Feedback, SubjectType } from '../../model/index.js';
import type { Store } from '../../store/db.js';
import { addFeedback } from '../../store/repositories/records.js';
import type { Logger } from '../../util/log.js';
import { contentId } from '../../model/ids.js';

// Specifiers are variables so the type checker does not require the modules to exist.
const MODULES = {
  scan: '../../commands/scan-runner.js',
  feedback: '../../commands/feedback-recorder.js',
  score: '../../score/index.js',
  ingest: '../../ingest/runner.js',
  catalog: '../../detect/catalog.js',
} as const;

async function load<T>(which: keyof typeof MODULES): Promise<T | null> {
  const spec: string = MODULES[which];
  try {
    return (await import(spec)) as T;
  } catch (err) {
    const code = (err as { code?: string }).code;
    const msg = err instanceof Error ? err.message : String(err);
    if (code === 'ERR_MODULE_NOT_FOUND' || /Cannot find module|Failed to load url|Does the file exist/i.test(msg)) {
      if (msg.includes(spec.replace(/^(\.\.\/)+/, '').replace(/\.js$/, ''))) return null;
    }
    throw err;
  }
}

export class StageMissing extends Error {
  constructor(what: string) {
    super(`${what} is not available in this build of Unmask`);
    this.name = 'StageMissing';
  }
}

export interface PipelineDeps {
  store: Store;
  config: UnmaskConfig;
  key: () => SecretKey;
}

/** Re-score every subject (the scorer reads feedback, so a closed case changes scores). */
export async function rescore(deps: PipelineDeps, log: Logger): Promise<unknown> {
  const mod = await load<{ scoreStore(store: Store, config: UnmaskConfig, log: Logger): Promise<unknown> }>('score');
  if (!mod?.scoreStore) throw new StageMissing('scoring (src/score)');
  return mod.scoreStore(deps.store, deps.config, log);
}

/** Ingest a folder of data into the store. */
export async function ingestDir(deps: PipelineDeps, dir: string, log: Logger): Promise<unknown> {
  const mod = await load<{ ingestFolder(store: Store, dir: string, opts: { key: SecretKey; log: Logger; config?: UnmaskConfig }): Promise<unknown> }>('ingest');
  if (!mod?.ingestFolder) throw new StageMissing('ingest (src/ingest/runner.ts)');
  return mod.ingestFolder(deps.store, dir, { key: deps.key(), log, config: deps.config });
}

/** A whole scan of a folder: ingest, enrich, detect, link, score. */
export async function scanDir(deps: PipelineDeps, dir: string, log: Logger): Promise<unknown> {
  const mod = await load<{ runScan(args: Record<string, unknown>): Promise<unknown> }>('scan');
  if (!mod?.runScan) throw new StageMissing('scanning (src/commands/scan-runner.ts)');
  return mod.runScan({ store: deps.store, dir, config: deps.config, key: deps.key(), log });
}

export interface FeedbackInput {
  subject_type: SubjectType;
  subject_id: string;
  decision: 'benign' | 'confirmed';
  reason: string;
  decided_by: string;
}

/** Record an analyst's decision through the feedback use-case (or directly, where it is absent). */
export async function recordDecision(store: Store, input: FeedbackInput): Promise<void> {
  const mod = await load<{ recordFeedback(store: Store, f: FeedbackInput): Promise<unknown> }>('feedback');
  if (mod?.recordFeedback) {
    await mod.recordFeedback(store, input);
    return;
  }
  const decided_at = new Date().toISOString();
  const f: Feedback = { id: contentId('feedback', input.subject_type, input.subject_id, input.decided_by, decided_at), ...input, decided_at };
  await addFeedback(store, f);
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

/** The rule catalog's metadata, or an empty list where the detection stage is absent. */
export async function ruleCatalog(): Promise<RuleInfo[]> {
  const mod = await load<{ allRules(): Array<{ meta: RuleInfo }> }>('catalog');
  if (!mod?.allRules) return [];
  return mod.allRules().map(({ meta }) => ({
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
