/**
 * Secondary indexes set aside during a bulk ingest (SQLite): a large load drops them, writes, and
 * re-creates them from the definitions kept here. Kept in a table so that a run that dies midway
 * has its indexes restored by the next run. Frozen: never imports app code.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('ingest_deferred_indexes')
    .addColumn('name', sql.raw('text'), (c) => c.notNull())
    .addColumn('table_name', sql.raw('text'), (c) => c.notNull())
    .addColumn('definition', sql.raw('text'), (c) => c.notNull())
    .addColumn('deferred_at', sql.raw('text'), (c) => c.notNull())
    .addPrimaryKeyConstraint('ingest_deferred_indexes_pk', ['name'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('ingest_deferred_indexes').ifExists().execute();
}
