/**
 * Configuration (admins only). GET shows the running configuration (no secrets: the database URL
 * is shown without its password). PATCH changes the analysis sections (enrich, detect, score) for
 * scans started from this server until it restarts; it never rewrites unmask.yaml. Each change is
 * validated like the file and audited with its before and after.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ConfigError, parseConfig, type UnmaskConfig } from '../../../config/config.js';
import { redactUrl } from '../../../store/db.js';
import { authErrors, badRequest } from '../../schemas/common.js';

const EDITABLE = ['enrich', 'detect', 'score'] as const;

function isObject(v: unknown): v is Record<string, unknown> {
  return Boolean(v) && typeof v === 'object' && !Array.isArray(v);
}

function merge(base: unknown, patch: unknown): unknown {
  if (!isObject(base) || !isObject(patch)) return patch;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(patch)) out[k] = merge(base[k], v);
  return out;
}

function present(cfg: UnmaskConfig) {
  return { ...cfg, database: redactUrl(cfg.database), secret_key_file: cfg.secret_key_file ? '(set)' : null };
}

const routes: FastifyPluginAsyncTypebox = async (app) => {
  const Cfg = Type.Record(Type.String(), Type.Unknown());
  app.get('/api/config', { config: { access: 'admin' }, schema: { tags: ['config'], response: { 200: Cfg, ...authErrors } } }, async (req) => {
    await app.audit.record(req, 'config.view');
    return present(app.unmask.config);
  });

  app.patch(
    '/api/config',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['config'],
        summary: 'Change the enrich, detect or score sections for this server run (validated, audited)',
        body: Type.Object({ enrich: Type.Optional(Cfg), detect: Type.Optional(Cfg), score: Type.Optional(Cfg) }, { additionalProperties: false }),
        response: { 200: Cfg, ...authErrors, ...badRequest },
      },
    },
    async (req, reply) => {
      const current = app.unmask.config;
      const next: Record<string, unknown> = { ...current };
      for (const section of EDITABLE) if (req.body[section]) next[section] = merge(current[section], req.body[section]);
      let parsed: UnmaskConfig;
      try {
        parsed = parseConfig(next, '(API change)');
      } catch (err) {
        if (err instanceof ConfigError) return reply.code(400).send({ error: 'config', message: err.message });
        throw err;
      }
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      for (const section of EDITABLE) {
        if (JSON.stringify(current[section]) !== JSON.stringify(parsed[section])) changes[section] = { from: current[section], to: parsed[section] };
      }
      for (const section of EDITABLE) (current as Record<string, unknown>)[section] = parsed[section];
      if (Object.keys(changes).length) await app.audit.record(req, 'config.update', { type: 'config', id: 'running' }, { changes });
      return present(current);
    },
  );
};
export default routes;
