/**
 * Counts failed sign-ins per IP address + user name, and per IP address alone, in a sliding window.
 * A key over its limit is refused (HTTP 429) before the password is even checked, so guessing is
 * slowed whatever the guesses are. Kept in memory: a restart forgets, which only helps a guesser
 * who can also restart the server.
 */
export interface ThrottleLimits {
  perUser: number;
  perIp: number;
  windowMs: number;
}

export class LoginThrottle {
  readonly #failures = new Map<string, number[]>();

  constructor(private readonly limits: ThrottleLimits) {}

  #recent(key: string, now: number): number[] {
    const list = (this.#failures.get(key) ?? []).filter((t) => now - t < this.limits.windowMs);
    if (list.length) this.#failures.set(key, list);
    else this.#failures.delete(key);
    return list;
  }

  /** Milliseconds until another attempt is allowed, or 0 if allowed now. */
  retryAfterMs(ip: string, username: string, now = Date.now()): number {
    const check = (key: string, limit: number) => {
      const list = this.#recent(key, now);
      return list.length >= limit ? this.limits.windowMs - (now - list[list.length - limit]!) : 0;
    };
    return Math.max(check(`u\u0000${ip}\u0000${username.toLowerCase()}`, this.limits.perUser), check(`i\u0000${ip}`, this.limits.perIp));
  }

  fail(ip: string, username: string, now = Date.now()): void {
    for (const key of [`u\u0000${ip}\u0000${username.toLowerCase()}`, `i\u0000${ip}`]) {
      const list = this.#recent(key, now);
      list.push(now);
      this.#failures.set(key, list);
    }
    if (this.#failures.size > 50_000) this.#sweep(now);
  }

  succeed(ip: string, username: string): void {
    this.#failures.delete(`u\u0000${ip}\u0000${username.toLowerCase()}`);
  }

  #sweep(now: number): void {
    for (const key of [...this.#failures.keys()]) this.#recent(key, now);
  }
}
