/**
 * Link and score stage tables. Frozen: never edit after release.
 *  - cluster_evidence: what each cluster's members share (the facts the scorer counts once) and the
 *    same-human matches among them, as the link stage found them; replaced with the clusters.
 *  - feedback_evidence: the evidence fingerprints an analyst's decision covered, so a benign
 *    decision suppresses exactly that evidence until the data behind it changes.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('cluster_evidence')
    .addColumn('cluster_id', sql.raw('text'), (c) => c.notNull())
    .addColumn('fingerprint', sql.raw('text'), (c) => c.notNull())
    .addColumn('shared', sql.raw('text'), (c) => c.notNull())
    .addColumn('aliases', sql.raw('text'), (c) => c.notNull())
    .addColumn('run_id', sql.raw('text'))
    .addPrimaryKeyConstraint('cluster_evidence_pk', ['cluster_id'])
    .execute();
  await db.schema
    .createTable('feedback_evidence')
    .addColumn('feedback_id', sql.raw('text'), (c) => c.notNull())
    .addColumn('fingerprint', sql.raw('text'), (c) => c.notNull())
    .addPrimaryKeyConstraint('feedback_evidence_pk', ['feedback_id', 'fingerprint'])
    .execute();
  await db.schema.createIndex('feedback_evidence_fingerprint_ix').on('feedback_evidence').column('fingerprint').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('feedback_evidence').ifExists().execute();
  await db.schema.dropTable('cluster_evidence').ifExists().execute();
}
