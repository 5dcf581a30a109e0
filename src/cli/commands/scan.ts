/** `unmask scan DIR`: ingest, enrich, detect, link and score a data folder; print a ranked summary. */
import { existsSync, statSync } from 'node:fs';
import type { Command } from 'commander';
import { runScan, type ScanSummary } from '../../commands/scan-runner.js';
import type { ScanDocument } from '../../report/json.js';
import { action } from '../context.js';

/** The short ranked summary the terminal shows at the end of a scan (and after `unmask score`). */
export function rankedSummary(doc: ScanDocument, top = 10): string[] {
  const s = doc.summary;
  const lines = [`  ${s.people} people and candidates: ${s.by_level.critical} critical, ${s.by_level.high} high, ${s.by_level.medium} medium, ${s.by_level.low} low; ${s.findings} findings; ${s.clusters} clusters`];
  const people = doc.people.filter((p) => p.risk_score > 0).slice(0, top);
  if (people.length) {
    lines.push('', 'highest risk:');
    people.forEach((p, i) => {
      const why = p.explanation.find((e) => e.points > 0)?.label ?? '';
      lines.push(`  ${String(i + 1).padStart(2)}. ${p.risk_level.padEnd(8)} ${String(p.risk_score).padStart(3)}  ${p.person_id.padEnd(10)} ${p.full_name.slice(0, 28).padEnd(28)} ${p.cluster_id ?? ''}  ${why.slice(0, 70)}`);
    });
  }
  const clusters = doc.clusters.slice(0, Math.min(5, top));
  if (clusters.length) {
    lines.push('', 'clusters:');
    for (const c of clusters) lines.push(`  ${c.risk_level.padEnd(8)} ${String(c.risk_score).padStart(3)}  ${c.cluster_id}  ${c.person_ids.length} people: ${c.reasons.slice(0, 2).join('; ')}`);
  }
  return lines;
}

function summaryText(r: ScanSummary): string {
  const t = r.ingest.totals;
  return [
    `scan of ${r.target} (run ${r.run_id}) in ${r.seconds.toFixed(1)} s`,
    `  read ${t.records_read} records from ${t.files} files (${t.rejected} set aside${t.failed_files ? `, ${t.failed_files} files failed` : ''}); ${r.detect.findings} findings; ${r.link.identifiers} identifiers, ${r.link.links} links`,
    ...rankedSummary(r.document),
    ...(r.written.length ? ['', ...r.written.map((f) => `wrote ${f}`)] : []),
  ].join('\n');
}

/**
 * `--json FILE` after a command: the program's global `--json` flag (print results as JSON) is
 * parsed first and takes the flag, leaving FILE as an extra operand. Reunite them: with the flag
 * set and one operand more than the command takes, the operand that is not the data folder is
 * the JSON file.
 */
export function jsonFileOperand(globalJson: boolean | undefined, operands: Array<string | undefined>, isDir: (p: string) => boolean): { rest: string[]; jsonFile: string | null } {
  const given = operands.filter((o): o is string => Boolean(o));
  if (!globalJson || given.length === 0) return { rest: given, jsonFile: null };
  const dirs = given.filter(isDir);
  if (given.length === 1 && dirs.length === 0) return { rest: [], jsonFile: given[0]! };
  if (given.length === 2) {
    const file = given.find((g) => !isDir(g)) ?? given[1]!;
    return { rest: given.filter((g) => g !== file), jsonFile: file };
  }
  return { rest: given, jsonFile: null };
}

export const isDirectory = (p: string): boolean => existsSync(p) && statSync(p).isDirectory();

export function register(program: Command): void {
  program
    .command('scan')
    .description('ingest, enrich, detect, link and score a data folder, then print the highest risks')
    .argument('<dir>', 'data folder (people.csv, candidates.csv, okta/, osquery/, ...; see docs/output.md)')
    .argument('[file]', 'with --json: where to write the scan document (JSON, see docs/output-schema.json)')
    .option('--html <file>', 'write a self-contained HTML report')
    .option('--sanctions <paths...>', 'sanctions list files or folders to load before screening')
    .option('--now <time>', 'the detection run\'s "now" (ISO 8601); default: the latest observation')
    .option('--strict', 'stop at the first bad record instead of setting it aside')
    .action(
      action(async (ctx, dirArg: string, fileArg: string | undefined, opts: { html?: string; sanctions?: string[]; now?: string; strict?: boolean }) => {
        const { rest, jsonFile } = jsonFileOperand(ctx.options.json, [dirArg, fileArg], isDirectory);
        if (rest.length !== 1) throw new Error(`scan takes one data folder${fileArg ? ` (and --json FILE), got: ${[dirArg, fileArg].join(' ')}` : ''}`);
        const dir = rest[0]!;
        let now: Date | undefined;
        if (opts.now) {
          now = new Date(opts.now);
          if (Number.isNaN(now.getTime())) throw new Error(`--now: not an ISO 8601 time: ${opts.now}`);
        }
        const r = await runScan({ store: await ctx.store(), dir, config: ctx.config, key: ctx.secretKey(), log: ctx.log, json: jsonFile, html: opts.html, sanctions: opts.sanctions, now, strict: opts.strict });
        // With --json FILE the document went to the file; the terminal keeps the readable summary.
        if (jsonFile) process.stdout.write(`${summaryText(r)}\n`);
        else {
          const { document: _document, ...result } = r;
          ctx.print(summaryText(r), { ...result, summary: r.document.summary });
        }
        if (r.ingest.totals.failed_files || r.detect.rules.some((x) => x.error)) process.exitCode = 1;
      }),
    );
}
