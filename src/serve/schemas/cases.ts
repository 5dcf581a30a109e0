import { Type } from '@sinclair/typebox';
import { CaseOut, FindingOut, Nullable, Paging } from './common.js';

const S = Type.String();

export const Attachment = Type.Object({
  type: Type.Union([Type.Literal('finding'), Type.Literal('signin'), Type.Literal('identifier'), Type.Literal('device'), Type.Literal('ip')]),
  id: Type.String({ minLength: 1, maxLength: 300 }),
  label: Type.Optional(Type.String({ maxLength: 300 })),
});

export const CasesQuery = Type.Object({
  status: Type.Optional(Type.Union(['open', 'in_progress', 'closed', 'active'].map((t) => Type.Literal(t)))),
  subject_type: Type.Optional(Type.String({ maxLength: 20 })),
  subject_id: Type.Optional(Type.String({ maxLength: 300 })),
  assignee: Type.Optional(Type.String({ maxLength: 64 })),
  ...Paging,
});

export const CasesPage = Type.Object({ total: Type.Integer(), rows: Type.Array(CaseOut) });

export const NewCase = Type.Object({
  subject_type: Type.Union([Type.Literal('person'), Type.Literal('cluster')]),
  subject_id: Type.String({ minLength: 1, maxLength: 300 }),
  title: Type.Optional(Type.String({ maxLength: 300 })),
  assignee: Type.Optional(Nullable(Type.String({ maxLength: 64 }))),
});

export const CasePatch = Type.Object({
  title: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
  assignee: Type.Optional(Nullable(Type.String({ maxLength: 64 }))),
  status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('in_progress')])),
});

export const NewNote = Type.Object({
  body: Type.String({ minLength: 1, maxLength: 20_000 }),
  attachments: Type.Array(Attachment, { maxItems: 100, default: [] }),
});

export const CloseCase = Type.Object({
  resolution: Type.Union([Type.Literal('confirmed'), Type.Literal('benign')]),
  reason: Type.String({ minLength: 3, maxLength: 5000 }),
});

export const Note = Type.Object({ id: S, case_id: S, author: S, body: S, attachments: Type.Array(Attachment), created_at: S });

export const CaseDetail = Type.Object({ case: CaseOut, notes: Type.Array(Note), attached_findings: Type.Array(FindingOut) });

export const ClosedCase = Type.Object({ case: CaseOut, rescore_job: Nullable(S) });
