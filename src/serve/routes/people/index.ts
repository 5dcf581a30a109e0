/** People: the fast list (from the in-memory index), its facets, and one person (audited view). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { roleOf } from '../../plugins/app/auth.js';
import { maskEmail, needsMasking } from '../../presenters/mask.js';
import { authErrors, IdParam, notFound } from '../../schemas/common.js';
import { PeopleFacets, PeoplePage, PeopleQuery, PersonDetail } from '../../schemas/people.js';
import { buildPersonDetail } from '../../services/person-view.js';

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/people',
    { config: { access: 'viewer' }, schema: { tags: ['people'], summary: 'List people with filters, sort and paging', querystring: PeopleQuery, response: { 200: PeoplePage, ...authErrors } } },
    async (req) => {
      const { level, ...rest } = req.query;
      const res = await app.peopleIndex.query({ ...rest, level: level ? level.split(',').map((s) => s.trim()).filter(Boolean) : undefined });
      const mask = needsMasking(roleOf(req));
      return {
        total: res.total,
        limit: req.query.limit,
        offset: req.query.offset,
        rows: res.rows.map((e) => ({
          id: e.id,
          source_id: e.source_id,
          kind: e.kind,
          full_name: e.full_name,
          work_email: mask ? maskEmail(e.work_email) : e.work_email,
          department: e.department,
          title: e.title,
          score: e.score,
          level: e.level,
          rules: e.rules,
          cluster_id: e.cluster_id,
        })),
      };
    },
  );

  app.get(
    '/api/people/facets',
    { config: { access: 'viewer' }, schema: { tags: ['people'], summary: 'Counts for the filters: levels, kinds, departments, rules', response: { 200: PeopleFacets, ...authErrors } } },
    async () => {
      const s = await app.peopleIndex.get();
      return { levels: s.levels, kinds: s.kinds, departments: s.departments, rules: s.rules, total: s.entries.length, built_at: s.built_at };
    },
  );

  app.get(
    '/api/people/:id',
    {
      config: { access: 'viewer' },
      schema: { tags: ['people'], summary: 'One person with everything the person page shows; the view is audited', params: IdParam, response: { 200: PersonDetail, ...authErrors, ...notFound } },
    },
    async (req, reply) => {
      const detail = await buildPersonDetail(app.unmask.store, req.params.id, roleOf(req));
      if (!detail) return reply.code(404).send({ error: 'not_found', message: `no person ${req.params.id}` });
      await app.audit.record(req, 'person.view', { type: 'person', id: req.params.id });
      return detail;
    },
  );
};
export default routes;
