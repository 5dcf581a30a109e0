/** Multipart uploads (data folders as a zip, or single files) for the ingest and scan endpoints. */
import multipart from '@fastify/multipart';
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';

const plugin: FastifyPluginAsync<{ maxBytes: number }> = async (app, opts) => {
  // preservePath keeps `okta/events.json` as sent, so a folder can be uploaded file by file.
  await app.register(multipart, { preservePath: true, limits: { fileSize: opts.maxBytes, files: 10_000, fields: 50 } });
};

export default fp(plugin, { name: 'multipart' });
