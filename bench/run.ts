/**
 * `npm run bench`: runs every bench/*.bench.ts in turn (or those named on the command line) and
 * prints their figures. Each section measures its own baseline in the same run and prints the
 * ratio, so figures compare across machines.
 */
import { readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.includes(basename(f, '.bench.ts')))
  .sort();

let failed = 0;
for (const f of files) {
  const name = basename(f, '.bench.ts');
  console.log(`\n=== ${name} ===`);
  const t0 = performance.now();
  try {
    const mod = (await import(join(here, f))) as { run(): Promise<void> };
    await mod.run();
  } catch (err) {
    failed++;
    console.error(`bench ${name} failed: ${err instanceof Error ? err.stack : String(err)}`);
  }
  console.log(`(${name}: ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
}
if (failed) process.exitCode = 1;
