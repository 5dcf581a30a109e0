// Build step: tsc compiles only TypeScript, so copy the data files that live beside the sources
// (JSON and YAML catalogs read at run time) from src/ into dist/ at the same relative paths.
import { cpSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const SRC = 'src';
const OUT = 'dist';
let copied = 0;
function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (!name.endsWith('.ts')) {
      cpSync(path, join(OUT, relative(SRC, path)));
      copied++;
    }
  }
}
walk(SRC);
console.log(`copied ${copied} data files from ${SRC}/ to ${OUT}/`);
