/** Exposes the background job queue (services/jobs.ts) as `app.jobs`; waits for it on close. */
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import { JobQueue } from '../../services/jobs.js';

declare module 'fastify' {
  interface FastifyInstance {
    jobs: JobQueue;
  }
}

const plugin: FastifyPluginAsync = async (app) => {
  const jobs = new JobQueue(app.unmask.log);
  app.decorate('jobs', jobs);
  app.addHook('onClose', async () => {
    await jobs.idle();
  });
};

export default fp(plugin, { name: 'jobs', dependencies: ['unmask-context'] });
