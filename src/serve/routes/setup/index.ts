/** First start: the printed one-time link leads here to create the first admin. */
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { setSessionCookies } from '../../plugins/app/auth.js';
import { AccountError, completeSetup, openSession, setupNeeded, setupTokenUsable } from '../../services/accounts.js';
import { badRequest, conflict } from '../../schemas/common.js';

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/setup/status',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Whether the first admin must still be created, and whether a given setup token is usable',
        querystring: Type.Object({ token: Type.Optional(Type.String({ maxLength: 200 })) }),
        response: { 200: Type.Object({ needed: Type.Boolean(), token_valid: Type.Boolean() }) },
      },
    },
    async (req) => {
      const needed = await setupNeeded(app.unmask.store);
      return { needed, token_valid: needed && Boolean(req.query.token) && (await setupTokenUsable(app.unmask.store, req.query.token!)) };
    },
  );

  app.post(
    '/api/setup',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Create the first admin with the one-time setup token; signs them in',
        body: Type.Object({
          token: Type.String({ minLength: 10, maxLength: 200 }),
          username: Type.String({ minLength: 2, maxLength: 64 }),
          password: Type.String({ minLength: 1, maxLength: 1024 }),
        }),
        response: {
          200: Type.Object({ user: Type.Object({ id: Type.String(), username: Type.String(), role: Type.String() }), csrf_token: Type.String(), expires_at: Type.String() }),
          ...badRequest,
          ...conflict,
          403: Type.Ref('ErrorReply'),
        },
      },
    },
    async (req, reply) => {
      try {
        const user = await completeSetup(app.unmask.store, req.body.token, req.body.username, req.body.password);
        await app.audit.record(req, 'setup.complete', { type: 'user', id: user.id }, { username: user.username, role: user.role }, user.username);
        const hours = app.unmask.config.serve.session_hours;
        const s = await openSession(app.unmask.store, user.id, hours);
        setSessionCookies(req, reply, s.token, s.csrf_token, hours * 3600);
        return { user: { id: user.id, username: user.username, role: user.role }, csrf_token: s.csrf_token, expires_at: s.expires_at };
      } catch (err) {
        if (!(err instanceof AccountError)) throw err;
        const code = err.code === 'setup_done' ? 409 : err.code === 'bad_token' ? 403 : 400;
        return reply.code(code).send({ error: err.code, message: err.message });
      }
    },
  );
};
export default routes;
