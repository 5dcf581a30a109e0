/** Data: sources and their freshness, ingest and scan runs, quarantined records. */
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import * as q from '../../../store/repositories/queries-for-api.js';
import { roleOf } from '../../plugins/app/auth.js';
import { needsMasking } from '../../presenters/mask.js';
import { authErrors, Nullable, Paging } from '../../schemas/common.js';

const S = Type.String();
const I = Type.Integer();
const NS = Nullable(S);

function parseStats(s: string): Record<string, unknown> {
  try {
    return JSON.parse(s) as Record<string, unknown>;
  } catch {
    return {};
  }
}

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/data/sources',
    {
      config: { access: 'viewer' },
      schema: {
        tags: ['data'],
        summary: 'Per source: files read, records accepted and rejected, last ingest, quarantined records',
        response: {
          200: Type.Object({
            rows: Type.Array(Type.Object({ source: S, files: I, records_read: I, accepted: I, rejected: I, quarantined: I, last_ingest: NS })),
          }),
          ...authErrors,
        },
      },
    },
    async () => {
      const [fresh, quarantined] = await Promise.all([q.sourceFreshness(app.unmask.store), q.quarantineCountsBySource(app.unmask.store)]);
      return { rows: fresh.map((f) => ({ ...f, quarantined: quarantined[f.source] ?? 0 })) };
    },
  );

  app.get(
    '/api/data/ingest-runs',
    {
      config: { access: 'viewer' },
      schema: {
        tags: ['data'],
        querystring: Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 200, default: 20 }) }),
        response: {
          200: Type.Object({
            rows: Type.Array(
              Type.Object({
                id: S,
                started_at: S,
                finished_at: NS,
                target: S,
                stats: Type.Record(S, Type.Unknown()),
                files: Type.Array(Type.Object({ file: S, source: S, records_read: I, accepted: I, rejected: I, duplicates: I, unmatched_people: I, unmatched_devices: I, finished_at: S })),
              }),
            ),
          }),
          ...authErrors,
        },
      },
    },
    async (req) => {
      const runs = await q.listIngestRunRows(app.unmask.store, req.query.limit);
      const files = await q.ingestFilesOf(app.unmask.store, runs.map((r) => r.id));
      return { rows: runs.map((r) => ({ ...r, stats: parseStats(r.stats), files: files.filter((f) => f.run_id === r.id) })) };
    },
  );

  app.get(
    '/api/data/scan-runs',
    {
      config: { access: 'viewer' },
      schema: {
        tags: ['data'],
        querystring: Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 200, default: 20 }) }),
        response: { 200: Type.Object({ rows: Type.Array(Type.Object({ id: S, started_at: S, finished_at: NS, target: NS, config_hash: NS, stats: Type.Record(S, Type.Unknown()) })) }), ...authErrors },
      },
    },
    async (req) => ({ rows: (await q.listScanRunRows(app.unmask.store, req.query.limit)).map((r) => ({ ...r, stats: parseStats(r.stats) })) }),
  );

  app.get(
    '/api/data/quarantine',
    {
      config: { access: 'viewer' },
      schema: {
        tags: ['data'],
        summary: 'Records set aside by ingest, with file, line and reason; raw text hidden from viewers',
        querystring: Type.Object({ source: Type.Optional(Type.String({ maxLength: 50 })), file: Type.Optional(Type.String({ maxLength: 1000 })), ...Paging }),
        response: {
          200: Type.Object({ total: I, rows: Type.Array(Type.Object({ id: S, source: S, file: S, line: I, reason: S, raw: S, ingest_run_id: NS, created_at: S })) }),
          ...authErrors,
        },
      },
    },
    async (req) => {
      const res = await q.listQuarantineRows(app.unmask.store, req.query);
      const mask = needsMasking(roleOf(req));
      return { total: res.total, rows: res.rows.map((r) => ({ ...r, raw: mask ? '(hidden for the viewer role)' : r.raw.slice(0, 2000) })) };
    },
  );
};
export default routes;
