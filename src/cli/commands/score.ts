/** `unmask score`: re-score every person and cluster (after feedback or a configuration change). */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { buildReport } from '../../report/json.js';
import { renderHtml } from '../../report/html.js';
import { scoreStore } from '../../score/index.js';
import { action } from '../context.js';
import { isDirectory, jsonFileOperand, rankedSummary } from './scan.js';

export function register(program: Command): void {
  program
    .command('score')
    .description('score every person and cluster from the stored findings, clusters and decisions')
    .argument('[file]', 'with --json: write the scan document (JSON) there')
    .option('--html <file>', 'also write the HTML report')
    .action(
      action(async (ctx, fileArg: string | undefined, opts: { html?: string }) => {
        const { jsonFile } = jsonFileOperand(ctx.options.json, [fileArg], isDirectory);
        const store = await ctx.store();
        await scoreStore(store, ctx.config, ctx.log);
        const doc = await buildReport(store);
        if (jsonFile) writeFileSync(jsonFile, `${JSON.stringify(doc, null, 2)}\n`);
        if (opts.html) writeFileSync(opts.html, renderHtml(doc));
        const text = ['scored:', ...rankedSummary(doc), ...(jsonFile ? [`wrote ${jsonFile}`] : []), ...(opts.html ? [`wrote ${opts.html}`] : [])].join('\n');
        if (jsonFile) process.stdout.write(`${text}\n`);
        else ctx.print(text, { summary: doc.summary, people: doc.people.slice(0, 20), clusters: doc.clusters.slice(0, 20) });
      }),
    );
}
