import type { Command } from 'commander';
import { listQuarantine } from '../../store/repositories/ingest.js';
import { action } from '../context.js';

export function register(program: Command): void {
  program
    .command('quarantine')
    .description('list records set aside by ingest: file, line, reason and raw text')
    .option('--file <path>', 'only records from this file (a full path or its end, e.g. okta/events.json)')
    .option('--source <source>', 'only records of this source (okta, people, ...)')
    .option('--limit <n>', 'at most this many records', (v) => Number.parseInt(v, 10), 200)
    .action(
      action(async (ctx, opts: { file?: string; source?: string; limit: number }) => {
        const store = await ctx.store();
        const { rows, total } = await listQuarantine(store, { file: opts.file, source: opts.source, limit: opts.limit });
        const excerpt = (s: string) => {
          const one = s.replace(/\s+/g, ' ');
          return one.length > 120 ? `${one.slice(0, 117)}...` : one;
        };
        const text = rows.length
          ? [
              ...rows.map((r) => `${r.file}:${r.line}: ${r.reason}\n    ${excerpt(r.raw)}`),
              total > rows.length ? `(${total - rows.length} more; use --limit)` : `${total} quarantined record${total === 1 ? '' : 's'}`,
            ].join('\n')
          : 'no quarantined records';
        ctx.print(text, { total, records: rows });
      }),
    );
}
