/** Every CLI command, registered in the order `--help` lists them. One line per command module. */
import type { Command } from 'commander';
import * as db from './db.js';
import * as enrich from './enrich.js';
import * as ingest from './ingest.js';
import * as osqueryPack from './osquery-pack.js';
import * as quarantine from './quarantine.js';
import * as lists from './lists.js';
import * as screen from './screen.js';

export const commandModules: Array<{ register(program: Command): void }> = [db, ingest, quarantine, osqueryPack, enrich, lists, screen];
