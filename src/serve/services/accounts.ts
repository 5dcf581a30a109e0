/**
 * Accounts: creating users, checking passwords, opening and closing sessions, and the one-time
 * setup token that lets the first admin be created (there is never a default password).
 * Used by the API and by `unmask users` / `unmask serve`.
 */
import type { Store } from '../../store/db.js';
import * as users from '../../store/repositories/users.js';
import { dummyHash, hashPassword, passwordProblem, verifyPassword } from '../security/passwords.js';
import { isRole, type Role } from '../security/roles.js';
import { newToken, orderedId, tokenDigest } from '../security/tokens.js';

export class AccountError extends Error {
  constructor(
    message: string,
    readonly code: 'invalid' | 'exists' | 'not_found' | 'setup_done' | 'bad_token',
  ) {
    super(message);
    this.name = 'AccountError';
  }
}

const USERNAME = /^[A-Za-z0-9][A-Za-z0-9._@-]{1,63}$/;

export interface PublicUser {
  id: string;
  username: string;
  role: Role;
  created_at: string;
  disabled: boolean;
}

export function publicUser(u: users.UserRow): PublicUser {
  return { id: u.id, username: u.username, role: (isRole(u.role) ? u.role : 'viewer') as Role, created_at: u.created_at, disabled: u.disabled === 1 };
}

export async function createUser(store: Store, input: { username: string; password: string; role: string }): Promise<PublicUser> {
  const username = input.username.trim();
  if (!USERNAME.test(username)) throw new AccountError('a user name has 2 to 64 letters, digits or . _ @ -, starting with a letter or digit', 'invalid');
  if (!isRole(input.role)) throw new AccountError(`unknown role ${JSON.stringify(input.role)}: use admin, analyst or viewer`, 'invalid');
  const problem = passwordProblem(input.password, username);
  if (problem) throw new AccountError(problem, 'invalid');
  if (await users.findUserByName(store, username)) throw new AccountError(`a user named ${username} exists`, 'exists');
  const row: users.UserRow = { id: orderedId(), username, password_hash: await hashPassword(input.password), role: input.role, created_at: new Date().toISOString(), disabled: 0 };
  await users.insertUser(store, row);
  return publicUser(row);
}

/** The user if the password is right and the account enabled; costs the same time either way. */
export async function authenticate(store: Store, username: string, password: string): Promise<PublicUser | null> {
  const u = await users.findUserByName(store, username.trim());
  const ok = await verifyPassword(password, u?.password_hash ?? (await dummyHash()));
  if (!u || !ok || u.disabled === 1 || !isRole(u.role)) return null;
  return publicUser(u);
}

export interface OpenedSession {
  token: string;
  csrf_token: string;
  expires_at: string;
}

export async function openSession(store: Store, userId: string, hours: number): Promise<OpenedSession> {
  const now = new Date();
  const token = newToken();
  const csrf_token = newToken();
  const expires_at = new Date(now.getTime() + hours * 3600_000).toISOString();
  await users.deleteExpiredSessions(store, now.toISOString());
  await users.insertSession(store, { id: tokenDigest(token), user_id: userId, csrf_token, created_at: now.toISOString(), expires_at });
  return { token, csrf_token, expires_at };
}

export async function closeSession(store: Store, digest: string): Promise<void> {
  await users.deleteSession(store, digest);
}

export async function updateUserAccount(store: Store, id: string, patch: { role?: string; disabled?: boolean; password?: string }): Promise<PublicUser> {
  const u = await users.getUser(store, id);
  if (!u) throw new AccountError(`no user ${id}`, 'not_found');
  const set: Parameters<typeof users.updateUser>[2] = {};
  if (patch.role !== undefined) {
    if (!isRole(patch.role)) throw new AccountError(`unknown role ${JSON.stringify(patch.role)}`, 'invalid');
    set.role = patch.role;
  }
  if (patch.disabled !== undefined) set.disabled = patch.disabled ? 1 : 0;
  if (patch.password !== undefined) {
    const problem = passwordProblem(patch.password, u.username);
    if (problem) throw new AccountError(problem, 'invalid');
    set.password_hash = await hashPassword(patch.password);
  }
  await users.updateUser(store, id, set);
  // A changed role, password or a disabled account must not live on in old sessions.
  await users.deleteSessionsOfUser(store, id);
  return publicUser((await users.getUser(store, id))!);
}

/**
 * Issue a one-time setup token when no user exists yet. The token is returned once (to print as a
 * link) and stored only as a digest, expiring after `hours`.
 */
export async function issueSetupToken(store: Store, hours: number): Promise<{ token: string; expires_at: string } | null> {
  if ((await users.countUsers(store)) > 0) return null;
  const now = new Date();
  const token = newToken();
  const expires_at = new Date(now.getTime() + hours * 3600_000).toISOString();
  await users.insertSetupToken(store, { id: tokenDigest(token), created_at: now.toISOString(), expires_at });
  return { token, expires_at };
}

export async function setupNeeded(store: Store): Promise<boolean> {
  return (await users.countUsers(store)) === 0;
}

export async function setupTokenUsable(store: Store, token: string): Promise<boolean> {
  return users.isSetupTokenUsable(store, tokenDigest(token), new Date().toISOString());
}

/** Spend the setup token and create the first admin. */
export async function completeSetup(store: Store, token: string, username: string, password: string): Promise<PublicUser> {
  if (!(await setupNeeded(store))) throw new AccountError('setup is done: an account exists', 'setup_done');
  // Validate before spending the token, so a typo in the password does not burn the link.
  const problem = passwordProblem(password, username);
  if (problem) throw new AccountError(problem, 'invalid');
  if (!USERNAME.test(username.trim())) throw new AccountError('a user name has 2 to 64 letters, digits or . _ @ -', 'invalid');
  if (!(await users.spendSetupToken(store, tokenDigest(token), new Date().toISOString()))) {
    throw new AccountError('the setup link is unknown, used or expired: restart `unmask serve` for a new one', 'bad_token');
  }
  return createUser(store, { username, password, role: 'admin' });
}
