/** Clusters: the list, and one cluster as a graph of people and shared identifiers (audited view). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IDENTIFIER_TYPES, type IdentifierType } from '../../../model/values.js';
import { listClusterRows } from '../../../store/repositories/queries-for-api.js';
import { roleOf } from '../../plugins/app/auth.js';
import { maskText, needsMasking, presentIdentifierValue } from '../../presenters/mask.js';
import { ClusterDetail, ClustersPage, ClustersQuery } from '../../schemas/clusters.js';
import { authErrors, IdParam, notFound } from '../../schemas/common.js';
import { buildClusterDetail } from '../../services/cluster-view.js';

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/clusters',
    { config: { access: 'viewer' }, schema: { tags: ['clusters'], summary: 'Clusters, riskiest first', querystring: ClustersQuery, response: { 200: ClustersPage, ...authErrors } } },
    async (req) => {
      const role = roleOf(req);
      const levels = req.query.level?.split(',').filter(Boolean);
      const { total, rows } = await listClusterRows(app.unmask.store, req.query.limit, req.query.offset, levels);
      return {
        total,
        rows: rows.map((c) => ({
          id: c.id,
          risk_score: Number(c.risk_score),
          risk_level: c.risk_level,
          size: c.size,
          reasons: (JSON.parse(c.reasons) as string[]).map((r) => (needsMasking(role) ? maskText(String(r)) : String(r))),
          hubs: (JSON.parse(c.hubs) as Array<{ type: string; value: string; members: number }>).map((h) => ({
            type: h.type,
            value: presentIdentifierValue(h.type, h.value, null, role, Boolean(IDENTIFIER_TYPES[h.type as IdentifierType]?.secret)),
            members: h.members,
          })),
        })),
      };
    },
  );

  app.get(
    '/api/clusters/:id',
    { config: { access: 'viewer' }, schema: { tags: ['clusters'], summary: 'One cluster with its graph', params: IdParam, response: { 200: ClusterDetail, ...authErrors, ...notFound } } },
    async (req, reply) => {
      const hubMin = (app.unmask.config.score as { link?: { hub_min_members?: number } }).link?.hub_min_members ?? 3;
      const detail = await buildClusterDetail(app.unmask.store, req.params.id, roleOf(req), hubMin);
      if (!detail) return reply.code(404).send({ error: 'not_found', message: `no cluster ${req.params.id}` });
      await app.audit.record(req, 'cluster.view', { type: 'cluster', id: req.params.id });
      return detail;
    },
  );
};
export default routes;
