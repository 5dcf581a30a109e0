/**
 * Access control over the whole API surface: the test walks every registered route (not a
 * hand-kept list), so a route added later without a role check fails here.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect, type TestStore } from '../helpers/stores.js';
import { as, login, openSeededApp, type Session } from './helpers.js';

const PUBLIC = ['GET /api/health', 'HEAD /api/health', 'POST /api/auth/login', 'GET /api/setup/status', 'HEAD /api/setup/status', 'POST /api/setup', 'GET /*', 'HEAD /*'];

const concrete = (url: string) => url.replace(/:id\b/g, 'nonexistent-id').replace('*', 'some/page');

describeEachDialect('API access control', (dialect) => {
  let store: TestStore;
  let app: FastifyInstance;
  let closeApp: () => Promise<void>;
  let viewer: Session;
  let analyst: Session;

  beforeAll(async () => {
    ({ store, app, viewer, analyst, close: closeApp } = await openSeededApp(dialect));
  });
  afterAll(async () => {
    await closeApp();
  });

  it('has routes for every resource the issue names', () => {
    const urls = new Set(app.routeAccess.map((r) => r.url));
    for (const u of ['/api/people', '/api/people/:id', '/api/clusters/:id', '/api/findings', '/api/cases', '/api/cases/:id/close', '/api/rules', '/api/data/sources', '/api/data/ingest-runs', '/api/data/quarantine', '/api/feedback', '/api/ingest', '/api/scan', '/api/jobs/:id', '/api/users', '/api/audit', '/api/config', '/api/openapi.json']) {
      expect(urls, u).toContain(u);
    }
  });

  it('only sign-in, setup, health and the UI files are public', () => {
    const pub = app.routeAccess.filter((r) => r.access === 'public').map((r) => `${r.method} ${r.url}`);
    expect(pub.sort()).toEqual([...PUBLIC].sort());
  });

  it('every other route rejects a request without a session with 401', async () => {
    const guarded = app.routeAccess.filter((r) => r.access !== 'public');
    expect(guarded.length).toBeGreaterThan(25);
    for (const r of guarded) {
      const res = await app.inject({ method: r.method as any, url: concrete(r.url), payload: r.method === 'GET' || r.method === 'HEAD' ? undefined : {} });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
    }
  });

  it('a forged or expired session cookie counts as no session', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/people', headers: { cookie: 'unmask_session=forged-token-value' } });
    expect(res.statusCode).toBe(401);
    await store.db.updateTable('sessions').set({ expires_at: '2000-01-01T00:00:00.000Z' }).execute();
    expect((await as(app, viewer)('GET', '/api/people')).statusCode).toBe(401);
    viewer = await login(app, 'viewer');
    analyst = await login(app, 'analyst');
  });

  it('a viewer cannot change anything: every state-changing route answers 403', async () => {
    const changing = app.routeAccess.filter((r) => r.access !== 'public' && !['GET', 'HEAD'].includes(r.method) && r.url !== '/api/auth/logout');
    expect(changing.length).toBeGreaterThan(8);
    for (const r of changing) {
      const res = await as(app, viewer)(r.method as any, concrete(r.url), {});
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(403);
    }
    // ...and nothing was written.
    expect(await store.db.selectFrom('cases').selectAll().execute()).toHaveLength(0);
    expect(await store.db.selectFrom('feedback').selectAll().execute()).toHaveLength(0);
  });

  it('an analyst is refused the admin routes (users, audit, configuration)', async () => {
    for (const r of app.routeAccess.filter((x) => x.access === 'admin')) {
      const res = await as(app, analyst)(r.method as any, concrete(r.url), r.method === 'GET' ? undefined : {});
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(403);
    }
  });

  it('state-changing requests need the session CSRF token in x-csrf-token', async () => {
    const body = { subject_type: 'person', subject_id: 'person:E1001' };
    const none = await app.inject({ method: 'POST', url: '/api/cases', payload: body, headers: { cookie: analyst.cookie } });
    expect(none.statusCode).toBe(403);
    expect(none.json().error).toBe('csrf');
    const wrong = await app.inject({ method: 'POST', url: '/api/cases', payload: body, headers: { cookie: analyst.cookie, 'x-csrf-token': viewer.csrf } });
    expect(wrong.statusCode).toBe(403);
    const right = await as(app, analyst)('POST', '/api/cases', body);
    expect(right.statusCode).toBe(201);
  });

  it('serves an OpenAPI document describing the routes to signed-in users', async () => {
    const res = await as(app, viewer)('GET', '/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/people', '/api/people/{id}', '/api/cases/{id}/close', '/api/scan']));
    expect(doc.paths['/api/people'].get.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['level', 'rule', 'department', 'kind', 'q', 'sort']));
  });
});
