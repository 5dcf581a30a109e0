/** Random bearer tokens (session ids, CSRF tokens, setup tokens) and the digests stored in their place. */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export function newToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** What the database keeps instead of a bearer token. */
export function tokenDigest(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Time-ordered unique id (sorts by creation): used for audit entries, cases and notes. */
let last = '';
let seq = 0;
export function orderedId(now = new Date()): string {
  const t = now.getTime().toString(36).padStart(9, '0');
  seq = t === last ? seq + 1 : 0;
  last = t;
  return `${t}${seq.toString(36).padStart(3, '0')}${randomBytes(5).toString('hex')}`;
}
