/**
 * The audit trail service: `app.audit.record(req, action, subject, detail)` appends who did what.
 * Views of a person and every change (cases, feedback, users, configuration, sign-ins) go here.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { appendAudit } from '../../../store/repositories/audit.js';
import { orderedId } from '../../security/tokens.js';

export interface AuditService {
  record(req: FastifyRequest | null, action: string, subject?: { type: string; id: string } | null, detail?: Record<string, unknown>, actor?: string): Promise<void>;
}

declare module 'fastify' {
  interface FastifyInstance {
    audit: AuditService;
  }
}

const plugin: FastifyPluginAsync = async (app) => {
  const service: AuditService = {
    async record(req, action, subject, detail = {}, actor) {
      const now = new Date();
      await appendAudit(app.unmask.store, {
        id: orderedId(now),
        at: now.toISOString(),
        actor: actor ?? req?.user?.username ?? 'anonymous',
        action,
        subject_type: subject?.type ?? null,
        subject_id: subject?.id ?? null,
        detail: JSON.stringify({ ...detail, ...(req ? { ip: req.ip } : {}) }),
      });
    },
  };
  app.decorate('audit', service);
};

export default fp(plugin, { name: 'audit', dependencies: ['unmask-context'] });
