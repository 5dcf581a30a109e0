import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

/** Liveness for load balancers and the benchmark's baseline: no session, no data. */
const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/health',
    { config: { access: 'public' }, schema: { tags: ['system'], response: { 200: Type.Object({ ok: Type.Boolean(), version: Type.String() }) } } },
    async () => ({ ok: true, version: app.unmask.version }),
  );
};
export default routes;
