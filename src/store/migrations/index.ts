/**
 * The ordered list of migrations. Add a new date-prefixed file and one line here; never edit an
 * applied migration.
 */
import type { Migration } from 'kysely';
import * as m0001 from './2026-11-21-0001-initial.js';

export const migrations: Record<string, Migration> = {
  '2026-11-21-0001-initial': m0001,
};
