/**
 * The OpenAPI document, generated from the routes' own schemas (so it cannot drift from what the
 * server validates and serialises), served at /api/openapi.json to signed-in users.
 */
import swagger from '@fastify/swagger';
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';

const plugin: FastifyPluginAsync<{ version: string }> = async (app, opts) => {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Unmask API',
        version: opts.version,
        description:
          'People, clusters, findings, cases, rules, data sources and jobs of an Unmask installation. Sign in with POST /api/auth/login; the session cookie authenticates later calls, and every state-changing call sends the x-csrf-token header returned at sign-in.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'unmask_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
      security: [{ session: [] }],
    },
    hideUntagged: false,
  });
};

export default fp(plugin, { name: 'swagger' });
