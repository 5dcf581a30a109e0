/**
 * Starting the server: `startServer` is what `unmask serve` and `unmask demo` call. On a database
 * without users it issues a one-time setup link (never a default password) and logs it.
 */
import type { FastifyInstance } from 'fastify';
import type { UnmaskConfig } from '../config/config.js';
import { SecretKey } from '../config/secret.js';
import type { Store } from '../store/db.js';
import type { Logger } from '../util/log.js';
import { readFileSync } from 'node:fs';
import { buildApp } from './app.js';
import { issueSetupToken } from './services/accounts.js';

export { buildApp };

function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

export interface StartOptions {
  store: Store;
  config: UnmaskConfig;
  port?: number;
  host?: string;
  log: Logger;
  webRoot?: string;
  /** The secret key for ingest through the API; loaded from the configuration when absent. */
  secretKey?: () => SecretKey;
}

export interface RunningServer {
  url: string;
  /** The one-time link that creates the first admin, when the database has no user yet. */
  setupUrl: string | null;
  app: FastifyInstance;
  close(): Promise<void>;
}

export async function startServer(opts: StartOptions): Promise<RunningServer> {
  const port = opts.port ?? opts.config.serve.port;
  const host = opts.host ?? opts.config.serve.host;
  let key: SecretKey | null = null;
  const secretKey = opts.secretKey ?? (() => (key ??= SecretKey.load(opts.config.secret_key_file)));
  const app = await buildApp({ store: opts.store, config: opts.config, log: opts.log, secretKey, version: packageVersion(), webRoot: opts.webRoot });
  await app.listen({ port, host });
  const addr = app.server.address();
  const actualPort = typeof addr === 'object' && addr ? addr.port : port;
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  const url = `http://${shownHost}:${actualPort}`;
  const base = (opts.config.serve.public_url ?? url).replace(/\/+$/, '');

  let setupUrl: string | null = null;
  const setup = await issueSetupToken(opts.store, opts.config.serve.setup_token_hours);
  if (setup) {
    setupUrl = `${base}/setup?token=${setup.token}`;
    opts.log.info(`No account exists yet. Create the first admin within ${opts.config.serve.setup_token_hours} h at this one-time link:\n  ${setupUrl}\n(or run \`unmask users add NAME --role admin\`)`);
  }
  opts.log.info(`Unmask is serving ${opts.store.location} at ${url}`);
  return { url, setupUrl, app, close: () => app.close() };
}
