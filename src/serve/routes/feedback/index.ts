/** Feedback: analysts' decisions (from closed cases, or given directly on a finding, person or cluster). */
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { SUBJECT_TYPES } from '../../../model/values.js';
import { listFeedbackRows } from '../../../store/repositories/queries-for-api.js';
import { roleOf } from '../../plugins/app/auth.js';
import { maskText, needsMasking } from '../../presenters/mask.js';
import { authErrors, Nullable, Paging } from '../../schemas/common.js';
import { recordDecision, rescore } from '../../services/pipeline.js';

const S = Type.String();
const FeedbackOut = Type.Object({ id: S, subject_type: S, subject_id: S, decision: S, reason: S, decided_by: S, decided_at: S, evidence_fingerprint: Nullable(S) });

const routes: FastifyPluginAsyncTypebox = async (app) => {
  const { store } = app.unmask;
  app.get(
    '/api/feedback',
    {
      config: { access: 'viewer' },
      schema: {
        tags: ['feedback'],
        querystring: Type.Object({ subject_type: Type.Optional(Type.String({ maxLength: 20 })), subject_id: Type.Optional(Type.String({ maxLength: 300 })), ...Paging }),
        response: { 200: Type.Object({ total: Type.Integer(), rows: Type.Array(FeedbackOut) }), ...authErrors },
      },
    },
    async (req) => {
      const res = await listFeedbackRows(store, req.query);
      const mask = needsMasking(roleOf(req));
      return { total: res.total, rows: res.rows.map((r) => ({ ...r, reason: mask ? maskText(r.reason) : r.reason })) };
    },
  );

  app.post(
    '/api/feedback',
    {
      config: { access: 'analyst' },
      schema: {
        tags: ['feedback'],
        summary: 'Record a decision on a finding, person or cluster; queues a re-score',
        body: Type.Object({
          subject_type: Type.Union(SUBJECT_TYPES.map((t) => Type.Literal(t))),
          subject_id: Type.String({ minLength: 1, maxLength: 300 }),
          decision: Type.Union([Type.Literal('benign'), Type.Literal('confirmed')]),
          reason: Type.String({ minLength: 3, maxLength: 5000 }),
        }),
        response: { 201: Type.Object({ ok: Type.Boolean(), rescore_job: S }), ...authErrors },
      },
    },
    async (req, reply) => {
      await recordDecision(store, { ...req.body, decided_by: req.user!.username });
      await app.audit.record(req, 'feedback.add', { type: req.body.subject_type, id: req.body.subject_id }, { decision: req.body.decision });
      const job = app.jobs.start('rescore', req.user!.username, (log) => rescore({ store, config: app.unmask.config, key: app.unmask.secretKey }, log), () => app.peopleIndex.invalidate());
      return reply.code(201).send({ ok: true, rescore_job: job.id });
    },
  );
};
export default routes;
