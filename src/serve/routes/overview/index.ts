/** The overview page's numbers: people by risk level, top people and clusters, open cases, data freshness. */
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { countCasesByStatus, listCases } from '../../../store/repositories/cases.js';
import { listClusterRows, listScanRunRows, sourceFreshness } from '../../../store/repositories/queries-for-api.js';
import { authErrors, CaseOut, Nullable } from '../../schemas/common.js';
import { presentCase } from '../../services/cases.js';
import { roleOf } from '../../plugins/app/auth.js';
import { maskText, needsMasking } from '../../presenters/mask.js';

const S = Type.String();
const I = Type.Integer();

const routes: FastifyPluginAsyncTypebox = async (app) => {
  const { store } = app.unmask;
  app.get(
    '/api/overview',
    {
      config: { access: 'viewer' },
      schema: {
        tags: ['overview'],
        response: {
          200: Type.Object({
            people: Type.Object({ total: I, levels: Type.Record(S, I), kinds: Type.Record(S, I) }),
            top_people: Type.Array(Type.Object({ id: S, full_name: S, kind: S, score: Nullable(Type.Number()), level: Nullable(S), rules: Type.Array(S) })),
            top_clusters: Type.Array(Type.Object({ id: S, risk_score: Type.Number(), risk_level: S, size: I, reasons: Type.Array(S) })),
            cases: Type.Object({ by_status: Type.Record(S, I), open: Type.Array(CaseOut) }),
            sources: Type.Array(Type.Object({ source: S, files: I, accepted: I, rejected: I, last_ingest: Nullable(S) })),
            last_scan: Nullable(Type.Object({ id: S, started_at: S, finished_at: Nullable(S) })),
          }),
          ...authErrors,
        },
      },
    },
    async (req) => {
      const mask = needsMasking(roleOf(req));
      const snap = await app.peopleIndex.get();
      const [clusters, byStatus, open, sources, scans] = await Promise.all([
        listClusterRows(store, 5, 0),
        countCasesByStatus(store),
        listCases(store, { status: 'active', limit: 10, offset: 0 }),
        sourceFreshness(store),
        listScanRunRows(store, 1),
      ]);
      return {
        people: { total: snap.entries.length, levels: snap.levels, kinds: snap.kinds },
        top_people: snap.byScore.slice(0, 10).filter((e) => e.score !== null),
        top_clusters: clusters.rows.map((c) => ({ id: c.id, risk_score: Number(c.risk_score), risk_level: c.risk_level, size: c.size, reasons: (JSON.parse(c.reasons) as string[]).map((r) => (mask ? maskText(String(r)) : String(r))) })),
        cases: { by_status: byStatus, open: await Promise.all(open.rows.map((c) => presentCase(store, c))) },
        sources,
        last_scan: scans[0] ? { id: scans[0].id, started_at: scans[0].started_at, finished_at: scans[0].finished_at } : null,
      };
    },
  );
};
export default routes;
