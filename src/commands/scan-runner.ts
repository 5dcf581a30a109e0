/**
 * `unmask scan DIR`: the whole pipeline on one folder — ingest, enrich, detect (sanctions screening
 * included), link and score — recorded as a scan run, then the scan document (JSON) and the HTML
 * report when asked for. Used by the CLI and the server alike.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { UnmaskConfig } from '../config/config.js';
import type { SecretKey } from '../config/secret.js';
import { runDetection, type DetectionReport } from '../detect/engine.js';
import { enrichStore, type EnrichStats } from '../enrich/stage.js';
import { ingestFolder, type IngestReport } from '../ingest/runner.js';
import { linkStore } from '../link/index.js';
import { contentId } from '../model/index.js';
import { buildReport, type ScanDocument } from '../report/json.js';
import { renderHtml } from '../report/html.js';
import { loadLists } from '../sanctions/loaders/index.js';
import { scoreStore } from '../score/index.js';
import type { Store } from '../store/db.js';
import { finishScanRun, startScanRun } from '../store/repositories/link.js';
import { saveList } from '../store/repositories/sanctions.js';
import type { Logger } from '../util/log.js';

export interface ScanArgs {
  store: Store;
  dir: string;
  config: UnmaskConfig;
  key: SecretKey;
  log: Logger;
  /** Write the scan document here. */
  json?: string | null;
  /** Write the HTML report here. */
  html?: string | null;
  /** Sanctions list files or folders to load before screening (as `unmask lists load`). */
  sanctions?: string[];
  /** The detection run's "now" (default: the latest observation in the data). */
  now?: Date;
  /** Stop at the first bad record instead of setting it aside. */
  strict?: boolean;
}

export interface ScanSummary {
  run_id: string;
  target: string;
  seconds: number;
  ingest: IngestReport;
  enrich: EnrichStats;
  detect: DetectionReport;
  link: { identifiers: number; links: number; clusters: number; largest: number; same_person: number };
  score: { people: number; clusters: number; by_level: Record<string, number>; suppressed_findings: number };
  document: ScanDocument;
  written: string[];
}

function writeOut(file: string, text: string): string {
  const abs = resolve(file);
  mkdirSync(dirname(abs), { recursive: true });
  writeFileSync(abs, text);
  return abs;
}

export async function runScan(args: ScanArgs): Promise<ScanSummary> {
  const { store, config, log } = args;
  const target = resolve(args.dir);
  const t0 = performance.now();
  const started_at = new Date().toISOString();
  const run_id = contentId('scan', target, started_at);
  const config_hash = createHash('sha256').update(JSON.stringify(config.score) + JSON.stringify(config.detect)).digest('hex').slice(0, 16);
  await startScanRun(store, { id: run_id, started_at, target, config_hash });

  log.info(`scan 1/5: ingesting ${target}`);
  const ingest = await ingestFolder(store, target, { key: args.key, log, strict: args.strict, config });

  log.info('scan 2/5: enriching IPs, phones, emails and addresses (offline)');
  const enrich = await enrichStore(store, config, log);

  if (args.sanctions?.length) {
    const lists = await loadLists(args.sanctions);
    for (const l of lists) await saveList(store, l, new Date());
    log.info(`scan: loaded ${lists.length} sanctions list(s): ${lists.map((l) => `${l.name} (${l.entries.length} entries${l.problems.length ? `, ${l.problems.length} unusable lines` : ''})`).join(', ')}`);
  }

  log.info('scan 3/5: detecting (rules and sanctions screening)');
  const detect = await runDetection(store, config, { log, now: args.now, runId: run_id });
  for (const r of detect.rules.filter((x) => x.error)) log.warn(`rule ${r.id} failed: ${r.error}`);

  log.info('scan 4/5: linking identities and clustering');
  const linked = await linkStore(store, config, log, { runId: run_id });

  log.info('scan 5/5: scoring');
  const scored = await scoreStore(store, config, log, { runId: run_id });

  const link = { identifiers: linked.stats.identifiers, links: linked.links.length, clusters: linked.stats.clusters, largest: linked.stats.largest, same_person: linked.stats.same_person };
  const stats = {
    ingest: { ...ingest.totals, seconds: ingest.seconds },
    enrich: { ip: enrich.ip.distinct, phone: enrich.phone.distinct, email: enrich.email.distinct, address: enrich.address.distinct },
    detect: { findings: detect.findings, exempted: detect.exempted, failed_rules: detect.rules.filter((r) => r.error).map((r) => r.id) },
    link,
    score: scored.stats,
  };
  await finishScanRun(store, run_id, stats);

  const document = await buildReport(store);
  const written: string[] = [];
  if (args.json) written.push(writeOut(args.json, `${JSON.stringify(document, null, 2)}\n`));
  if (args.html) written.push(writeOut(args.html, renderHtml(document)));
  return { run_id, target, seconds: (performance.now() - t0) / 1000, ingest, enrich, detect, link, score: scored.stats, document, written };
}
