/**
 * Remote-access tools imported into the detection catalog (`unmask rules import-lolrmm`), kept
 * beside the built-in catalog/detect/remote-access-tools.yaml. Frozen: never imports app code.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('remote_access_tools')
    .addColumn('id', sql.raw('text'), (c) => c.notNull())
    .addColumn('name', sql.raw('text'), (c) => c.notNull())
    .addColumn('source', sql.raw('text'), (c) => c.notNull())
    .addColumn('data', sql.raw('text'), (c) => c.notNull())
    .addColumn('imported_at', sql.raw('text'), (c) => c.notNull())
    .addPrimaryKeyConstraint('remote_access_tools_pk', ['id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('remote_access_tools').ifExists().execute();
}
