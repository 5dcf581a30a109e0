/**
 * What a rule is: data (its metadata, parameters and sources) plus a small function that reads the
 * store and returns findings with their evidence. The engine (src/detect/engine.ts) fills in ids,
 * severity overrides, allow-lists and exemptions; a rule only says what it saw.
 *
 * Rules over the big tables do not query them themselves: a rule that looks at one person's
 * sign-ins at a time exposes `perPerson`, one that looks at one device's inventory at a time
 * exposes `perDevice`, and the engine streams each table once for all such rules together
 * (memory bounded by one person's or one device's rows). Their `run` does the same pass alone.
 */
import type { UnmaskConfig } from '../config/config.js';
import type { Finding, Severity, SubjectType } from '../model/index.js';
import type { Store } from '../store/db.js';
import type { Logger } from '../util/log.js';
import type { DetectData, DeviceRows, PersonSignIns } from './data.js';

export interface RuleParam {
  default: number | string | boolean | string[] | number[];
  description: string;
}

export interface RuleMeta {
  /** Lowercase, dotted: `<family>.<topic>.<name>`, e.g. `endpoint.rmm.multiple_vendors`. */
  id: string;
  title: string;
  /** What the rule looks for, in one or two sentences. */
  description: string;
  /** Why it matters: the tradecraft it reflects. */
  rationale: string;
  /** Public sources (advisories, reports) that support it. */
  sources: string[];
  severity: Severity;
  /** Inputs it reads, in data-contract terms (`people.csv`, `okta`, `osquery:usb_devices`, ...). */
  data_needed: string[];
  /** Benign look-alikes an analyst should consider. */
  false_positives: string[];
  params: Record<string, RuleParam>;
  /** MITRE ATT&CK technique ids, where one fits. */
  attack?: string[];
  /**
   * `late` rules run after the others and may read this run's findings (`ctx.priorFindings`),
   * e.g. referral chains among people other rules flagged.
   */
  phase?: 'main' | 'late';
}

/** A finding as a rule emits it; the engine adds id, rule_id, run_id, created_at. */
export interface FindingDraft {
  subject_type: SubjectType;
  subject_id: string;
  summary: string;
  evidence: Record<string, unknown>;
  /** Facts the finding rests on, so the scorer can count a fact once across rules. */
  fact_keys: string[];
  first_seen?: string | null;
  last_seen?: string | null;
  /** Overrides the rule's severity for this one finding (e.g. stronger evidence). */
  severity?: Severity;
  /** Distinguishes several findings of one rule on one subject (e.g. the tool name). */
  discriminator?: string;
  /** Other ids an exemption may name for this finding (the device serial of a person's laptop). */
  also_subjects?: string[];
}

export interface RuleContext {
  store: Store;
  config: UnmaskConfig;
  /** The rule's parameters: defaults merged with configuration. */
  params: Record<string, any>;
  /** The time the run considers "now" (data-relative for reproducible runs). */
  now: Date;
  log: Logger;
  runId: string;
  /** Reference data shared by every rule of the run, loaded on first use. */
  data: DetectData;
  /** Findings of the other rules (this run's, else the stored ones); for `late` rules. */
  priorFindings(): Promise<Finding[]>;
}

export interface Rule {
  meta: RuleMeta;
  run(ctx: RuleContext): Promise<FindingDraft[]>;
  /** One person's successful sign-ins, in time order (see the module comment). */
  perPerson?(ctx: RuleContext, p: PersonSignIns): FindingDraft[];
  /** One device's inventory rows (see the module comment). */
  perDevice?(ctx: RuleContext, d: DeviceRows): FindingDraft[];
}

export type { Finding };
