/** Cases and their notes: the analysts' record of what was looked at and what was decided. */
import type { Selectable } from 'kysely';
import type { Store } from '../db.js';
import type { CaseNotesTable, CasesTable } from '../schema.js';

export type CaseRow = Selectable<CasesTable>;
export type CaseNoteRow = Selectable<CaseNotesTable>;

export async function insertCase(store: Store, row: CaseRow): Promise<void> {
  await store.db.insertInto('cases').values(row).execute();
}

export async function getCase(store: Store, id: string): Promise<CaseRow | undefined> {
  return store.db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface CaseFilter {
  status?: string;
  subject_type?: string;
  subject_id?: string;
  assignee?: string;
  limit: number;
  offset: number;
}

export async function listCases(store: Store, f: CaseFilter): Promise<{ total: number; rows: CaseRow[] }> {
  let q = store.db.selectFrom('cases');
  if (f.status === 'active') q = q.where('status', '!=', 'closed');
  else if (f.status) q = q.where('status', '=', f.status);
  if (f.subject_type) q = q.where('subject_type', '=', f.subject_type);
  if (f.subject_id) q = q.where('subject_id', '=', f.subject_id);
  if (f.assignee) q = q.where('assignee', '=', f.assignee);
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q.selectAll().orderBy('updated_at', 'desc').orderBy('id').limit(f.limit).offset(f.offset).execute();
  return { total: Number(total.n), rows };
}

export async function updateCase(store: Store, id: string, patch: Partial<Pick<CaseRow, 'status' | 'resolution' | 'assignee' | 'title' | 'updated_at'>>): Promise<void> {
  await store.db.updateTable('cases').set(patch).where('id', '=', id).execute();
}

export async function insertCaseNote(store: Store, row: CaseNoteRow): Promise<void> {
  await store.db.insertInto('case_notes').values(row).execute();
}

export async function listCaseNotes(store: Store, caseId: string): Promise<CaseNoteRow[]> {
  return store.db.selectFrom('case_notes').selectAll().where('case_id', '=', caseId).orderBy('created_at').orderBy('id').execute();
}

export async function countCasesByStatus(store: Store): Promise<Record<string, number>> {
  const rows = await store.db.selectFrom('cases').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('status').execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}
