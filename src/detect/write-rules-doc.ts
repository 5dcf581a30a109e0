/** `npm run docs:rules`: regenerate docs/rules.md from the catalog. */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { allRules } from './catalog.js';
import { renderRulesMarkdown } from './docs.js';

const target = fileURLToPath(new URL('../../docs/rules.md', import.meta.url));
writeFileSync(target, renderRulesMarkdown(allRules()));
process.stdout.write(`wrote ${target}\n`);
