/** `unmask score`: re-score every person and cluster (after feedback or a configuration change). */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { buildReport } from '../../report/json.js';
import { renderHtml } from '../../report/html.js';
import { scoreStore } from '../../score/index.js';
import { action } from '../context.js';
import { rankedSummary } from './scan.js';

export function register(program: Command): void {
  program
    .command('score')
    .description('score every person and cluster from the stored findings, clusters and decisions')
    .option('--json <file>', 'also write the scan document (JSON)')
    .option('--html <file>', 'also write the HTML report')
    .action(
      action(async (ctx, opts: { json?: string; html?: string }) => {
        const store = await ctx.store();
        await scoreStore(store, ctx.config, ctx.log);
        const doc = await buildReport(store);
        if (opts.json) writeFileSync(opts.json, `${JSON.stringify(doc, null, 2)}\n`);
        if (opts.html) writeFileSync(opts.html, renderHtml(doc));
        ctx.print(['scored:', ...rankedSummary(doc)].join('\n'), { summary: doc.summary, people: doc.people.slice(0, 20), clusters: doc.clusters.slice(0, 20) });
      }),
    );
}
