/**
 * The ingest runner: reads files of one or more sources in order, maps each record to the
 * canonical model, writes in batches, quarantines what is malformed, and afterwards joins records
 * stored before their person or device was known. Callable with an already-open store (the scan
 * runner uses it that way).
 *
 *   ingestFolder(store, dir, opts)            a data folder laid out as in the data contract
 *   ingestFiles(store, source, files, opts)   files of one source (a folder is read whole)
 */
import { randomUUID } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { contentId } from '../model/ids.js';
import type { Store } from '../store/db.js';
import * as repo from '../store/repositories/ingest.js';
import { quarantineRecord } from './quarantine.js';
import { Sink } from './sink.js';
import { SqliteWriterThread } from './writer-thread.js';
import { SOURCES } from './sources/index.js';
import {
  FileError,
  RecordError,
  type FileReport,
  type IngestOptions,
  type IngestReport,
  type Lookups,
  type MapContext,
  type MapResult,
  type SourceName,
} from './types.js';

export type { FileReport, IngestOptions, IngestReport, SourceName } from './types.js';
export { SOURCE_NAMES, isSourceName } from './types.js';

/** Workforce files at the top of a data folder, by source. Reference data first, logs after. */
const FOLDER_FILES: Array<[SourceName, RegExp]> = [
  ['people', /^people([._-].*)?\.csv(\.gz)?$/i],
  ['candidates', /^candidates([._-].*)?\.csv(\.gz)?$/i],
  ['devices', /^devices([._-].*)?\.csv(\.gz)?$/i],
  ['shipments', /^shipments([._-].*)?\.csv(\.gz)?$/i],
  ['pay_accounts', /^pay_accounts([._-].*)?\.csv(\.gz)?$/i],
  ['payments', /^payments([._-].*)?\.csv(\.gz)?$/i],
];
/** Log folders, in the order they are read (osquery before zeek: connections join through osquery addresses). */
const FOLDER_DIRS: Array<[SourceName, string[]]> = [
  ['okta', ['okta']],
  ['entra', ['entra']],
  ['google', ['google', 'google_workspace']],
  ['osquery', ['osquery']],
  ['zeek', ['zeek']],
];

export interface PlannedFile {
  source: SourceName;
  file: string;
}

/** Every regular, non-hidden file under a folder, sorted, recursively. */
function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.')) continue;
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) out.push(...filesUnder(p));
    else if (st.isFile()) out.push(p);
  }
  return out;
}

/** What `ingestFolder` would read, in order; names it does not know are listed as ignored. */
export function planFolder(dir: string): { files: PlannedFile[]; ignored: string[] } {
  const root = resolve(dir);
  let st;
  try {
    st = statSync(root);
  } catch {
    throw new FileError(root, 'no such folder');
  }
  if (!st.isDirectory()) throw new FileError(root, 'not a folder');
  const entries = readdirSync(root).filter((n) => !n.startsWith('.')).sort();
  const files: PlannedFile[] = [];
  const used = new Set<string>();
  for (const [source, pattern] of FOLDER_FILES) {
    for (const name of entries) {
      if (pattern.test(name) && statSync(join(root, name)).isFile()) {
        files.push({ source, file: join(root, name) });
        used.add(name);
      }
    }
  }
  for (const [source, names] of FOLDER_DIRS) {
    for (const name of entries) {
      if (names.includes(name.toLowerCase()) && statSync(join(root, name)).isDirectory()) {
        for (const f of filesUnder(join(root, name))) files.push({ source, file: f });
        used.add(name);
      }
    }
  }
  return { files, ignored: entries.filter((n) => !used.has(n)) };
}

export async function ingestFolder(store: Store, dir: string, opts: IngestOptions): Promise<IngestReport> {
  const { files, ignored } = planFolder(dir);
  if (ignored.length) opts.log.info(`ingest: ignoring ${ignored.map((n) => JSON.stringify(n)).join(', ')} in ${resolve(dir)} (not part of the data folder layout)`);
  return runIngest(store, files, resolve(dir), opts);
}

export async function ingestFiles(store: Store, source: SourceName, files: string[], opts: IngestOptions): Promise<IngestReport> {
  const plan: PlannedFile[] = [];
  for (const f of files) {
    const abs = resolve(f);
    let isDir = false;
    try {
      isDir = statSync(abs).isDirectory();
    } catch {
      // A missing file is reported as such when read.
    }
    if (isDir) for (const g of filesUnder(abs)) plan.push({ source, file: g });
    else plan.push({ source, file: abs });
  }
  return runIngest(store, plan, `${source}: ${files.join(', ')}`, opts);
}

function emptyReport(source: SourceName, file: string): FileReport {
  return {
    file,
    source,
    bytes: 0,
    records_read: 0,
    accepted: 0,
    rejected: 0,
    duplicates: 0,
    skipped: 0,
    unmatched_people: 0,
    unmatched_devices: 0,
    seconds: 0,
    skipped_reasons: {},
    warnings: [],
  };
}

const MAX_WARNINGS_PER_FILE = 100;

interface FileRun {
  sink: Sink;
  lookups: Lookups;
  /** Host → serial, learned as osquery results are read. */
  byHost: Map<string, string>;
  runId: string;
  opts: IngestOptions;
}

/** Read one file: records mapped and written, malformed ones quarantined, counted in its report. */
async function ingestOneFile({ source: sourceName, file }: PlannedFile, { sink, lookups, byHost, runId, opts }: FileRun): Promise<FileReport> {
  const source = SOURCES[sourceName];
  const report = emptyReport(sourceName, file);
  sink.reset();
  const ft0 = performance.now();
  let lastProgress = ft0;
  const warn = (m: string) => {
    if (report.warnings.length < MAX_WARNINGS_PER_FILE) report.warnings.push(m);
    else if (report.warnings.length === MAX_WARNINGS_PER_FILE) report.warnings.push('(further warnings not listed)');
  };
  const ctx: MapContext = { source: sourceName, file, line: 0, key: opts.key, config: opts.config, lookups, warn: (m) => warn(`line ${ctx.line}: ${m}`) };
  const reject = async (line: number, reason: string, raw: string) => {
    report.rejected++;
    await sink.push('quarantine', quarantineRecord(sourceName, file, line, reason, raw, runId));
  };
  try {
    for await (const rec of source.read(file, (n) => (report.bytes += n))) {
      if (rec.warning !== undefined) {
        warn(`line ${rec.line}: ${rec.warning}`);
        continue;
      }
      report.records_read++;
      if (rec.error !== undefined) {
        await reject(rec.line, rec.error, rec.raw);
      } else {
        ctx.line = rec.line;
        let result: MapResult | null = null;
        try {
          const r = source.map(rec.value, ctx);
          result = r instanceof Promise ? await r : r;
        } catch (e) {
          if (!(e instanceof RecordError)) throw new FileError(file, `line ${rec.line}: unexpected error: ${e instanceof Error ? e.message : String(e)}`);
          await reject(rec.line, e.message, rec.raw);
        }
        if (result) {
          if (result.outputs.length === 0) {
            report.skipped++;
            const why = result.skipped ?? 'nothing to keep';
            report.skipped_reasons[why] = (report.skipped_reasons[why] ?? 0) + 1;
          } else {
            report.accepted++;
            for (const out of result.outputs) {
              if (out.kind === 'host_serial') byHost.set(out.host.toLowerCase(), out.serial);
              await sink.add(out, file);
            }
          }
        }
      }
      if ((report.records_read & 1023) === 0) {
        const now = performance.now();
        if (now - lastProgress > 250) {
          lastProgress = now;
          const s = (now - ft0) / 1000;
          opts.log.progress(
            `${basename(file)}: ${report.records_read.toLocaleString('en-US')} records (${Math.round(report.records_read / s).toLocaleString('en-US')}/s), ${(report.bytes / 1e6).toFixed(1)} MB (${(report.bytes / 1e6 / s).toFixed(1)} MB/s)`,
          );
        }
      }
    }
    await sink.finish();
  } catch (e) {
    await sink.finish();
    if (e instanceof FileError) report.error = e.message;
    else report.error = `${file}: ${e instanceof Error ? e.message : String(e)}`;
    opts.log.error(report.error);
  }
  opts.log.done();
  report.duplicates = sink.counts.duplicates;
  report.seconds = (performance.now() - ft0) / 1000;
  if (!report.error && report.records_read === 0) report.note = 'empty file: no records';
  return report;
}

/** Log tables, by the sources that fill them. */
const LOG_TABLES: Partial<Record<SourceName, 'signins' | 'endpoint_rows' | 'net_connections'>> = { okta: 'signins', entra: 'signins', google: 'signins', osquery: 'endpoint_rows', zeek: 'net_connections' };
/** A load is bulk when it brings at least this many rows (estimated from bytes), and no fewer than the table holds. */
const BULK_MIN_ROWS = 200_000;
const BYTES_PER_ROW_ESTIMATE = 1000;

/**
 * On SQLite, drop the secondary indexes of log tables about to receive a bulk load (re-created at
 * the end of the run): much faster than keeping them up to date row by row.
 */
async function deferIndexesForBulkLoad(store: Store, plan: PlannedFile[], minRows = BULK_MIN_ROWS): Promise<string[]> {
  if (!store.sqlite) return [];
  const bytes = new Map<'signins' | 'endpoint_rows' | 'net_connections', number>();
  for (const { source, file } of plan) {
    const table = LOG_TABLES[source];
    if (!table) continue;
    let size = 0;
    try {
      size = statSync(file).size;
    } catch {
      continue;
    }
    // Compressed logs hold several times their size.
    bytes.set(table, (bytes.get(table) ?? 0) + (file.endsWith('.gz') ? size * 8 : size));
  }
  const dropped: string[] = [];
  for (const [table, b] of bytes) {
    const rows = b / BYTES_PER_ROW_ESTIMATE;
    if (rows >= minRows && rows >= (await repo.rowEstimate(store, table))) {
      dropped.push(...(await repo.deferIndexes(store, table)));
    }
  }
  return dropped;
}

/** Distinct user names remembered at most (memory stays bounded by identities, not events). */
const EMAIL_MEMO_LIMIT = 200_000;

export async function runIngest(store: Store, plan: PlannedFile[], target: string, opts: IngestOptions): Promise<IngestReport> {
  const t0 = performance.now();
  const runId = randomUUID();
  const started = new Date().toISOString();
  await repo.startIngestRun(store, runId, target, started);
  let byEmail = await repo.personIdsByEmail(store);
  const byHost = await repo.serialsByHost(store);
  // Sign-in logs repeat the same user names: remember each raw name's answer (cleared when people change).
  const emailMemo = new Map<string, string | undefined>();
  const lookups: Lookups = {
    personByEmail: (e) => {
      let id = emailMemo.get(e);
      if (id === undefined && !emailMemo.has(e)) {
        id = byEmail.get(e.trim().toLowerCase());
        if (emailMemo.size >= EMAIL_MEMO_LIMIT) emailMemo.clear();
        emailMemo.set(e, id);
      }
      return id;
    },
    serialByHost: (h) => byHost.get(h.toLowerCase()),
  };
  await repo.restoreDeferredIndexes(store); // left by a run that did not finish
  const deferred = await deferIndexesForBulkLoad(store, plan, opts.bulkMinRows);
  // A file-backed SQLite store is written from a second thread; PostgreSQL and :memory: from this one.
  const writer = store.sqlite && store.location !== ':memory:' && opts.writerThread !== false ? new SqliteWriterThread(store.location) : null;
  const sink = new Sink(store, opts.batchSize ?? 2000, writer);
  const reports: FileReport[] = [];
  try {
    for (const planned of plan) {
      reports.push(await ingestOneFile(planned, { sink, lookups, byHost, runId, opts }));
      // People read now can be matched by the sign-ins read next; devices by the osquery rows.
      if (planned.source === 'people') {
        byEmail = await repo.personIdsByEmail(store);
        emailMemo.clear();
      }
      if (planned.source === 'devices') for (const [h, s] of await repo.serialsByHost(store)) byHost.set(h, s);
    }
  } finally {
    await writer?.close();
    if (deferred.length) {
      opts.log.progress(`re-creating ${deferred.length} indexes...`);
      await repo.restoreDeferredIndexes(store);
      opts.log.done();
    }
  }

  // Join what was stored before its person or device was known (another run, another order).
  const rejoined = {
    devices: await repo.assignDevicesFromShipments(store),
    signins: await repo.rejoinSignIns(store, byEmail),
    endpoint_rows: await repo.rejoinEndpointRows(store, new Map([...(await repo.serialsByHost(store)), ...byHost])),
    net_connections: await repo.rejoinNetConnections(store),
  };
  for (const r of reports) {
    if (r.error) continue;
    const u = await repo.unmatchedInFile(store, r.file);
    r.unmatched_people = u.people;
    r.unmatched_devices = u.devices;
  }

  const totals = {
    files: reports.length,
    failed_files: reports.filter((r) => r.error).length,
    bytes: 0,
    records_read: 0,
    accepted: 0,
    rejected: 0,
    duplicates: 0,
    skipped: 0,
    unmatched_people: 0,
    unmatched_devices: 0,
  };
  for (const r of reports) {
    for (const k of ['bytes', 'records_read', 'accepted', 'rejected', 'duplicates', 'skipped', 'unmatched_people', 'unmatched_devices'] as const) totals[k] += r[k];
  }
  const finished = new Date().toISOString();
  await repo.finishIngestRun(
    store,
    runId,
    finished,
    { totals, rejoined, files: reports.map((r) => ({ file: r.file, source: r.source, skipped: r.skipped, skipped_reasons: r.skipped_reasons, warnings: r.warnings.length, error: r.error ?? null })) },
    reports.map((r) => ({
      id: contentId(runId, r.file),
      run_id: runId,
      file: r.file,
      source: r.source,
      records_read: r.records_read,
      accepted: r.accepted,
      rejected: r.rejected,
      duplicates: r.duplicates,
      unmatched_people: r.unmatched_people,
      unmatched_devices: r.unmatched_devices,
      bytes: r.bytes,
      finished_at: finished,
    })),
  );
  return { run_id: runId, files: reports, totals, rejoined, deferred_indexes: deferred, seconds: (performance.now() - t0) / 1000 };
}

/** True when the run should make a `--strict` caller fail: any rejected record or unreadable file. */
export function hasRejections(report: IngestReport): boolean {
  return report.totals.rejected > 0 || report.totals.failed_files > 0;
}

