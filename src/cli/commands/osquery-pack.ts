import type { Command } from 'commander';
import { osqueryPack } from '../../ingest/osquery-pack.js';
import { action } from '../context.js';

export function register(program: Command): void {
  program
    .command('osquery-pack')
    .description('print the osquery pack (JSON) whose results `unmask ingest` reads')
    .action(
      action(async () => {
        process.stdout.write(`${JSON.stringify(osqueryPack(), null, 2)}\n`);
      }),
    );
}
