/** Users (admins only): list, create, change role, disable, reset password. Every change is audited. */
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { listUsers } from '../../../store/repositories/users.js';
import { ROLES } from '../../security/roles.js';
import { createUser, publicUser, updateUserAccount } from '../../services/accounts.js';
import { authErrors, badRequest, conflict, IdParam, notFound, UserOut } from '../../schemas/common.js';

const Role = Type.Union(ROLES.map((r) => Type.Literal(r)));

const routes: FastifyPluginAsyncTypebox = async (app) => {
  const { store } = app.unmask;
  app.get('/api/users', { config: { access: 'admin' }, schema: { tags: ['users'], response: { 200: Type.Object({ rows: Type.Array(UserOut) }), ...authErrors } } }, async () => ({
    rows: (await listUsers(store)).map(publicUser),
  }));

  app.post(
    '/api/users',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['users'],
        body: Type.Object({ username: Type.String({ minLength: 2, maxLength: 64 }), password: Type.String({ minLength: 1, maxLength: 1024 }), role: Role }),
        response: { 201: UserOut, ...authErrors, ...badRequest, ...conflict },
      },
    },
    async (req, reply) => {
      const u = await createUser(store, req.body);
      await app.audit.record(req, 'user.create', { type: 'user', id: u.id }, { username: u.username, role: u.role });
      return reply.code(201).send(u);
    },
  );

  app.patch(
    '/api/users/:id',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['users'],
        summary: 'Change role, disable/enable, or set a new password; ends the user\'s sessions',
        params: IdParam,
        body: Type.Object({ role: Type.Optional(Role), disabled: Type.Optional(Type.Boolean()), password: Type.Optional(Type.String({ minLength: 1, maxLength: 1024 })) }),
        response: { 200: UserOut, ...authErrors, ...badRequest, ...notFound },
      },
    },
    async (req, reply) => {
      if (req.params.id === req.user!.id && (req.body.disabled || (req.body.role && req.body.role !== 'admin'))) {
        return reply.code(400).send({ error: 'invalid', message: 'you cannot disable or demote yourself; ask another admin' });
      }
      const u = await updateUserAccount(store, req.params.id, req.body);
      const changed = { ...req.body, ...(req.body.password !== undefined ? { password: '(changed)' } : {}) };
      await app.audit.record(req, 'user.update', { type: 'user', id: u.id }, { username: u.username, changes: changed });
      return u;
    },
  );
};
export default routes;
