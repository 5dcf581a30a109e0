/** `unmask detect`: run the rule catalog over the store and store the findings. */
import type { Command } from 'commander';
import { runDetection } from '../../detect/engine.js';
import { action } from '../context.js';

export function register(program: Command): void {
  program
    .command('detect')
    .description('run the detection rules over the store; re-running replaces the findings of the rules it runs')
    .option('--rule <id...>', 'run only these rules')
    .option('--now <time>', 'the run\'s "now" (ISO 8601); default: the latest observation in the store')
    .action(
      action(async (ctx, opts: { rule?: string[]; now?: string }) => {
        let now: Date | undefined;
        if (opts.now) {
          now = new Date(opts.now);
          if (Number.isNaN(now.getTime())) throw new Error(`--now: not an ISO 8601 time: ${opts.now}`);
        }
        const store = await ctx.store();
        const report = await runDetection(store, ctx.config, { log: ctx.log, now, ruleIds: opts.rule });
        const fired = report.rules.filter((r) => r.findings || r.exempted || r.error);
        const lines = [
          `detect: ${report.findings} findings from ${report.rules.length} rules in ${report.seconds.toFixed(1)} s (now = ${report.now}, run ${report.run_id})`,
          ...fired.map((r) => `  ${r.id.padEnd(48)} ${String(r.findings).padStart(6)}${r.exempted ? `  (${r.exempted} exempted)` : ''}${r.error ? `  FAILED: ${r.error}` : ''}`),
          ...(report.disabled.length ? [`  disabled: ${report.disabled.join(', ')}`] : []),
        ];
        ctx.print(lines.join('\n'), report);
        if (report.rules.some((r) => r.error)) process.exitCode = 1;
      }),
    );
}
