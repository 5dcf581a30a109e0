/**
 * `unmask lists` (what is loaded) and `unmask lists load PATH...` (load OFAC CSV files, the UN
 * consolidated XML or OpenSanctions FtM JSON lines; the format is found from the files).
 */
import type { Command } from 'commander';
import { loadLists } from '../../sanctions/loaders/index.js';
import { SOURCE_CREDITS, SOURCE_LABELS, type ListSource } from '../../sanctions/model.js';
import { WHERE_TO_DOWNLOAD } from '../../sanctions/screening.js';
import { deleteList, listLists, saveList, type StoredList } from '../../store/repositories/sanctions.js';
import { saveQuarantined } from '../../store/repositories/records.js';
import { contentId } from '../../model/ids.js';
import { action } from '../context.js';

function describe(l: StoredList): string {
  const s = l.stats;
  const types = s ? Object.entries(s.by_type).map(([t, n]) => `${n} ${t}`).join(', ') : '';
  return [
    `${l.id}: ${SOURCE_LABELS[l.source as ListSource] ?? l.name}`,
    `  published ${l.published_at ?? 'unknown'}${l.published_from ? ` (from ${l.published_from})` : ''}, loaded ${l.loaded_at}`,
    `  ${l.entry_count} entries${types ? ` (${types})` : ''}${s ? `, ${s.names} names` : ''}${s?.rejected ? `, ${s.rejected} rows rejected` : ''}${s?.orphans ? `, ${s.orphans} rows for entries not in the list` : ''}`,
    `  format ${l.format ?? '?'}, sha256 ${l.file_hash.slice(0, 16)}…`,
    `  data: ${SOURCE_CREDITS[l.source as ListSource] ?? l.source}`,
  ].join('\n');
}

export function register(program: Command): void {
  const lists = program
    .command('lists')
    .description('sanctions lists: show what is loaded, or load OFAC / UN / OpenSanctions files')
    .action(
      action(async (ctx) => {
        const loaded = await listLists(await ctx.store());
        if (!loaded.length) {
          ctx.print(`No sanctions list is loaded. Download one and run \`unmask lists load PATH\`:\n  ${WHERE_TO_DOWNLOAD.join('\n  ')}`, { lists: [] });
          return;
        }
        ctx.print(loaded.map(describe).join('\n'), { lists: loaded });
      }),
    );

  lists
    .command('load')
    .description('load sanctions list files: a folder or files with sdn.csv/alt.csv/add.csv/sdn_comments.csv, a UN consolidated XML, or FtM .json/.jsonl')
    .argument('<paths...>', 'files or folders')
    .option('--published <date>', 'publication date to record when the files carry none (YYYY-MM-DD)')
    .action(
      action(async (ctx, paths: string[], opts: { published?: string }) => {
        if (opts.published && !/^\d{4}-\d{2}-\d{2}$/.test(opts.published)) throw new Error(`--published must be a date (YYYY-MM-DD), got ${opts.published}`);
        const store = await ctx.store();
        const drafts = await loadLists(paths, { published: opts.published ?? null });
        const now = new Date();
        for (const d of drafts) {
          await saveList(store, d, now);
          // Unusable rows are set aside where `unmask quarantine` shows them, each with file and line.
          await saveQuarantined(
            store,
            d.problems.map((p) => ({
              id: contentId('sanctions-problem', d.id, p.file, p.line, p.reason),
              source: `sanctions:${d.source}`,
              file: p.file,
              line: p.line,
              reason: p.reason,
              raw: '',
              ingest_run_id: null,
              created_at: now.toISOString(),
            })),
          );
          for (const p of d.problems.slice(0, 5)) ctx.log.warn(`${p.file}:${p.line}: ${p.reason}`);
          if (d.problems.length > 5) ctx.log.warn(`... and ${d.problems.length - 5} more (see \`unmask quarantine\`)`);
        }
        const shown = await listLists(store);
        const mine = shown.filter((l) => drafts.some((d) => d.id === l.id));
        ctx.print(`loaded:\n${mine.map(describe).join('\n')}`, { loaded: mine });
      }),
    );

  lists
    .command('remove')
    .description('remove a loaded list by its id (see `unmask lists`)')
    .argument('<id>', 'list id, e.g. ofac-sdn, un-sc, opensanctions')
    .action(
      action(async (ctx, id: string) => {
        const removed = await deleteList(await ctx.store(), id);
        if (!removed) throw new Error(`no list with id ${id} is loaded (see \`unmask lists\`)`);
        ctx.print(`removed ${id}`, { removed: id });
      }),
    );
}
