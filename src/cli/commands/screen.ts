/** `unmask screen NAME [--dob DATE] [--country CC] [--id NUMBER]`: screen one name against the loaded lists. */
import type { Command } from 'commander';
import { countryCode } from '../../sanctions/countries.js';
import { SOURCE_CREDITS, type ListSource } from '../../sanctions/model.js';
import { DEFAULT_THRESHOLD } from '../../sanctions/matcher.js';
import { loadIndex, WHERE_TO_DOWNLOAD } from '../../sanctions/screening.js';
import { action } from '../context.js';

interface ScreenOpts {
  dob?: string;
  country?: string[];
  id?: string[];
  kind?: 'person' | 'organization' | 'any';
  limit?: string;
  threshold?: string;
}

export function register(program: Command): void {
  program
    .command('screen')
    .description('screen a name against the loaded sanctions lists, with the reasons for each match')
    .argument('<name>', 'the name, in any script (Latin, Hangul, Han, Cyrillic), in any order')
    .option('--dob <date>', 'date of birth (YYYY-MM-DD, YYYY-MM or YYYY)')
    .option('--country <cc...>', 'countries tied to the subject (ISO codes or names)')
    .option('--id <number...>', 'identifier numbers (passport, national id, registration)')
    .option('--kind <kind>', 'person, organization or any', 'any')
    .option('--limit <n>', 'most matches to show', '10')
    .option('--threshold <score>', `lowest score to show (0..1)`, String(DEFAULT_THRESHOLD))
    .action(
      action(async (ctx, name: string, opts: ScreenOpts) => {
        if (opts.dob && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(opts.dob)) throw new Error(`--dob must be YYYY-MM-DD, YYYY-MM or YYYY, got ${opts.dob}`);
        const countries = (opts.country ?? []).map((c) => {
          const code = countryCode(c);
          if (!code) throw new Error(`--country: unknown country ${c}`);
          return code;
        });
        const threshold = Number(opts.threshold);
        const limit = Number(opts.limit);
        if (!(threshold >= 0 && threshold <= 1)) throw new Error(`--threshold must be between 0 and 1, got ${opts.threshold}`);
        if (!Number.isInteger(limit) || limit < 1) throw new Error(`--limit must be a positive whole number, got ${opts.limit}`);
        if (opts.kind && !['person', 'organization', 'any'].includes(opts.kind)) throw new Error(`--kind must be person, organization or any`);
        const loaded = await loadIndex(await ctx.store());
        if (!loaded) {
          const text = `No sanctions list is loaded, so nothing can be screened (a fresh install ships none).\nDownload a list and load it with \`unmask lists load PATH\`:\n  ${WHERE_TO_DOWNLOAD.join('\n  ')}`;
          ctx.print(text, { query: name, lists: [], matches: [], error: 'no sanctions list loaded' });
          process.exitCode = 3;
          return;
        }
        const query = { name, birth_date: opts.dob ?? null, countries, identifiers: opts.id ?? [], kind: opts.kind ?? 'any' };
        const matches = loaded.index.screen(query, { threshold, limit });
        const lists = loaded.lists.map((l) => `${l.id} (${l.published_at ?? 'date unknown'})`).join(', ');
        const text = matches.length
          ? [
              `${matches.length} match${matches.length === 1 ? '' : 'es'} for "${name}" at score ≥ ${threshold} in ${lists}:`,
              ...matches.map((m, i) =>
                [
                  `\n${i + 1}. ${m.entry.primary_name} [${m.entry.list_id} ${m.entry.source_uid}] ${m.entry.entity_type}, ${m.entry.programs.join(', ') || 'no programme'}: score ${m.score.toFixed(2)}`,
                  ...m.reasons.map((r) => `   ${r}`),
                ].join('\n'),
              ),
            ].join('\n')
          : `No match for "${name}" at score ≥ ${threshold} in ${lists}.`;
        const credits = [...new Set(loaded.lists.map((l) => SOURCE_CREDITS[l.source as ListSource] ?? l.source))];
        ctx.print(`${text}\n\nList data: ${credits.join('; ')}.`, {
          query,
          credits,
          threshold,
          lists: loaded.lists.map((l) => ({ id: l.id, published_at: l.published_at, entries: l.entry_count })),
          matches: matches.map((m) => ({
            score: Number(m.score.toFixed(3)),
            list: m.entry.list_id,
            entry_uid: m.entry.source_uid,
            entity_type: m.entry.entity_type,
            primary_name: m.entry.primary_name,
            matched_name: m.matched_name,
            programs: m.entry.programs,
            birth_dates: m.entry.birth_dates,
            countries: m.entry.countries,
            reasons: m.reasons,
            contributions: m.contributions,
          })),
        });
      }),
    );
}
