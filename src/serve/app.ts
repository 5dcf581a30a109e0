/**
 * The Fastify application, in three tiers (as fastify/demo lays them out): infrastructure plugins
 * (plugins/external), application services (plugins/app), then the routes (routes/<resource>).
 * `buildApp` makes the whole app without listening, for `inject` tests; server.ts listens.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { ErrorReply } from './schemas/common.js';
import { AccountError } from './services/accounts.js';
import { CaseError } from './services/cases.js';
import { FeedbackError } from './services/pipeline.js';
import cookies from './plugins/external/cookies.js';
import multipart from './plugins/external/multipart.js';
import swagger from './plugins/external/swagger.js';
import { webStatic } from './plugins/external/web-static.js';
import context, { type UnmaskContext } from './plugins/app/context.js';
import audit from './plugins/app/audit.js';
import auth from './plugins/app/auth.js';
import peopleIndex from './plugins/app/people-index.js';
import jobs from './plugins/app/jobs.js';
import health from './routes/health/index.js';
import authRoutes from './routes/auth/index.js';
import setup from './routes/setup/index.js';
import openapi from './routes/openapi/index.js';
import overview from './routes/overview/index.js';
import people from './routes/people/index.js';
import clusters from './routes/clusters/index.js';
import findings from './routes/findings/index.js';
import cases from './routes/cases/index.js';
import rules from './routes/rules/index.js';
import data from './routes/data/index.js';
import feedback from './routes/feedback/index.js';
import jobRoutes from './routes/jobs/index.js';
import users from './routes/users/index.js';
import auditRoutes from './routes/audit/index.js';
import configRoutes from './routes/config/index.js';

/** Where the built web UI is: web/dist beside src/ or dist/ (source checkout and installed package). */
export function defaultWebRoot(): string {
  const candidates = ['../../web/dist', '../../../web/dist'].map((p) => fileURLToPath(new URL(p, import.meta.url)));
  return candidates.find((p) => existsSync(p)) ?? candidates[0]!;
}

/** Errors of the use-cases, as HTTP answers: their messages are written for the person who acted. */
function domainError(err: Error): { status: number; error: string } | null {
  if (err instanceof CaseError) return { status: err.status, error: 'case' };
  if (err instanceof AccountError) return { status: err.code === 'exists' ? 409 : err.code === 'not_found' ? 404 : 400, error: err.code };
  if (err instanceof FeedbackError) return { status: 400, error: 'feedback' };
  return null;
}

export interface BuildOptions extends UnmaskContext {
  /** Folder of the built web UI; defaults to web/dist. */
  webRoot?: string;
  /** Fastify's request logging (off by default: the audit trail records what matters). */
  logRequests?: boolean;
}

export async function buildApp(opts: BuildOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logRequests ?? false,
    trustProxy: opts.config.serve.trust_proxy,
    bodyLimit: 1024 * 1024,
    ajv: { customOptions: { removeAdditional: true, coerceTypes: 'array', useDefaults: true } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.addSchema(ErrorReply);

  // Tier 1: infrastructure.
  await app.register(cookies);
  await app.register(multipart, { maxBytes: opts.config.serve.max_upload_mb * 1024 * 1024 });
  await app.register(swagger, { version: opts.version });

  // Tier 2: application services.
  await app.register(context, { context: { store: opts.store, config: opts.config, secretKey: opts.secretKey, log: opts.log, version: opts.version } });
  await app.register(audit);
  await app.register(auth);
  await app.register(peopleIndex);
  await app.register(jobs);

  // Tier 3: routes. Public ones first (health, sign-in, setup, the UI's files), then signed-in ones.
  app.setErrorHandler((err: Error & { statusCode?: number; validation?: unknown; code?: string }, req, reply) => {
    if (err.validation) return reply.code(400).send({ error: 'invalid_request', message: err.message });
    const domain = domainError(err);
    if (domain) return reply.code(domain.status).send({ error: domain.error, message: err.message });
    if (err.statusCode && err.statusCode < 500) return reply.code(err.statusCode).send({ error: err.code ?? 'error', message: err.message });
    opts.log.error(`${req.method} ${req.url}: ${err.stack ?? err.message}`);
    return reply.code(500).send({ error: 'internal', message: 'internal error; see the server log' });
  });
  for (const routes of [health, authRoutes, setup]) await app.register(routes);
  await app.register(webStatic, { root: opts.webRoot ?? defaultWebRoot() });
  for (const routes of [openapi, overview, people, clusters, findings, cases, rules, data, feedback, jobRoutes, users, auditRoutes, configRoutes]) await app.register(routes);

  return app;
}
