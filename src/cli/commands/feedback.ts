/** `unmask feedback SUBJECT --benign|--confirmed --reason TEXT [--by NAME]`: record an analyst's decision. */
import { userInfo } from 'node:os';
import type { Command } from 'commander';
import { recordFeedback } from '../../commands/feedback-recorder.js';
import { action } from '../context.js';

function whoami(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? 'unknown';
  }
}

export function register(program: Command): void {
  program
    .command('feedback')
    .description('record a decision on a person, cluster or finding; a benign one suppresses that evidence until the data behind it changes (nothing is deleted)')
    .argument('<subject>', 'a person id (E1042, candidate:C77), a cluster id (C-…) or a finding id')
    .option('--benign', 'the evidence is explained and harmless')
    .option('--confirmed', 'the evidence is confirmed')
    .requiredOption('--reason <text>', 'why (kept with the decision)')
    .option('--by <name>', 'who decided (default: the operating-system user)')
    .option('--type <type>', 'what the subject is when its id is ambiguous: person, cluster or finding')
    .action(
      action(async (ctx, subject: string, opts: { benign?: boolean; confirmed?: boolean; reason: string; by?: string; type?: string }) => {
        if (Boolean(opts.benign) === Boolean(opts.confirmed)) throw new Error('say either --benign or --confirmed');
        if (opts.type && !['person', 'cluster', 'finding'].includes(opts.type)) throw new Error(`--type must be person, cluster or finding, not ${opts.type}`);
        const r = await recordFeedback(await ctx.store(), {
          subject_type: opts.type as 'person' | 'cluster' | 'finding' | undefined,
          subject_id: subject,
          decision: opts.benign ? 'benign' : 'confirmed',
          reason: opts.reason,
          decided_by: opts.by ?? whoami(),
        });
        ctx.print(
          `recorded: ${r.feedback.decision} on ${r.subject}, by ${r.feedback.decided_by} at ${r.feedback.decided_at} (covers ${r.evidence} piece${r.evidence === 1 ? '' : 's'} of evidence). Run \`unmask score\` to apply it.`,
          r,
        );
      }),
    );
}
