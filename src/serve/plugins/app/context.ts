/**
 * The server's view of the installation: the open store, the configuration (scans started from the
 * API use it; admins may change its analysis sections while the server runs), the secret key and
 * the logger.
 */
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import type { UnmaskConfig } from '../../../config/config.js';
import type { SecretKey } from '../../../config/secret.js';
import type { Store } from '../../../store/db.js';
import type { Logger } from '../../../util/log.js';

export interface UnmaskContext {
  store: Store;
  config: UnmaskConfig;
  /** Loaded on first use: only ingest through the API needs it. */
  secretKey(): SecretKey;
  log: Logger;
  version: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    unmask: UnmaskContext;
  }
}

const plugin: FastifyPluginAsync<{ context: UnmaskContext }> = async (app, opts) => {
  app.decorate('unmask', opts.context);
};

export default fp(plugin, { name: 'unmask-context' });
