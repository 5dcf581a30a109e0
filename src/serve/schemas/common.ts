/** Shared response and query schemas. Each route lists one response schema per status code. */
import { Type, type TSchema } from '@sinclair/typebox';

export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const ErrorReply = Type.Object({ error: Type.String(), message: Type.String() }, { $id: 'ErrorReply' });

const errorRef = Type.Ref('ErrorReply');

/** Responses every signed-in route can give besides its success. */
export const authErrors = { 401: errorRef, 403: errorRef } as const;
export const notFound = { 404: errorRef } as const;
export const badRequest = { 400: errorRef } as const;
export const conflict = { 409: errorRef } as const;

export const Paging = {
  limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
  offset: Type.Integer({ minimum: 0, default: 0 }),
};

export const IdParam = Type.Object({ id: Type.String({ minLength: 1, maxLength: 300 }) });

export const Contribution = Type.Object({
  label: Type.String(),
  points: Type.Number(),
  source: Type.String(),
  detail: Type.Optional(Nullable(Type.String())),
});

export const FindingOut = Type.Object({
  id: Type.String(),
  rule_id: Type.String(),
  rule_title: Nullable(Type.String()),
  severity: Type.String(),
  subject_type: Type.String(),
  subject_id: Type.String(),
  summary: Type.String(),
  /** Evidence as the rule recorded it; personal values masked for viewers. */
  evidence: Type.Record(Type.String(), Type.Unknown()),
  first_seen: Nullable(Type.String()),
  last_seen: Nullable(Type.String()),
  created_at: Type.String(),
});

export const UserOut = Type.Object({
  id: Type.String(),
  username: Type.String(),
  role: Type.String(),
  created_at: Type.String(),
  disabled: Type.Boolean(),
});

export const CaseOut = Type.Object({
  id: Type.String(),
  title: Type.String(),
  subject_type: Type.String(),
  subject_id: Type.String(),
  subject_name: Nullable(Type.String()),
  status: Type.String(),
  resolution: Nullable(Type.String()),
  assignee: Nullable(Type.String()),
  created_by: Type.String(),
  created_at: Type.String(),
  updated_at: Type.String(),
});

export const JobOut = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  status: Type.String(),
  created_by: Type.String(),
  created_at: Type.String(),
  started_at: Nullable(Type.String()),
  finished_at: Nullable(Type.String()),
  progress: Nullable(Type.String()),
  log: Type.Array(Type.String()),
  result: Type.Unknown(),
  error: Nullable(Type.String()),
});
