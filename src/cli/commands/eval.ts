/** `unmask eval DIR`: scan a simulated folder (or read a scan document) and score it against truth.json. */
import type { Command } from 'commander';
import { evalConfig, evalText, evaluateFolder } from '../../commands/evaluator.js';
import { action } from '../context.js';

export function register(program: Command): void {
  program
    .command('eval')
    .description('scan a folder written by `unmask simulate` and report precision and recall against its truth.json')
    .argument('<dir>', 'simulated data folder (with truth.json)')
    .option('--scan <file>', 'evaluate this scan document (from `unmask scan DIR --json FILE`) instead of scanning')
    .action(
      action(async (ctx, dir: string, opts: { scan?: string }) => {
        const config = evalConfig(dir, ctx.options.config, ctx.config);
        const result = await evaluateFolder({ dir, scanFile: opts.scan, config, key: ctx.secretKey(), log: ctx.log });
        ctx.print(evalText(result), result);
      }),
    );
}
