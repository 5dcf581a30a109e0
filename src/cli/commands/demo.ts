/**
 * `unmask demo`: simulate a 2,000-person organisation, scan it, write the HTML report, then serve
 * the web UI on the same database (docs/simulator.md). This is the README's first command.
 */
import type { Command } from 'commander';
import { DEMO_PEOPLE, DEMO_SEED, runDemo, type DemoResult } from '../../commands/demo.js';
import { evalText } from '../../commands/evaluator.js';
import { startServer } from '../../serve/server.js';
import { rankedSummary } from './scan.js';
import { action, type CommandContext } from '../context.js';

function demoText(r: DemoResult, dbLocation: string): string {
  const e = r.evaluation.people;
  return [
    `demo: simulated ${r.simulation.people} people and ${r.simulation.candidates} candidates with ${r.simulation.schemes} hidden schemes; scanned into ${dbLocation} in ${r.scan.seconds.toFixed(1)} s`,
    ...rankedSummary(r.scan.document, 5),
    '',
    `against the simulator's truth: precision ${(e.precision * 100).toFixed(1)}%, recall ${(e.recall * 100).toFixed(1)}% (run \`unmask eval\` on a simulated folder for the details)`,
    ...(r.data ? [`simulated data kept in ${r.data}`] : []),
    '',
    `HTML report: ${r.html}`,
  ].join('\n');
}

/** After the demo: serve the same database until Ctrl-C. */
async function serveAfterDemo(ctx: CommandContext, port: number | undefined): Promise<void> {
  const server = await startServer({ store: await ctx.store(), config: ctx.config, port, log: ctx.log, secretKey: () => ctx.secretKey() });
  ctx.print(`serving at ${server.url}${server.setupUrl ? ` (first visit: ${server.setupUrl})` : ''} (Ctrl-C to stop)`, { url: server.url, setup_url: server.setupUrl });
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void server.close().then(resolve, resolve);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

export function register(program: Command): void {
  program
    .command('demo')
    .description(`simulate a ${DEMO_PEOPLE.toLocaleString('en-US')}-person organisation with hidden schemes, scan it into the database and write the HTML report`)
    .option('--html <file>', 'where to write the HTML report', 'unmask-demo-report.html')
    .option('--people <n>', 'people to simulate', String(DEMO_PEOPLE))
    .option('--seed <seed>', 'simulation seed', DEMO_SEED)
    .option('--keep-data', 'keep the simulated folder (printed) instead of removing it')
    .option('--no-serve', 'do not start the web UI afterwards (by default the demo serves its database until Ctrl-C)')
    .option('-p, --port <port>', 'port for the web UI (default: serve.port in unmask.yaml, else 8080)', (v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`--port: not a port number: ${v}`);
      return n;
    })
    .action(
      action(async (ctx, opts: { html: string; people: string; seed: string; keepData?: boolean; serve?: boolean; port?: number }) => {
        const people = Number(opts.people);
        if (!Number.isInteger(people) || people < 10) throw new Error(`--people: expected a whole number of at least 10, got ${opts.people}`);
        const store = await ctx.store();
        const result = await runDemo({ store, config: ctx.config, explicitConfig: ctx.options.config, key: ctx.secretKey(), log: ctx.log, html: opts.html, people, seed: opts.seed, keepData: opts.keepData });
        const { scan, ...rest } = result;
        ctx.print(demoText(result, store.location), { ...rest, scan: { run_id: scan.run_id, seconds: scan.seconds, summary: scan.document.summary }, evaluation_text: evalText(result.evaluation) });
        if (opts.serve) await serveAfterDemo(ctx, opts.port);
      }),
    );
}
