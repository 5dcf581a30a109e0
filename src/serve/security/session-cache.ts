/**
 * Signed-in sessions, remembered for a moment: every request carries the session cookie, and
 * looking it up (a join of sessions and users) was a large share of a small request's cost. An
 * entry is used only while `accountsVersion` is unchanged, so a logout, a role change, a password
 * change or a disabled account made through the repository ends it at once; on SQLite the version
 * also moves when another process (the CLI) commits. On PostgreSQL a change made by another
 * process is seen within `ttlMs`. Expiry is checked on every use. Only live sessions are cached,
 * so made-up cookies cannot fill the cache.
 */
import type { Store } from '../../store/db.js';
import { accountsVersion, findLiveSession } from '../../store/repositories/users.js';

type Found = NonNullable<Awaited<ReturnType<typeof findLiveSession>>>;

export class SessionCache {
  readonly #entries = new Map<string, { found: Found; version: string; at: number }>();

  constructor(
    private readonly store: Store,
    private readonly ttlMs = 2000,
    private readonly maxEntries = 10_000,
  ) {}

  async find(digest: string, now: Date): Promise<Found | undefined> {
    const nowIso = now.toISOString();
    // Read the version before the lookup: a change committed while it runs makes the entry stale.
    const version = accountsVersion(this.store);
    const hit = this.#entries.get(digest);
    if (hit && hit.version === version && now.getTime() - hit.at < this.ttlMs && hit.found.session.expires_at > nowIso) return hit.found;
    const found = await findLiveSession(this.store, digest, nowIso);
    if (!found) {
      this.#entries.delete(digest);
      return undefined;
    }
    if (this.#entries.size >= this.maxEntries) this.#entries.clear();
    this.#entries.set(digest, { found, version, at: now.getTime() });
    return found;
  }
}
