/**
 * What `unmask lists` shows about a loaded sanctions list beyond its counts: the format it came in,
 * how its publication date was found, and its load statistics (entries by type, names, rejected
 * and orphan rows) as JSON. Frozen: never imports app code.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('sanctions_lists').addColumn('format', sql.raw('text')).execute();
  await db.schema.alterTable('sanctions_lists').addColumn('published_from', sql.raw('text')).execute();
  await db.schema.alterTable('sanctions_lists').addColumn('stats', sql.raw('text')).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const c of ['stats', 'published_from', 'format']) await db.schema.alterTable('sanctions_lists').dropColumn(c).execute();
}
