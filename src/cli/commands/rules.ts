/**
 * `unmask rules`: the detection catalog. Lists the rules, shows one with its effective settings,
 * prints docs/rules.md (`--markdown`), lists the remote-access tool catalog, and imports LOLRMM.
 */
import type { Command } from 'commander';
import { allRules, getRule } from '../../detect/catalog.js';
import { renderRulesMarkdown } from '../../detect/docs.js';
import { isEnabled, ruleParams } from '../../detect/engine.js';
import { readLolrmm } from '../../detect/reference/lolrmm.js';
import { remoteAccessToolSchema, ToolCatalog, type RemoteAccessTool } from '../../detect/reference/remote-access-tools.js';
import { listImportedTools, saveImportedTools } from '../../store/repositories/detect.js';
import { action } from '../context.js';

export function register(program: Command): void {
  const rules = program
    .command('rules')
    .description('the detection rule catalog: list rules, show one, tools, import LOLRMM')
    .option('--markdown', 'print the catalog as Markdown (the text of docs/rules.md)')
    .action(
      action(async (ctx, opts: { markdown?: boolean }) => {
        const list = allRules();
        if (opts.markdown) {
          process.stdout.write(renderRulesMarkdown(list));
          return;
        }
        const width = Math.max(...list.map((r) => r.meta.id.length));
        const text = list.map((r) => `${r.meta.id.padEnd(width)}  ${r.meta.severity.padEnd(8)}  ${isEnabled(r, ctx.config) ? '' : '(disabled) '}${r.meta.title}`).join('\n');
        ctx.print(`${text}\n${list.length} rules; \`unmask rules show ID\` for details`, list.map((r) => ({ ...r.meta, enabled: isEnabled(r, ctx.config) })));
      }),
    );

  rules
    .command('show <id>')
    .description('show one rule: what it looks for, why, its data, parameters (with configured values) and false positives')
    .action(
      action(async (ctx, id: string) => {
        const rule = getRule(id);
        if (!rule) throw new Error(`unknown rule "${id}" (see \`unmask rules\`)`);
        const m = rule.meta;
        const params = ruleParams(rule, ctx.config);
        const severity = ctx.config.detect.rules[id]?.severity ?? m.severity;
        const exemptions = ctx.config.detect.exemptions.filter((e) => e.rule === id || e.rule === '*');
        const lines = [
          `${m.id}: ${m.title}`,
          `severity: ${severity}${severity !== m.severity ? ` (configured; default ${m.severity})` : ''}   enabled: ${isEnabled(rule, ctx.config) ? 'yes' : 'no'}${m.attack?.length ? `   ATT&CK: ${m.attack.join(', ')}` : ''}`,
          '',
          m.description,
          '',
          `Why it matters: ${m.rationale}`,
          '',
          `Data needed: ${m.data_needed.join('; ')}`,
          '',
          'Parameters:',
          ...(Object.keys(m.params).length
            ? Object.entries(m.params).map(([k, p]) => `  ${k} = ${JSON.stringify(params[k])}${JSON.stringify(params[k]) !== JSON.stringify(p.default) ? ` (default ${JSON.stringify(p.default)})` : ''}: ${p.description}`)
            : ['  (none)']),
          '',
          'Known false positives:',
          ...m.false_positives.map((f) => `  - ${f}`),
          '',
          'Sources:',
          ...m.sources.map((s) => `  - ${s}`),
          ...(exemptions.length ? ['', 'Exemptions:', ...exemptions.map((e) => `  - ${e.subject} until ${e.expires}: ${e.reason}`)] : []),
        ];
        ctx.print(lines.join('\n'), { ...m, effective: { severity, params, enabled: isEnabled(rule, ctx.config), exemptions } });
      }),
    );

  rules
    .command('tools')
    .description('list the remote-access tool catalog (built in, plus tools imported from LOLRMM)')
    .action(
      action(async (ctx) => {
        const store = await ctx.store();
        const imported: RemoteAccessTool[] = [];
        for (const t of await listImportedTools(store)) {
          const parsed = remoteAccessToolSchema.safeParse(t.data);
          if (parsed.success) imported.push(parsed.data);
        }
        const catalog = ToolCatalog.withImported(imported);
        const width = Math.max(...catalog.tools.map((t) => t.id.length));
        const text = catalog.tools.map((t) => `${t.id.padEnd(width)}  ${t.kind.padEnd(14)}  ${t.name}${t.source !== 'unmask' ? `  [${t.source}]` : ''}`).join('\n');
        ctx.print(`${text}\n${catalog.tools.length} tools (${imported.length} imported)`, catalog.tools);
      }),
    );

  rules
    .command('import-lolrmm <dir>')
    .description('add the tools of a LOLRMM checkout (its yaml/ folder) to the remote-access tool catalog, stored in the database')
    .action(
      action(async (ctx, dir: string) => {
        const { tools, skipped } = readLolrmm(dir);
        const store = await ctx.store();
        await saveImportedTools(store, tools.map((t) => ({ id: t.id, name: t.name, source: t.source, data: t })));
        for (const s of skipped) ctx.log.warn(`${s.file}: skipped: ${s.reason}`);
        ctx.print(`imported ${tools.length} tools from ${dir} (${skipped.length} files skipped) into ${store.location}`, { imported: tools.length, skipped });
      }),
    );
}
