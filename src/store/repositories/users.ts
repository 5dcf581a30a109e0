/**
 * Accounts of the web UI and API: users, their sessions and the one-time setup tokens that create
 * the first admin. Session ids and setup tokens are stored only as SHA-256 digests, so a copy of
 * the database cannot be used to sign in.
 */
import type { Selectable } from 'kysely';
import type SQLite from 'better-sqlite3';
import type { Store } from '../db.js';
import type { SessionsTable, UsersTable } from '../schema.js';
import { firstRowOf } from './queries-for-api.js';

export type UserRow = Selectable<UsersTable>;
export type SessionRow = Selectable<SessionsTable>;

// Every change to users or sessions made through this module bumps the store's generation, after
// the write: a session cached by a lookup that started before it is then known to be stale.
const generations = new WeakMap<Store, number>();
const dataVersions = new WeakMap<SQLite.Database, SQLite.Statement>();

function changed(store: Store): void {
  generations.set(store, (generations.get(store) ?? 0) + 1);
}

/**
 * A value that changes whenever accounts may have changed: this process's generation and, on
 * SQLite, the database's data_version (which moves when another connection, such as the CLI's
 * `unmask users`, commits). Cheap and synchronous; caches of sessions compare it on every use.
 */
export function accountsVersion(store: Store): string {
  const generation = generations.get(store) ?? 0;
  if (!store.sqlite) return String(generation);
  let stmt = dataVersions.get(store.sqlite);
  if (!stmt) dataVersions.set(store.sqlite, (stmt = store.sqlite.prepare('PRAGMA data_version').pluck()));
  return `${generation}:${String(stmt.get())}`;
}

export async function countUsers(store: Store): Promise<number> {
  const r = await store.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function insertUser(store: Store, user: UserRow): Promise<void> {
  await store.db.insertInto('users').values(user).execute();
  changed(store);
}

export async function findUserByName(store: Store, username: string): Promise<UserRow | undefined> {
  return store.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function getUser(store: Store, id: string): Promise<UserRow | undefined> {
  return store.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listUsers(store: Store): Promise<UserRow[]> {
  return store.db.selectFrom('users').selectAll().orderBy('username').execute();
}

export async function updateUser(store: Store, id: string, patch: Partial<Pick<UserRow, 'role' | 'disabled' | 'password_hash'>>): Promise<boolean> {
  if (Object.keys(patch).length === 0) return true;
  const r = await store.db.updateTable('users').set(patch).where('id', '=', id).executeTakeFirst();
  changed(store);
  return Number(r.numUpdatedRows) > 0;
}

export async function insertSession(store: Store, session: SessionRow): Promise<void> {
  await store.db.insertInto('sessions').values(session).execute();
}

/** The live session with this digest and its (enabled) user, or undefined. */
export async function findLiveSession(store: Store, idDigest: string, now: string): Promise<{ session: SessionRow; user: UserRow } | undefined> {
  const row = await firstRowOf(
    store,
    store.db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select([
        'sessions.id as s_id',
        'sessions.user_id as s_user_id',
        'sessions.csrf_token as s_csrf',
        'sessions.created_at as s_created',
        'sessions.expires_at as s_expires',
        'users.id as u_id',
        'users.username as u_name',
        'users.password_hash as u_hash',
        'users.role as u_role',
        'users.created_at as u_created',
        'users.disabled as u_disabled',
      ])
      .where('sessions.id', '=', idDigest)
      .where('sessions.expires_at', '>', now)
      .where('users.disabled', '=', 0),
  );
  if (!row) return undefined;
  return {
    session: { id: row.s_id, user_id: row.s_user_id, csrf_token: row.s_csrf, created_at: row.s_created, expires_at: row.s_expires },
    user: { id: row.u_id, username: row.u_name, password_hash: row.u_hash, role: row.u_role, created_at: row.u_created, disabled: row.u_disabled },
  };
}

export async function deleteSession(store: Store, idDigest: string): Promise<void> {
  await store.db.deleteFrom('sessions').where('id', '=', idDigest).execute();
  changed(store);
}

export async function deleteSessionsOfUser(store: Store, userId: string): Promise<void> {
  await store.db.deleteFrom('sessions').where('user_id', '=', userId).execute();
  changed(store);
}

export async function deleteExpiredSessions(store: Store, now: string): Promise<void> {
  await store.db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
  changed(store);
}

export async function insertSetupToken(store: Store, row: { id: string; created_at: string; expires_at: string }): Promise<void> {
  await store.db.insertInto('setup_tokens').values({ ...row, used_at: null }).execute();
}

/**
 * Spend a setup token: marks it used if it is unused and unexpired. Returns whether it was spent
 * now; the conditional update makes two concurrent uses impossible.
 */
export async function spendSetupToken(store: Store, idDigest: string, now: string): Promise<boolean> {
  const r = await store.db
    .updateTable('setup_tokens')
    .set({ used_at: now })
    .where('id', '=', idDigest)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function isSetupTokenUsable(store: Store, idDigest: string, now: string): Promise<boolean> {
  const r = await store.db
    .selectFrom('setup_tokens')
    .select('id')
    .where('id', '=', idDigest)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return Boolean(r);
}
