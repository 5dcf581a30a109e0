/**
 * The audit trail: who viewed which person, who changed what. Append-only: this module offers no
 * update or delete, and migration 0700 makes the database refuse them too.
 */
import type { Selectable } from 'kysely';
import type { Store } from '../db.js';
import type { AuditLogTable } from '../schema.js';
import { runWrite } from './queries-for-api.js';

export type AuditRow = Selectable<AuditLogTable>;

export async function appendAudit(store: Store, row: AuditRow): Promise<void> {
  // One insert per person view: a cached prepared statement on SQLite.
  await runWrite(store, store.db.insertInto('audit_log').values(row));
}

export interface AuditFilter {
  actor?: string;
  action?: string;
  subject_type?: string;
  subject_id?: string;
  /** Only entries strictly older than this id (ids sort by time): for paging backwards. */
  before?: string;
  limit: number;
}

/** Newest first. */
export async function listAudit(store: Store, f: AuditFilter): Promise<AuditRow[]> {
  let q = store.db.selectFrom('audit_log').selectAll();
  if (f.actor) q = q.where('actor', '=', f.actor);
  if (f.action) q = q.where('action', '=', f.action);
  if (f.subject_type) q = q.where('subject_type', '=', f.subject_type);
  if (f.subject_id) q = q.where('subject_id', '=', f.subject_id);
  if (f.before) q = q.where('id', '<', f.before);
  return q.orderBy('id', 'desc').limit(f.limit).execute();
}
