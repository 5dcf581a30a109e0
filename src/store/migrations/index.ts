/**
 * The ordered list of migrations. Add a new date-prefixed file and one line here; never edit an
 * applied migration.
 */
import type { Migration } from 'kysely';
import * as m0001 from './2026-11-21-0001-initial.js';
import * as m0100 from './2026-11-21-0100-ingest-deferred-indexes.js';
import * as m0300 from './2026-11-21-0300-sanctions-list-details.js';
import * as m0500 from './2026-11-21-0500-remote-access-tools.js';
import * as m0600 from './2026-11-21-0600-link-score.js';
import * as m0700 from './2026-11-21-0700-audit-append-only.js';

export const migrations: Record<string, Migration> = {
  '2026-11-21-0001-initial': m0001,
  '2026-11-21-0100-ingest-deferred-indexes': m0100,
  '2026-11-21-0300-sanctions-list-details': m0300,
  '2026-11-21-0500-remote-access-tools': m0500,
  '2026-11-21-0600-link-score': m0600,
  '2026-11-21-0700-audit-append-only': m0700,
};
