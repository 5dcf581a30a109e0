/** The brief session cache: a revoked session must not outlive its revocation, in or out of the process. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openSession, createUser, closeSession, updateUserAccount } from '../../src/serve/services/accounts.js';
import { SessionCache } from '../../src/serve/security/session-cache.js';
import { tokenDigest } from '../../src/serve/security/tokens.js';
import { openStore } from '../../src/store/db.js';
import { deleteSessionsOfUser } from '../../src/store/repositories/users.js';
import { describeEachDialect, openTestStore, tempDir, type TestStore } from '../helpers/stores.js';
import { PASSWORD } from './helpers.js';

describeEachDialect('session cache', (dialect) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openTestStore(dialect);
  });
  afterAll(async () => {
    await store.cleanup();
  });

  it('serves a live session from memory but forgets it at sign-out and on an account change', async () => {
    const user = await createUser(store, { username: 'cached', password: PASSWORD, role: 'analyst' });
    const cache = new SessionCache(store, 60_000);
    const a = await openSession(store, user.id, 1);
    const b = await openSession(store, user.id, 1);
    expect((await cache.find(tokenDigest(a.token), new Date()))?.user.role).toBe('analyst');
    expect((await cache.find(tokenDigest(b.token), new Date()))?.session.csrf_token).toBe(b.csrf_token);

    await closeSession(store, tokenDigest(a.token));
    expect(await cache.find(tokenDigest(a.token), new Date())).toBeUndefined();
    expect(await cache.find(tokenDigest(b.token), new Date())).toBeDefined();

    await updateUserAccount(store, user.id, { role: 'viewer' });
    expect(await cache.find(tokenDigest(b.token), new Date())).toBeUndefined();

    // Expiry is checked on every use, cached or not.
    const c = await openSession(store, user.id, 1);
    expect(await cache.find(tokenDigest(c.token), new Date())).toBeDefined();
    expect(await cache.find(tokenDigest(c.token), new Date(Date.now() + 2 * 3600_000))).toBeUndefined();
  });
});

const sqliteFile = tempDir('unmask-session-cache-');
afterAll(() => sqliteFile.remove());

it('on SQLite, sees a revocation committed by another connection (the CLI) at once', async () => {
  const path = `${sqliteFile.dir}/s.db`;
  const server = await openStore(path);
  const cli = await openStore(path);
  try {
    const user = await createUser(server, { username: 'other', password: PASSWORD, role: 'admin' });
    const cache = new SessionCache(server, 60_000);
    const s = await openSession(server, user.id, 1);
    expect(await cache.find(tokenDigest(s.token), new Date())).toBeDefined();
    await deleteSessionsOfUser(cli, user.id);
    expect(await cache.find(tokenDigest(s.token), new Date())).toBeUndefined();
  } finally {
    await cli.close();
    await server.close();
  }
});
