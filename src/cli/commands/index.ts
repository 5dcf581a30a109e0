/** Every CLI command, registered in the order `--help` lists them. One line per command module. */
import type { Command } from 'commander';
import * as db from './db.js';
import * as feedback from './feedback.js';
import * as link from './link.js';
import * as scan from './scan.js';
import * as score from './score.js';
import * as detect from './detect.js';
import * as enrich from './enrich.js';
import * as ingest from './ingest.js';
import * as osqueryPack from './osquery-pack.js';
import * as quarantine from './quarantine.js';
import * as rules from './rules.js';
import * as lists from './lists.js';
import * as screen from './screen.js';
import * as serve from './serve.js';
import * as users from './users.js';
import * as simulate from './simulate.js';
import * as evalCommand from './eval.js';
import * as demo from './demo.js';

export const commandModules: Array<{ register(program: Command): void }> = [scan, db, ingest, quarantine, osqueryPack, enrich, lists, screen, rules, detect, link, score, feedback, serve, users, simulate, evalCommand, demo];
