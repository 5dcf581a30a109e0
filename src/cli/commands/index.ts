/** Every CLI command, registered in the order `--help` lists them. One line per command module. */
import type { Command } from 'commander';
import * as db from './db.js';

export const commandModules: Array<{ register(program: Command): void }> = [db];
