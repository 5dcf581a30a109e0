/**
 * The key for keyed hashing of secrets (account numbers, IBANs, wallets, government ids).
 * Unmask creates it on first run and keeps it outside the database, so a copy of the database alone
 * cannot be used to test guesses of account numbers. It is never logged or printed.
 *
 * Where it lives, first match wins:
 *   1. UNMASK_SECRET_KEY: 64 hex characters in the environment (for containers and CI);
 *   2. UNMASK_SECRET_KEY_FILE, or `secret_key_file` in unmask.yaml: a file holding the key;
 *   3. the default file `$XDG_CONFIG_HOME/unmask/secret.key` (`~/.config/unmask/secret.key`).
 * A missing file is created (mode 0600). Losing the key means hashes stored so far no longer match
 * new data: back it up with the database.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import type { SealedSecret } from '../model/index.js';

export function defaultKeyFile(): string {
  const base = process.env.XDG_CONFIG_HOME || join(homedir(), '.config');
  return join(base, 'unmask', 'secret.key');
}

export class SecretKey {
  readonly #key: Buffer;

  constructor(key: Buffer) {
    if (key.length < 32) throw new Error('the secret key must be at least 32 bytes');
    this.#key = key;
  }

  /** Load the key as described above, creating the key file if needed. */
  static load(keyFile?: string | null): SecretKey {
    const fromEnv = process.env.UNMASK_SECRET_KEY;
    if (fromEnv) {
      if (!/^[0-9a-fA-F]{64,}$/.test(fromEnv)) throw new Error('UNMASK_SECRET_KEY must be at least 64 hex characters');
      return new SecretKey(Buffer.from(fromEnv, 'hex'));
    }
    const file = keyFile || process.env.UNMASK_SECRET_KEY_FILE || defaultKeyFile();
    if (!existsSync(file)) {
      mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
      writeFileSync(file, randomBytes(32).toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
    }
    const text = readFileSync(file, 'utf8').trim();
    if (!/^[0-9a-fA-F]{64,}$/.test(text)) throw new Error(`the secret key file ${file} does not hold a hex key of at least 64 characters`);
    try {
      chmodSync(file, 0o600);
    } catch {
      // best effort: a read-only mount keeps its own permissions
    }
    return new SecretKey(Buffer.from(text, 'hex'));
  }

  /** HMAC-SHA256 of a normalised value, namespaced by kind so that equal strings of different kinds differ. */
  hash(kind: string, normalised: string): string {
    return createHmac('sha256', this.#key).update(`${kind}\u001f${normalised}`).digest('hex');
  }

  /** Seal a secret: keyed hash for matching, last four characters for people. Null for empty input. */
  seal(kind: 'account' | 'iban' | 'wallet' | 'government_id', raw: string | null | undefined): SealedSecret | null {
    const norm = normaliseSecret(kind, raw);
    if (!norm) return null;
    return { hash: this.hash(kind, norm), last4: norm.slice(-4) };
  }

  // Keep the key out of console.log, util.inspect and JSON.stringify.
  toJSON(): string {
    return '[SecretKey]';
  }
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return '[SecretKey]';
  }
}

/** Account numbers and IBANs: no spaces or dashes, upper case. Wallets keep their case (base58 is case-sensitive) unless hex. */
export function normaliseSecret(kind: string, raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  let s = raw.trim().replace(/[\s-]/g, '');
  if (!s) return null;
  if (kind === 'wallet') {
    if (/^0x[0-9a-fA-F]+$/.test(s)) s = s.toLowerCase();
  } else {
    s = s.toUpperCase();
  }
  return s;
}

/** How a sealed secret is shown to people: `••••1234`. */
export function maskLast4(last4: string | null | undefined): string | null {
  return last4 ? `••••${last4}` : null;
}
