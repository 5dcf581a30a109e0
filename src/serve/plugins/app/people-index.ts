/** Exposes the in-memory people index (services/people-index.ts) as `app.peopleIndex`. */
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import { PeopleIndex } from '../../services/people-index.js';

declare module 'fastify' {
  interface FastifyInstance {
    peopleIndex: PeopleIndex;
  }
}

const plugin: FastifyPluginAsync = async (app) => {
  app.decorate('peopleIndex', new PeopleIndex(app.unmask.store));
};

export default fp(plugin, { name: 'people-index', dependencies: ['unmask-context'] });
