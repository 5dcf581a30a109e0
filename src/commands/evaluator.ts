/**
 * `unmask eval`: score a scan against the simulator's truth.json. People (and never-hired
 * candidates) count as flagged at risk level `high` or `critical`. Reports precision and recall
 * over people, recall per scheme type, how many multi-person schemes came out as one cluster,
 * and which benign look-alikes were flagged.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { loadConfig, type UnmaskConfig } from '../config/config.js';
import type { SecretKey } from '../config/secret.js';
import { readTruth, TRUTH_FILE, type Truth } from '../simulate/truth.js';
import { openStore } from '../store/db.js';
import type { Logger } from '../util/log.js';
import { runScan } from './scan-runner.js';

export const FLAGGED_LEVELS = ['high', 'critical'] as const;

/** The part of a scan document (docs/output.md) that evaluation reads. */
const scanDocument = z.object({
  people: z.array(z.object({ person_id: z.string(), risk_level: z.string(), risk_score: z.number().optional(), cluster_id: z.string().nullable().optional(), full_name: z.string().optional() })),
  clusters: z.array(z.object({ cluster_id: z.string(), person_ids: z.array(z.string()) })).default([]),
});
export type ScanForEval = z.infer<typeof scanDocument>;

export interface SchemeOutcome {
  id: string;
  type: string;
  members: number;
  flagged: number;
  missed: string[];
  /** Cluster ids the members were put in (null: in no cluster). */
  clusters: Array<string | null>;
  /** All members in one and the same cluster. */
  one_cluster: boolean;
  /** That cluster holds nobody from outside the scheme. */
  pure: boolean;
}

export interface EvalResult {
  truth: { seed: string; people: number; candidates: number; schemes: number; lookalike_groups: number };
  flagged_levels: readonly string[];
  people: { evaluated: number; positives: number; flagged: number; true_positives: number; false_positives: number; false_negatives: number; precision: number; recall: number; f1: number };
  by_scheme_type: Record<string, { schemes: number; members: number; flagged: number; recall: number; multi_person: number; one_cluster: number }>;
  clustering: { multi_person_schemes: number; one_cluster: number; pure: number };
  schemes: SchemeOutcome[];
  lookalikes: { by_type: Record<string, { people: number; flagged: number }>; flagged: Array<{ person_id: string; types: string[]; risk_level: string; risk_score: number | null }> };
  /** Flagged people who are in no scheme and no look-alike group. */
  other_false_positives: Array<{ person_id: string; risk_level: string; risk_score: number | null }>;
  missing_in_scan: string[];
}

const ratio = (a: number, b: number): number => (b === 0 ? 1 : Math.round((a / b) * 10_000) / 10_000);

/** Compare a scan document with the truth. Pure: no I/O. */
export function evaluate(truth: Truth, raw: unknown): EvalResult {
  const doc = scanDocument.parse(raw);
  const byId = new Map(doc.people.map((p) => [p.person_id, p]));
  const flagged = new Set(doc.people.filter((p) => (FLAGGED_LEVELS as readonly string[]).includes(p.risk_level)).map((p) => p.person_id));
  const clusterMembers = new Map(doc.clusters.map((c) => [c.cluster_id, new Set(c.person_ids)]));

  const positives = new Set<string>();
  for (const s of truth.schemes) for (const id of s.subjects) positives.add(id);
  const missing = [...positives].filter((id) => !byId.has(id));

  const schemes: SchemeOutcome[] = truth.schemes.map((s) => {
    const clusters = s.subjects.map((id) => byId.get(id)?.cluster_id ?? null);
    const distinct = [...new Set(clusters)];
    const one = s.subjects.length > 1 && distinct.length === 1 && distinct[0] !== null;
    const members = one ? clusterMembers.get(distinct[0] as string) : undefined;
    const pure = one && (members ? [...members].every((m) => s.subjects.includes(m)) : true);
    return {
      id: s.id,
      type: s.type,
      members: s.subjects.length,
      flagged: s.subjects.filter((id) => flagged.has(id)).length,
      missed: s.subjects.filter((id) => !flagged.has(id)),
      clusters,
      one_cluster: one,
      pure,
    };
  });

  const byType: EvalResult['by_scheme_type'] = {};
  for (const o of schemes) {
    const t = (byType[o.type] ??= { schemes: 0, members: 0, flagged: 0, recall: 0, multi_person: 0, one_cluster: 0 });
    t.schemes++;
    t.members += o.members;
    t.flagged += o.flagged;
    if (o.members > 1) t.multi_person++;
    if (o.one_cluster) t.one_cluster++;
  }
  for (const t of Object.values(byType)) t.recall = ratio(t.flagged, t.members);

  const lookTypes = new Map<string, Set<string>>();
  const lookByType: EvalResult['lookalikes']['by_type'] = {};
  for (const g of truth.lookalikes) {
    const t = (lookByType[g.type] ??= { people: 0, flagged: 0 });
    for (const id of g.subjects) {
      if (positives.has(id)) continue;
      let set = lookTypes.get(id);
      if (!set) lookTypes.set(id, (set = new Set()));
      if (!set.has(g.type)) {
        set.add(g.type);
        t.people++;
        if (flagged.has(id)) t.flagged++;
      }
    }
  }

  const tp = [...positives].filter((id) => flagged.has(id)).length;
  const fpIds = [...flagged].filter((id) => !positives.has(id));
  const fn = positives.size - tp;
  const precision = ratio(tp, flagged.size);
  const recall = ratio(tp, positives.size);
  const score = (id: string) => byId.get(id)?.risk_score ?? null;
  const level = (id: string) => byId.get(id)?.risk_level ?? 'unknown';
  const multi = schemes.filter((s) => s.members > 1);
  return {
    truth: { seed: truth.seed, people: truth.people, candidates: truth.candidates, schemes: truth.schemes.length, lookalike_groups: truth.lookalikes.length },
    flagged_levels: FLAGGED_LEVELS,
    people: {
      evaluated: doc.people.length,
      positives: positives.size,
      flagged: flagged.size,
      true_positives: tp,
      false_positives: fpIds.length,
      false_negatives: fn,
      precision,
      recall,
      f1: precision + recall === 0 ? 0 : Math.round(((2 * precision * recall) / (precision + recall)) * 10_000) / 10_000,
    },
    by_scheme_type: byType,
    clustering: { multi_person_schemes: multi.length, one_cluster: multi.filter((s) => s.one_cluster).length, pure: multi.filter((s) => s.pure).length },
    schemes,
    lookalikes: {
      by_type: lookByType,
      flagged: fpIds.filter((id) => lookTypes.has(id)).map((id) => ({ person_id: id, types: [...(lookTypes.get(id) ?? [])].sort(), risk_level: level(id), risk_score: score(id) })),
    },
    other_false_positives: fpIds.filter((id) => !lookTypes.has(id)).map((id) => ({ person_id: id, risk_level: level(id), risk_score: score(id) })),
    missing_in_scan: missing,
  };
}

/**
 * The configuration a simulated folder is scanned with: an explicit --config wins; otherwise
 * the folder's own unmask.yaml (the simulator writes the company's egress ranges there).
 */
export function evalConfig(dir: string, explicit: string | null | undefined, fallback: UnmaskConfig): UnmaskConfig {
  if (explicit) return fallback;
  const own = join(dir, 'unmask.yaml');
  if (!existsSync(own)) return fallback;
  const cfg = loadConfig(own);
  cfg.database = fallback.database;
  cfg.secret_key_file = fallback.secret_key_file;
  return cfg;
}

export interface EvaluateFolderArgs {
  dir: string;
  /** A scan document to evaluate instead of scanning. */
  scanFile?: string | null;
  config: UnmaskConfig;
  key: SecretKey;
  log: Logger;
}

/** Scan the folder into a throw-away SQLite database (or read `scanFile`) and evaluate it. */
export async function evaluateFolder(args: EvaluateFolderArgs): Promise<EvalResult> {
  const dir = resolve(args.dir);
  const truthPath = join(dir, TRUTH_FILE);
  if (!existsSync(truthPath)) throw new Error(`${truthPath} not found: eval needs a folder written by \`unmask simulate\``);
  const truth = readTruth(truthPath);
  if (args.scanFile) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(args.scanFile, 'utf8'));
    } catch (e) {
      throw new Error(`${args.scanFile}: not readable JSON: ${e instanceof Error ? e.message : String(e)}`);
    }
    const parsed = scanDocument.safeParse(raw);
    if (!parsed.success) throw new Error(`${args.scanFile}: not a scan document: ${parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    return evaluate(truth, parsed.data);
  }
  const tmp = mkdtempSync(join(tmpdir(), 'unmask-eval-'));
  const store = await openStore(join(tmp, 'eval.db'));
  try {
    const scan = await runScan({ store, dir, config: args.config, key: args.key, log: args.log });
    return evaluate(truth, scan.document);
  } finally {
    await store.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** The human-readable report. */
export function evalText(r: EvalResult): string {
  const lines = [
    `evaluated ${r.people.evaluated} people and candidates against truth (seed ${r.truth.seed}): ${r.truth.schemes} hidden schemes, ${r.people.positives} hidden people`,
    `flagged = risk level ${r.flagged_levels.join(' or ')}`,
    `  precision ${pct(r.people.precision)}  recall ${pct(r.people.recall)}  (${r.people.true_positives} found, ${r.people.false_negatives} missed, ${r.people.false_positives} flagged wrongly)`,
    '',
    'by scheme type:',
    ...Object.entries(r.by_scheme_type)
      .sort()
      .map(([t, v]) => `  ${t.padEnd(22)} ${String(v.schemes).padStart(3)} schemes  recall ${pct(v.recall).padStart(6)} (${v.flagged}/${v.members})${v.multi_person ? `  one cluster: ${v.one_cluster}/${v.multi_person}` : ''}`),
    '',
    `clustering: ${r.clustering.one_cluster} of ${r.clustering.multi_person_schemes} multi-person schemes came out as one cluster (${r.clustering.pure} with nobody else in it)`,
    '',
    'benign look-alikes flagged:',
    ...Object.entries(r.lookalikes.by_type)
      .sort()
      .map(([t, v]) => `  ${t.padEnd(22)} ${v.flagged}/${v.people}`),
  ];
  if (r.lookalikes.flagged.length) lines.push('', ...r.lookalikes.flagged.slice(0, 20).map((f) => `  ${f.person_id.padEnd(10)} ${f.risk_level.padEnd(8)} ${String(f.risk_score ?? '').padStart(3)}  ${f.types.join(', ')}`));
  if (r.other_false_positives.length) lines.push('', `other people flagged: ${r.other_false_positives.slice(0, 20).map((f) => `${f.person_id} (${f.risk_level})`).join(', ')}${r.other_false_positives.length > 20 ? ', ...' : ''}`);
  const missed = r.schemes.filter((s) => s.missed.length);
  if (missed.length) lines.push('', 'missed:', ...missed.map((s) => `  ${s.id} ${s.type}: ${s.missed.join(', ')}`));
  if (r.missing_in_scan.length) lines.push('', `not in the scan at all: ${r.missing_in_scan.join(', ')}`);
  return lines.join('\n');
}
