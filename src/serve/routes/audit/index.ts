/** The audit trail, newest first, for admins. There is no route that changes or deletes it. */
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { listAudit } from '../../../store/repositories/audit.js';
import { authErrors, Nullable } from '../../schemas/common.js';

const S = Type.String();
const Entry = Type.Object({ id: S, at: S, actor: S, action: S, subject_type: Nullable(S), subject_id: Nullable(S), detail: Type.Record(S, Type.Unknown()) });

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/audit',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['audit'],
        querystring: Type.Object({
          actor: Type.Optional(Type.String({ maxLength: 64 })),
          action: Type.Optional(Type.String({ maxLength: 64 })),
          subject_type: Type.Optional(Type.String({ maxLength: 20 })),
          subject_id: Type.Optional(Type.String({ maxLength: 300 })),
          before: Type.Optional(Type.String({ maxLength: 64, description: 'entries older than this id (paging)' })),
          limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
        }),
        response: { 200: Type.Object({ rows: Type.Array(Entry) }), ...authErrors },
      },
    },
    async (req) => ({
      rows: (await listAudit(app.unmask.store, req.query)).map((r) => ({ ...r, detail: JSON.parse(r.detail) as Record<string, unknown> })),
    }),
  );
};
export default routes;
