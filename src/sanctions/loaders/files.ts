import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

/** SHA-256 over the files' names and contents, in name order: the same files give the same hash. */
export function hashFiles(files: string[]): string {
  const h = createHash('sha256');
  for (const f of [...files].sort((a, b) => basename(a).localeCompare(basename(b)))) {
    h.update(basename(f));
    h.update('\u0000');
    h.update(readFileSync(f));
  }
  return h.digest('hex');
}
