/** The OpenAPI 3 document, generated from the routes' schemas. */
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/openapi.json', { config: { access: 'viewer' }, schema: { hide: true, response: { 200: Type.Unknown() } } }, async () => app.swagger());
};
export default routes;
