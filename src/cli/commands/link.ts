/** `unmask link`: rebuild identifiers, links and clusters from the stored records. */
import type { Command } from 'commander';
import { linkStore } from '../../link/index.js';
import { action } from '../context.js';

export function register(program: Command): void {
  program
    .command('link')
    .description('link people through shared identifiers, match records of one human, and cluster (then run `unmask score`)')
    .action(
      action(async (ctx) => {
        const r = await linkStore(await ctx.store(), ctx.config, ctx.log);
        const lines = [
          `link: ${r.stats.identifiers} identifiers, ${r.stats.edges} links (${r.stats.strong_edges} strong), ${r.stats.same_person} same-person matches, ${r.stats.clusters} clusters`,
          ...r.clusters.slice(0, 10).map((c) => `  ${c.id}  ${c.person_ids.length} people: ${c.reasons.slice(0, 2).join('; ')}`),
        ];
        ctx.print(lines.join('\n'), { stats: r.stats, clusters: r.clusters.map(({ id, person_ids, reasons, hubs }) => ({ id, person_ids, reasons, hubs })) });
      }),
    );
}
