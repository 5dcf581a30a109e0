/**
 * Sessions and access control. Every route declares `config.access` (`public`, `viewer`,
 * `analyst` or `admin`); a route without one makes the server refuse to start. For non-public
 * routes this hook, which runs before the body is read, requires a live session, the role, and on
 * every state-changing method the CSRF token of the session in the `x-csrf-token` header.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { setCookie } from '../external/cookies.js';
import { allows, isRole, type Access, type Role } from '../../security/roles.js';
import { SessionCache } from '../../security/session-cache.js';
import { sameToken, tokenDigest } from '../../security/tokens.js';

export const SESSION_COOKIE = 'unmask_session';
export const CSRF_COOKIE = 'unmask_csrf';
export const CSRF_HEADER = 'x-csrf-token';

export interface SessionUser {
  id: string;
  username: string;
  role: Role;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyInstance {
    /** Every route with the access it declared, in registration order (docs and tests read it). */
    routeAccess: Array<{ method: string; url: string; access: Access }>;
  }
  interface FastifyRequest {
    user: SessionUser | null;
    session: { digest: string; csrf_token: string; expires_at: string } | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isSecure(req: FastifyRequest): boolean {
  return req.protocol === 'https';
}

/** Set the session and CSRF cookies (the CSRF one readable by the UI's script, for double submit). */
export function setSessionCookies(req: FastifyRequest, reply: FastifyReply, token: string, csrf: string, maxAgeSeconds: number): void {
  setCookie(reply, SESSION_COOKIE, token, { httpOnly: true, secure: isSecure(req), maxAge: maxAgeSeconds });
  setCookie(reply, CSRF_COOKIE, csrf, { httpOnly: false, secure: isSecure(req), maxAge: maxAgeSeconds });
}

export function clearSessionCookies(req: FastifyRequest, reply: FastifyReply): void {
  setCookie(reply, SESSION_COOKIE, '', { httpOnly: true, secure: isSecure(req), maxAge: 0 });
  setCookie(reply, CSRF_COOKIE, '', { httpOnly: false, secure: isSecure(req), maxAge: 0 });
}

/** The role of the signed-in user: routes use it to decide on masking. */
export function roleOf(req: FastifyRequest): Role {
  if (!req.user) throw new Error('roleOf called on a request without a session');
  return req.user.role;
}

const plugin: FastifyPluginAsync = async (app) => {
  app.decorateRequest('user', null);
  app.decorateRequest('session', null);

  const registry: Array<{ method: string; url: string; access: Access }> = [];
  app.decorate('routeAccess', registry);
  app.addHook('onRoute', (route) => {
    const access = (route.config as { access?: Access } | undefined)?.access;
    if (!access) throw new Error(`route ${String(route.method)} ${route.url} declares no config.access: every route must say who may call it`);
    for (const method of [route.method].flat()) registry.push({ method: String(method), url: route.url, access });
  });

  const sessions = new SessionCache(app.unmask.store);
  app.addHook('onRequest', async (req, reply) => {
    const access = req.routeOptions.config?.access;
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      const found = await sessions.find(tokenDigest(token), new Date());
      if (found && isRole(found.user.role)) {
        req.user = { id: found.user.id, username: found.user.username, role: found.user.role };
        req.session = { digest: found.session.id, csrf_token: found.session.csrf_token, expires_at: found.session.expires_at };
      }
    }
    if (!access || access === 'public') return;
    if (!req.user || !req.session) return reply.code(401).send({ error: 'unauthenticated', message: 'sign in first' });
    if (!allows(req.user.role, access)) {
      return reply.code(403).send({ error: 'forbidden', message: `this needs the ${access} role; you are ${req.user.role}` });
    }
    if (!SAFE_METHODS.has(req.method)) {
      const sent = req.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !sameToken(sent, req.session.csrf_token)) {
        return reply.code(403).send({ error: 'csrf', message: `missing or wrong ${CSRF_HEADER} header` });
      }
    }
  });
};

export default fp(plugin, { name: 'auth', dependencies: ['unmask-context', 'cookies'] });
