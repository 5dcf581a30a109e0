/** Findings: filtered and paged, and one finding with its evidence. */
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { getFindingRow, listFindingRows } from '../../../store/repositories/queries-for-api.js';
import { roleOf } from '../../plugins/app/auth.js';
import { presentFinding } from '../../presenters/findings.js';
import { authErrors, FindingOut, IdParam, notFound, Paging } from '../../schemas/common.js';
import { ruleInfoById } from '../../services/rule-titles.js';

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/findings',
    {
      config: { access: 'viewer' },
      schema: {
        tags: ['findings'],
        querystring: Type.Object({
          rule_id: Type.Optional(Type.String({ maxLength: 200 })),
          severity: Type.Optional(Type.String({ maxLength: 20 })),
          subject_type: Type.Optional(Type.String({ maxLength: 20 })),
          subject_id: Type.Optional(Type.String({ maxLength: 300 })),
          ...Paging,
        }),
        response: { 200: Type.Object({ total: Type.Integer(), rows: Type.Array(FindingOut) }), ...authErrors },
      },
    },
    async (req) => {
      const { total, rows } = await listFindingRows(app.unmask.store, req.query);
      const rules = await ruleInfoById();
      return { total, rows: rows.map((r) => presentFinding(r, roleOf(req), rules)) };
    },
  );

  app.get(
    '/api/findings/:id',
    { config: { access: 'viewer' }, schema: { tags: ['findings'], params: IdParam, response: { 200: FindingOut, ...authErrors, ...notFound } } },
    async (req, reply) => {
      const row = await getFindingRow(app.unmask.store, req.params.id);
      if (!row) return reply.code(404).send({ error: 'not_found', message: `no finding ${req.params.id}` });
      return presentFinding(row, roleOf(req), await ruleInfoById());
    },
  );
};
export default routes;
