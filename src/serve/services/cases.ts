/**
 * Case work: open a case on a person or cluster, assign it, move its status, add notes with
 * attached evidence, and close it as `confirmed` or `benign`. Closing records the decision as
 * feedback (which the scorer reads) and queues a re-score, so the decision shows in the scores.
 */
import type { Store } from '../../store/db.js';
import * as cases from '../../store/repositories/cases.js';
import { getClusterRow, getFindingRows, getPersonRow } from '../../store/repositories/queries-for-api.js';
import { findUserByName } from '../../store/repositories/users.js';
import { orderedId } from '../security/tokens.js';
import { recordDecision } from './pipeline.js';

export class CaseError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 404 | 409,
  ) {
    super(message);
    this.name = 'CaseError';
  }
}

export const CASE_SUBJECTS = ['person', 'cluster'] as const;
export type CaseSubject = (typeof CASE_SUBJECTS)[number];

export interface Attachment {
  type: 'finding' | 'signin' | 'identifier' | 'device' | 'ip';
  id: string;
  label?: string;
}

async function subjectName(store: Store, type: string, id: string): Promise<string | null> {
  if (type === 'person') return (await getPersonRow(store, id))?.full_name ?? null;
  if (type === 'cluster') return (await getClusterRow(store, id)) ? `cluster ${id}` : null;
  return null;
}

export async function presentCase(store: Store, c: cases.CaseRow) {
  return { ...c, subject_name: await subjectName(store, c.subject_type, c.subject_id) };
}

export async function openCase(store: Store, input: { subject_type: CaseSubject; subject_id: string; title?: string; assignee?: string | null }, actor: string) {
  const name = await subjectName(store, input.subject_type, input.subject_id);
  if (name === null) throw new CaseError(`no ${input.subject_type} ${input.subject_id}`, 404);
  const active = await cases.listCases(store, { subject_type: input.subject_type, subject_id: input.subject_id, status: 'active', limit: 1, offset: 0 });
  if (active.rows[0]) throw new CaseError(`case ${active.rows[0].id} is already open on this ${input.subject_type}`, 409);
  if (input.assignee) await requireUser(store, input.assignee);
  const now = new Date().toISOString();
  const row: cases.CaseRow = {
    id: orderedId(),
    title: input.title?.trim() || `Review ${name}`,
    subject_type: input.subject_type,
    subject_id: input.subject_id,
    status: 'open',
    resolution: null,
    assignee: input.assignee ?? null,
    created_by: actor,
    created_at: now,
    updated_at: now,
  };
  await cases.insertCase(store, row);
  return row;
}

async function requireUser(store: Store, username: string): Promise<void> {
  const u = await findUserByName(store, username);
  if (!u || u.disabled) throw new CaseError(`no active user ${username} to assign`, 400);
  if (u.role === 'viewer') throw new CaseError(`${username} is a viewer and cannot work cases`, 400);
}

export async function requireCase(store: Store, id: string): Promise<cases.CaseRow> {
  const c = await cases.getCase(store, id);
  if (!c) throw new CaseError(`no case ${id}`, 404);
  return c;
}

/** Change title, assignee or status (open / in_progress; closing goes through closeCase). Returns what changed. */
export async function changeCase(store: Store, id: string, patch: { title?: string; assignee?: string | null; status?: 'open' | 'in_progress' }) {
  const c = await requireCase(store, id);
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  const set: Parameters<typeof cases.updateCase>[2] = {};
  if (patch.title !== undefined && patch.title.trim() && patch.title.trim() !== c.title) {
    set.title = patch.title.trim();
    changes.title = { from: c.title, to: set.title };
  }
  if (patch.assignee !== undefined && patch.assignee !== c.assignee) {
    if (patch.assignee) await requireUser(store, patch.assignee);
    set.assignee = patch.assignee;
    changes.assignee = { from: c.assignee, to: patch.assignee };
  }
  if (patch.status !== undefined && patch.status !== c.status) {
    set.status = patch.status;
    if (c.status === 'closed') set.resolution = null; // reopened: the old decision stays in feedback
    changes.status = { from: c.status, to: patch.status };
  }
  if (Object.keys(changes).length) await cases.updateCase(store, id, { ...set, updated_at: new Date().toISOString() });
  return { case: (await cases.getCase(store, id))!, changes };
}

export async function addNote(store: Store, id: string, body: string, attachments: Attachment[], author: string) {
  const c = await requireCase(store, id);
  const findingIds = attachments.filter((a) => a.type === 'finding').map((a) => a.id);
  if (findingIds.length) {
    const found = new Set((await getFindingRows(store, findingIds)).map((f) => f.id));
    const missing = findingIds.filter((f) => !found.has(f));
    if (missing.length) throw new CaseError(`unknown finding(s): ${missing.join(', ')}`, 400);
  }
  const now = new Date().toISOString();
  const note: cases.CaseNoteRow = { id: orderedId(), case_id: c.id, author, body, attachments: JSON.stringify(attachments), created_at: now };
  await cases.insertCaseNote(store, note);
  await cases.updateCase(store, c.id, { updated_at: now });
  return note;
}

/** Close with a decision, recorded as feedback on the case's subject. The caller queues the re-score. */
export async function closeCase(store: Store, id: string, resolution: 'confirmed' | 'benign', reason: string, actor: string) {
  const c = await requireCase(store, id);
  if (c.status === 'closed') throw new CaseError(`case ${id} is already closed (${c.resolution})`, 409);
  const now = new Date().toISOString();
  await recordDecision(store, { subject_type: c.subject_type as CaseSubject, subject_id: c.subject_id, decision: resolution, reason, decided_by: actor });
  await cases.updateCase(store, id, { status: 'closed', resolution, updated_at: now });
  await cases.insertCaseNote(store, {
    id: orderedId(),
    case_id: id,
    author: actor,
    body: `Closed as ${resolution}: ${reason}`,
    attachments: '[]',
    created_at: now,
  });
  return (await cases.getCase(store, id))!;
}

export async function caseDetail(store: Store, id: string) {
  const c = await requireCase(store, id);
  const notes = await cases.listCaseNotes(store, id);
  const parsed = notes.map((n) => ({ ...n, attachments: JSON.parse(n.attachments) as Attachment[] }));
  const findingIds = parsed.flatMap((n) => n.attachments.filter((a) => a.type === 'finding').map((a) => a.id));
  const findings = await getFindingRows(store, findingIds);
  return { case: await presentCase(store, c), notes: parsed, attached_findings: findings };
}
