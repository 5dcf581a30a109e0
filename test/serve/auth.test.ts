/** Accounts: the one-time setup link, scrypt hashes, session cookies, sign-in throttling, sessions ending. */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/config.js';
import { issueSetupToken } from '../../src/serve/services/accounts.js';
import { tokenDigest } from '../../src/serve/security/tokens.js';
import { describeEachDialect, openTestStore, type TestStore } from '../helpers/stores.js';
import { as, cookieHeader, login, makeApp, PASSWORD } from './helpers.js';

describeEachDialect('accounts and sessions', (dialect) => {
  let store: TestStore;
  let app: FastifyInstance;

  beforeAll(async () => {
    store = await openTestStore(dialect);
    app = await makeApp(store, parseConfig({ serve: { login_max_failures: 3, login_max_failures_per_ip: 10, trust_proxy: true } }));
  });
  afterAll(async () => {
    await app.close();
    await store.cleanup();
  });

  it('creates the first admin only through the one-time setup token, stored as a digest', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/setup/status' })).json()).toEqual({ needed: true, token_valid: false });
    const issued = (await issueSetupToken(store, 24))!;
    const row = await store.db.selectFrom('setup_tokens').selectAll().executeTakeFirstOrThrow();
    expect(row.id).toBe(tokenDigest(issued.token));
    expect(row.id).not.toContain(issued.token);

    const wrong = await app.inject({ method: 'POST', url: '/api/setup', payload: { token: 'x'.repeat(43), username: 'root', password: PASSWORD } });
    expect(wrong.statusCode).toBe(403);
    const weak = await app.inject({ method: 'POST', url: '/api/setup', payload: { token: issued.token, username: 'root', password: 'short' } });
    expect(weak.statusCode).toBe(400);
    // A rejected weak password does not burn the link.
    expect((await app.inject({ method: 'GET', url: `/api/setup/status?token=${issued.token}` })).json()).toEqual({ needed: true, token_valid: true });

    const ok = await app.inject({ method: 'POST', url: '/api/setup', payload: { token: issued.token, username: 'root', password: PASSWORD } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().user.role).toBe('admin');
    const again = await app.inject({ method: 'POST', url: '/api/setup', payload: { token: issued.token, username: 'root2', password: PASSWORD } });
    expect(again.statusCode).toBe(409);
    expect(await issueSetupToken(store, 24)).toBeNull();
  });

  it('an expired setup token is refused', async () => {
    const other = await openTestStore(dialect);
    try {
      const app2 = await makeApp(other);
      const issued = (await issueSetupToken(other, 24))!;
      await other.db.updateTable('setup_tokens').set({ expires_at: '2000-01-01T00:00:00.000Z' }).execute();
      const res = await app2.inject({ method: 'POST', url: '/api/setup', payload: { token: issued.token, username: 'root', password: PASSWORD } });
      expect(res.statusCode).toBe(403);
      await app2.close();
    } finally {
      await other.cleanup();
    }
  });

  it('hashes passwords with scrypt and a per-user salt', async () => {
    const admin = await login(app, 'root');
    const a = await as(app, admin)('POST', '/api/users', { username: 'ann', password: PASSWORD, role: 'analyst' });
    const b = await as(app, admin)('POST', '/api/users', { username: 'ben', password: PASSWORD, role: 'viewer' });
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    const rows = await store.db.selectFrom('users').select(['username', 'password_hash']).where('username', 'in', ['ann', 'ben']).execute();
    for (const r of rows) expect(r.password_hash).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(rows[0]!.password_hash).not.toBe(rows[1]!.password_hash);
    expect(JSON.stringify(rows)).not.toContain(PASSWORD);
    expect((await as(app, admin)('POST', '/api/users', { username: 'ann', password: PASSWORD, role: 'viewer' })).statusCode).toBe(409);
  });

  it('sets the session in an HttpOnly, SameSite=Strict cookie, Secure over https', async () => {
    const plain = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'ann', password: PASSWORD } });
    const cookies = ([] as string[]).concat(plain.headers['set-cookie'] as string | string[]);
    const session = cookies.find((c) => c.startsWith('unmask_session='))!;
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Strict/);
    expect(session).not.toMatch(/Secure/);
    const tls = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'ann', password: PASSWORD }, headers: { 'x-forwarded-proto': 'https' } });
    expect(([] as string[]).concat(tls.headers['set-cookie'] as string | string[]).find((c) => c.startsWith('unmask_session='))).toMatch(/; Secure/);
    // The database keeps only a digest of the session token.
    const token = session.split(';')[0]!.split('=')[1]!;
    const stored = await store.db.selectFrom('sessions').select('id').execute();
    expect(stored.map((s) => s.id)).toContain(tokenDigest(decodeURIComponent(token)));
    expect(stored.map((s) => s.id)).not.toContain(decodeURIComponent(token));
  });

  it('rate-limits failed sign-ins per IP and user name', async () => {
    const attempt = (password: string, ip = '10.9.9.9') => app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'ben', password }, remoteAddress: ip });
    for (let i = 0; i < 3; i++) expect((await attempt('wrong password!')).statusCode).toBe(401);
    const blocked = await attempt(PASSWORD);
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    // Another address is not blocked by this one's failures.
    expect((await attempt(PASSWORD, '10.9.9.10')).statusCode).toBe(200);
  });

  it('logout, a role change and disabling end sessions', async () => {
    const admin = await login(app, 'root');
    const ann = await login(app, 'ann');
    expect((await as(app, ann)('GET', '/api/auth/me')).json().user.role).toBe('analyst');
    const out = await as(app, ann)('POST', '/api/auth/logout');
    expect(out.statusCode).toBe(200);
    expect(cookieHeader(out)).toContain('unmask_session=');
    expect((await as(app, ann)('GET', '/api/auth/me')).statusCode).toBe(401);

    const ann2 = await login(app, 'ann');
    const annId = (await as(app, ann2)('GET', '/api/auth/me')).json().user.id;
    expect((await as(app, admin)('PATCH', `/api/users/${annId}`, { role: 'viewer' })).json().role).toBe('viewer');
    expect((await as(app, ann2)('GET', '/api/auth/me')).statusCode).toBe(401);

    expect((await as(app, admin)('PATCH', `/api/users/${annId}`, { disabled: true })).json().disabled).toBe(true);
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'ann', password: PASSWORD }, remoteAddress: '10.1.1.1' });
    expect(res.statusCode).toBe(401);
  });

  it('an admin cannot lock themselves out', async () => {
    const admin = await login(app, 'root');
    const me = (await as(app, admin)('GET', '/api/auth/me')).json().user.id;
    expect((await as(app, admin)('PATCH', `/api/users/${me}`, { disabled: true })).statusCode).toBe(400);
    expect((await as(app, admin)('PATCH', `/api/users/${me}`, { role: 'viewer' })).statusCode).toBe(400);
  });
});
