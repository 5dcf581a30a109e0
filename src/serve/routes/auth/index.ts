/** Sign-in, sign-out and "who am I". Sign-in is throttled per IP + user name and per IP. */
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { clearSessionCookies, setSessionCookies } from '../../plugins/app/auth.js';
import { LoginThrottle } from '../../security/login-throttle.js';
import { authenticate, closeSession, openSession } from '../../services/accounts.js';
import { authErrors, badRequest } from '../../schemas/common.js';

const Me = Type.Object({
  user: Type.Object({ id: Type.String(), username: Type.String(), role: Type.String() }),
  csrf_token: Type.String(),
  expires_at: Type.String(),
});

const routes: FastifyPluginAsyncTypebox = async (app) => {
  const cfg = app.unmask.config.serve;
  const throttle = new LoginThrottle({ perUser: cfg.login_max_failures, perIp: cfg.login_max_failures_per_ip, windowMs: cfg.login_window_minutes * 60_000 });

  app.post(
    '/api/auth/login',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Sign in; sets the session cookie and returns the CSRF token',
        body: Type.Object({ username: Type.String({ minLength: 1, maxLength: 64 }), password: Type.String({ minLength: 1, maxLength: 1024 }) }),
        response: { 200: Me, 401: Type.Ref('ErrorReply'), 429: Type.Ref('ErrorReply'), ...badRequest },
      },
    },
    async (req, reply) => {
      const { username, password } = req.body;
      const wait = throttle.retryAfterMs(req.ip, username);
      if (wait > 0) {
        await app.audit.record(req, 'auth.login_throttled', null, { username }, username);
        return reply
          .code(429)
          .header('retry-after', String(Math.ceil(wait / 1000)))
          .send({ error: 'too_many_attempts', message: `too many failed sign-ins; try again in ${Math.ceil(wait / 60_000)} minute(s)` });
      }
      const user = await authenticate(app.unmask.store, username, password);
      if (!user) {
        throttle.fail(req.ip, username);
        await app.audit.record(req, 'auth.login_failed', null, { username }, username);
        return reply.code(401).send({ error: 'bad_credentials', message: 'wrong user name or password' });
      }
      throttle.succeed(req.ip, username);
      const s = await openSession(app.unmask.store, user.id, cfg.session_hours);
      setSessionCookies(req, reply, s.token, s.csrf_token, cfg.session_hours * 3600);
      await app.audit.record(req, 'auth.login', { type: 'user', id: user.id }, {}, user.username);
      return { user: { id: user.id, username: user.username, role: user.role }, csrf_token: s.csrf_token, expires_at: s.expires_at };
    },
  );

  app.post(
    '/api/auth/logout',
    { config: { access: 'viewer' }, schema: { tags: ['auth'], response: { 200: Type.Object({ ok: Type.Boolean() }), ...authErrors } } },
    async (req, reply) => {
      await closeSession(app.unmask.store, req.session!.digest);
      clearSessionCookies(req, reply);
      await app.audit.record(req, 'auth.logout', { type: 'user', id: req.user!.id });
      return { ok: true };
    },
  );

  app.get('/api/auth/me', { config: { access: 'viewer' }, schema: { tags: ['auth'], response: { 200: Me, ...authErrors } } }, async (req) => ({
    user: req.user!,
    csrf_token: req.session!.csrf_token,
    expires_at: req.session!.expires_at,
  }));
};
export default routes;
