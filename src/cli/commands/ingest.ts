import { statSync } from 'node:fs';
import { basename, dirname, relative } from 'node:path';
import { type Command, Option } from 'commander';
import { hasRejections, ingestFiles, ingestFolder, isSourceName, SOURCE_NAMES, type FileReport, type IngestReport, type SourceName } from '../../ingest/runner.js';
import { action } from '../context.js';

/** Guess the source of a lone file from its name or its folder (`okta/x.json`, `people.csv`). */
function guessSource(file: string): SourceName | null {
  const name = basename(file).toLowerCase().replace(/\.gz$/, '');
  for (const s of ['people', 'candidates', 'devices', 'shipments', 'pay_accounts', 'payments'] as const) {
    if (new RegExp(`^${s}([._-].*)?\\.csv$`).test(name)) return s;
  }
  const parent = basename(dirname(file)).toLowerCase();
  if (parent === 'google_workspace') return 'google';
  return isSourceName(parent) ? parent : null;
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')).join('\n');
}

export function formatReport(report: IngestReport, cwd = process.cwd()): string {
  const name = (f: string) => {
    const r = relative(cwd, f);
    return r.startsWith('..') ? f : r;
  };
  const n = (x: number) => x.toLocaleString('en-US');
  const rows = [['file', 'source', 'read', 'accepted', 'rejected', 'duplicates', 'skipped', 'no person', 'no device']];
  for (const f of report.files) {
    rows.push([name(f.file), f.source, n(f.records_read), n(f.accepted), n(f.rejected), n(f.duplicates), n(f.skipped), n(f.unmatched_people), n(f.unmatched_devices)]);
  }
  const t = report.totals;
  rows.push([`total (${t.files} files)`, '', n(t.records_read), n(t.accepted), n(t.rejected), n(t.duplicates), n(t.skipped), n(t.unmatched_people), n(t.unmatched_devices)]);
  const lines = [table(rows)];
  const notes = (f: FileReport) => [
    ...(f.error ? [`  error: ${f.error}`] : []),
    ...(f.note ? [`  note: ${f.note}`] : []),
    ...Object.entries(f.skipped_reasons).map(([why, k]) => `  skipped ${n(k)}: ${why}`),
    ...f.warnings.map((w) => `  warning: ${w}`),
  ];
  for (const f of report.files) {
    const ns = notes(f);
    if (ns.length) lines.push('', `${name(f.file)}:`, ...ns);
  }
  const j = report.rejoined;
  if (j.signins + j.endpoint_rows + j.net_connections + j.devices > 0) {
    lines.push('', `joined records stored earlier: ${n(j.signins)} sign-ins, ${n(j.endpoint_rows)} osquery rows, ${n(j.net_connections)} connections, ${n(j.devices)} devices`);
  }
  if (report.deferred_indexes.length) lines.push('', `bulk load: ${report.deferred_indexes.length} indexes set aside during the load and re-created after it`);
  if (t.rejected) lines.push('', `${n(t.rejected)} records rejected: see \`unmask quarantine\``);
  lines.push(`${n(t.bytes)} bytes in ${report.seconds.toFixed(1)} s (${n(Math.round(t.records_read / Math.max(report.seconds, 1e-3)))} records/s)`);
  return lines.join('\n');
}

export function register(program: Command): void {
  program
    .command('ingest')
    .description('read a data folder, or files of one source, into the database')
    .argument('<paths...>', 'a data folder (laid out as in docs/inputs.md), or files with --source')
    .addOption(new Option('-s, --source <source>', 'the source of the files given').choices([...SOURCE_NAMES]))
    .option('--strict', 'exit non-zero when any record is rejected or any file cannot be read')
    .action(
      action(async (ctx, paths: string[], opts: { source?: SourceName; strict?: boolean }) => {
        const store = await ctx.store();
        const io = { key: ctx.secretKey(), log: ctx.log, strict: opts.strict, config: ctx.config };
        const reports: IngestReport[] = [];
        if (opts.source) {
          reports.push(await ingestFiles(store, opts.source, paths, io));
        } else {
          for (const p of paths) {
            let isDir = false;
            try {
              isDir = statSync(p).isDirectory();
            } catch {
              throw new Error(`${p}: no such file or folder`);
            }
            if (isDir) reports.push(await ingestFolder(store, p, io));
            else {
              const s = guessSource(p);
              if (!s) throw new Error(`${p}: cannot tell which source this file is; give --source (${SOURCE_NAMES.join(', ')})`);
              reports.push(await ingestFiles(store, s, [p], io));
            }
          }
        }
        ctx.print(reports.map((r) => formatReport(r)).join('\n\n'), reports.length === 1 ? reports[0] : reports);
        if (opts.strict && reports.some(hasRejections)) {
          ctx.log.error('--strict: records were rejected or files could not be read');
          process.exitCode = 3;
        } else if (reports.some((r) => r.totals.failed_files > 0)) {
          process.exitCode = 1;
        }
      }),
    );
}
