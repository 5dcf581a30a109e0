import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { ConfigError } from '../config/config.js';
import { commandModules } from './commands/index.js';

export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

export function buildProgram(): Command {
  const program = new Command('unmask')
    .description('Find fraudulent remote workers, laptop farms and their facilitators in HR, payroll, identity, endpoint and network data.')
    .version(packageVersion(), '-V, --version', 'print the version')
    .option('--db <target>', 'SQLite file or postgres:// URL (default: ./unmask.db, or UNMASK_DB)')
    .option('--config <file>', 'configuration file (default: ./unmask.yaml when present, or UNMASK_CONFIG)')
    .option('--json', 'print results as JSON')
    .option('-q, --quiet', 'print nothing but results and errors')
    .showHelpAfterError()
    .configureHelp({ sortSubcommands: false });
  for (const m of commandModules) m.register(program);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  const program = buildProgram().exitOverride();
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      process.exitCode = err.exitCode;
      return;
    }
    if (err instanceof ConfigError) {
      process.stderr.write(`error: ${err.message}\n`);
      process.exitCode = 2;
      return;
    }
    process.stderr.write(`error: ${err instanceof Error ? err.message : String(err)}\n`);
    if (process.env.UNMASK_DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`);
    process.exitCode = 1;
  }
}
