/**
 * Identifier extraction: every value that ties a person (or candidate) to the world, normalised so
 * that equal things compare equal — emails and phones from the enrichment layer, postal-address
 * keys (home and shipping), pay destinations as keyed hashes (never clear), device serials, MFA
 * devices, device fingerprints and public IPs from sign-ins, profile links, and group fingerprints
 * of identical photos and near-duplicate resumes. The `identifiers` table is this list.
 */
import type { IpClass } from './ip-scope.js';
import type { Device, Identifier, IdentifierType, Person, PostalAddress, Shipment } from '../model/index.js';
import { groupFingerprint, nearDuplicateResumes, samePhotos } from '../enrich/near-duplicates.js';
import { toPersonKey } from './subjects.js';

/** The enrichment functions the linker uses to normalise values (wired in src/link/index.ts). */
export interface Normalizers {
  /** Normalised email, or null when invalid. */
  email(raw: string): string | null;
  /** E.164, or null when invalid. */
  phone(raw: string, defaultCountry?: string | null): string | null;
  /** A key equal for two spellings of one address, with a readable form; null when too vague to link (no street). */
  address(a: PostalAddress): { key: string; display: string } | null;
  ipClass(ip: string): IpClass;
}

/** A pay destination as the store keeps it: a keyed hash and the last four characters. */
export interface PayDestination {
  person_id: string;
  type: 'pay_account' | 'iban' | 'wallet';
  hash: string;
  last4: string | null;
  first_seen: string | null;
  last_seen: string | null;
  source: string;
}

/** One value a person used in sign-ins, with the window of use (aggregated from the sign-in log). */
export interface SignInValue {
  person_id: string;
  type: 'ip' | 'mfa_device' | 'device_fingerprint';
  value: string;
  first_seen: string | null;
  last_seen: string | null;
  count: number;
}

export interface LinkSources {
  people: Person[];
  pay: PayDestination[];
  shipments: Shipment[];
  devices: Device[];
  signins: SignInValue[];
}

export interface LinkTuning {
  resume_similarity: number;
  photo_hamming: number;
}

/** Profile links compare without scheme, "www.", trailing slash, query or case. */
export function normalizeProfileUrl(raw: string): string | null {
  const s = raw.trim();
  if (!s) return null;
  try {
    const u = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(s) ? s : `https://${s}`);
    const host = u.hostname.toLowerCase().replace(/^www\./, '');
    const path = decodeURIComponent(u.pathname).replace(/\/+$/, '').toLowerCase();
    return host ? `${host}${path}` : null;
  } catch {
    return null;
  }
}

const mask = (last4: string | null) => (last4 ? `••••${last4}` : '••••');

export function extractIdentifiers(src: LinkSources, norm: Normalizers, tuning: LinkTuning): Identifier[] {
  const out: Identifier[] = [];
  const seen = new Set<string>();
  const push = (person_id: string, type: IdentifierType, value: string | null, display: string | null, source: string, first?: string | null, last?: string | null) => {
    if (!value) return;
    const k = `${person_id}\u001f${type}\u001f${value}`;
    if (seen.has(k)) return;
    seen.add(k);
    out.push({ person_id, type, value, display, source, first_seen: first ?? null, last_seen: last ?? null });
  };

  for (const p of src.people) {
    const source = p.source_file ?? (p.kind === 'candidate' ? 'candidates.csv' : 'people.csv');
    for (const raw of [p.work_email, p.personal_email]) {
      const e = raw ? norm.email(raw) : null;
      push(p.id, 'email', e, e, source);
    }
    if (p.phone) {
      const e164 = norm.phone(p.phone, p.home?.country ?? null);
      push(p.id, 'phone', e164, e164, source);
    }
    if (p.home) {
      const a = norm.address(p.home);
      if (a) push(p.id, 'home_address', a.key, a.display, source);
    }
    for (const url of p.profile_urls ?? []) {
      const u = normalizeProfileUrl(url);
      push(p.id, 'profile_url', u, u, source);
    }
  }

  const photoPeople = src.people.filter((p) => p.photo_sha256 || p.photo_phash);
  for (const g of samePhotos(photoPeople.map((p) => ({ sha256: p.photo_sha256, phash: p.photo_phash })), tuning.photo_hamming)) {
    const fp = groupFingerprint('photo', g.map((i) => photoPeople[i]!.id));
    for (const i of g) push(photoPeople[i]!.id, 'photo_hash', fp, `same photo as ${g.length - 1} other record(s)`, 'photo_file');
  }
  const resumePeople = src.people.filter((p) => p.resume_text);
  for (const g of nearDuplicateResumes(resumePeople.map((p) => p.resume_text), tuning.resume_similarity)) {
    const fp = groupFingerprint('resume', g.map((i) => resumePeople[i]!.id));
    for (const i of g) push(resumePeople[i]!.id, 'resume_fingerprint', fp, `near-copy of ${g.length - 1} other resume(s)`, 'resume_text');
  }

  for (const d of src.pay) push(toPersonKey(d.person_id), d.type, d.hash, mask(d.last4), d.source, d.first_seen, d.last_seen);

  for (const s of src.shipments) {
    const pid = toPersonKey(s.person_id);
    const source = s.source_file ?? 'shipments.csv';
    const a = norm.address(s.address);
    if (a) push(pid, 'ship_address', a.key, a.display, source, s.shipped_at, s.shipped_at);
    if (s.device_serial) push(pid, 'device_serial', normalizeSerial(s.device_serial), s.device_serial.trim(), source, s.shipped_at, s.shipped_at);
  }
  for (const d of src.devices) {
    if (!d.person_id) continue;
    push(toPersonKey(d.person_id), 'device_serial', normalizeSerial(d.serial), d.serial.trim(), d.source_file ?? 'devices.csv', d.enrolled_at);
  }

  for (const s of src.signins) {
    const pid = toPersonKey(s.person_id);
    if (s.type === 'ip') {
      const cls = norm.ipClass(s.value);
      // Corporate egress says nothing about who is together; private addresses are not where anyone is.
      if (cls === 'corporate' || cls === 'private') continue;
    }
    push(pid, s.type, s.value, s.value, 'signins', s.first_seen, s.last_seen);
  }
  return out;
}

/** Serial numbers are compared without spaces, dashes or case. */
export function normalizeSerial(serial: string): string {
  return serial.trim().replace(/[\s-]/g, '').toUpperCase();
}
