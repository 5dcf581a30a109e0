import type { Command } from 'commander';
import { sql } from 'kysely';
import { migrateToLatest } from '../../store/db.js';
import { action } from '../context.js';

const COUNTED = ['people', 'identifiers', 'devices', 'signins', 'endpoint_rows', 'net_connections', 'pay_accounts', 'payments', 'shipments', 'findings', 'clusters', 'quarantine'] as const;

export function register(program: Command): void {
  const db = program.command('db').description('the database: where it is, what it holds, its migrations');
  db.command('info')
    .description('show the database location, dialect and record counts')
    .action(
      action(async (ctx) => {
        const store = await ctx.store();
        const counts: Record<string, number> = {};
        for (const t of COUNTED) {
          const r = await store.db.selectFrom(t).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
          counts[t] = Number(r.n);
        }
        const text = [`database: ${store.location} (${store.dialect})`, ...COUNTED.map((t) => `  ${t.padEnd(16)} ${counts[t]}`)].join('\n');
        ctx.print(text, { location: store.location, dialect: store.dialect, counts });
      }),
    );
  db.command('migrate')
    .description('apply pending migrations (also done on every start)')
    .action(
      action(async (ctx) => {
        const store = await ctx.store();
        const applied = await migrateToLatest(store);
        ctx.print(applied.length ? `applied: ${applied.join(', ')}` : `up to date: ${store.location}`, { applied });
      }),
    );
}
