/**
 * `unmask demo`: what a fresh machine runs first. Simulates an organisation into a temporary
 * folder, scans it into the given store with the folder's own settings, writes the HTML report
 * and scores the scan against the simulator's truth. Starting the server afterwards is the
 * caller's choice (the CLI's `--serve`), so the demo itself stays a plain use-case.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { UnmaskConfig } from '../config/config.js';
import type { SecretKey } from '../config/secret.js';
import { simulate, type SimulateSummary } from '../simulate/index.js';
import type { Store } from '../store/db.js';
import type { Logger } from '../util/log.js';
import { evalConfig, evaluate, type EvalResult } from './evaluator.js';
import { runScan, type ScanSummary } from './scan-runner.js';

export const DEMO_PEOPLE = 2000;
export const DEMO_SEED = 'demo';

export interface DemoArgs {
  store: Store;
  /** The caller's configuration: its database and key settings are kept, its detection settings replaced by the simulated company's unless `explicitConfig`. */
  config: UnmaskConfig;
  explicitConfig?: string | null;
  key: SecretKey;
  log: Logger;
  html: string;
  people?: number;
  seed?: string;
  /** Keep the simulated folder (default: removed after the scan). */
  keepData?: boolean;
}

export interface DemoResult {
  data: string | null;
  html: string;
  simulation: Omit<SimulateSummary, 'truth'>;
  scan: ScanSummary;
  evaluation: EvalResult;
}

export async function runDemo(args: DemoArgs): Promise<DemoResult> {
  const root = mkdtempSync(join(tmpdir(), 'unmask-demo-'));
  const dir = join(root, 'org');
  try {
    args.log.info(`demo: simulating ${args.people ?? DEMO_PEOPLE} people into ${dir}`);
    const sim = await simulate({ people: args.people ?? DEMO_PEOPLE, seed: args.seed ?? DEMO_SEED, out: dir, log: args.log });
    const config = evalConfig(dir, args.explicitConfig, args.config);
    const html = resolve(args.html);
    const scan = await runScan({ store: args.store, dir, config, key: args.key, log: args.log, html });
    const { truth, ...simulation } = sim;
    return { data: args.keepData ? dir : null, html, simulation, scan, evaluation: evaluate(truth, scan.document) };
  } finally {
    if (!args.keepData) rmSync(root, { recursive: true, force: true });
  }
}
