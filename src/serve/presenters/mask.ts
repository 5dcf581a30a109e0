/**
 * Masking of personal data for the viewer role: enough is left to recognise a value already known
 * (first letter of an email, last two digits of a phone) but not to learn it. Pay destinations are
 * masked for everyone (the database only holds their last four characters anyway).
 */
import type { Role } from '../security/roles.js';

const DOT = '•';

export function maskEmail(email: string | null | undefined): string | null {
  if (!email) return email ?? null;
  const at = email.lastIndexOf('@');
  if (at < 1) return DOT.repeat(Math.min(8, email.length));
  return `${email[0]}${DOT.repeat(3)}@${email.slice(at + 1)}`;
}

export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return phone ?? null;
  const digits = phone.replace(/\D/g, '').length;
  let seen = 0;
  return phone.replace(/\d/g, (d) => (++seen > digits - 2 ? d : DOT));
}

/** Street lines are hidden; the rest of an address (city, region, country) stays for the map. */
export function maskStreet(street: string | null | undefined): string | null {
  return street ? DOT.repeat(6) : (street ?? null);
}

export function maskPostalCode(code: string | null | undefined): string | null {
  if (!code) return code ?? null;
  return code.length <= 2 ? DOT.repeat(code.length) : code.slice(0, 2) + DOT.repeat(code.length - 2);
}

const EMAIL_RE = /[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
// A phone-looking run: optional +, then 7+ digits with common separators.
const PHONE_RE = /\+?\d[\d ().-]{6,}\d/g;
const ADDRESS_KEY = /street|address|addr|postal|zip/i;
const PHONE_KEY = /phone|mobile|tel/i;
const EMAIL_KEY = /email|mail|user_?name|login|upn/i;

/** Mask free text: emails and phone numbers inside it. */
export function maskText(s: string): string {
  return s.replace(EMAIL_RE, (m) => maskEmail(m) ?? '').replace(PHONE_RE, (m) => (/\d{1,3}(\.\d{1,3}){3}/.test(m) ? m : (maskPhone(m) ?? '')));
}

/** Mask a JSON value (finding evidence) by key name and by the shape of string values. */
export function maskDeep(value: unknown, key = ''): unknown {
  if (typeof value === 'string') {
    if (ADDRESS_KEY.test(key) && !/country|city|region|geo|lat|lon|key|match|similar/i.test(key)) return maskStreet(value);
    if (PHONE_KEY.test(key)) return maskPhone(value);
    if (EMAIL_KEY.test(key) && value.includes('@')) return maskEmail(value);
    return maskText(value);
  }
  if (Array.isArray(value)) return value.map((v) => maskDeep(v, key));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, maskDeep(v, k)]));
  }
  return value;
}

/** Identifier values: personal kinds are masked for viewers; secret kinds never show their hash. */
export function presentIdentifierValue(type: string, value: string, display: string | null, role: Role, secret: boolean): string {
  if (secret) return display ?? `${DOT.repeat(4)}`;
  const shown = display ?? value;
  if (role !== 'viewer') return shown;
  if (type === 'email') return maskEmail(shown) ?? '';
  if (type === 'phone') return maskPhone(shown) ?? '';
  if (type === 'home_address' || type === 'ship_address' || type === 'address') return maskText(shown.replace(/^[^,]*\d[^,]*,?/, `${DOT.repeat(6)},`));
  return shown;
}

export function needsMasking(role: Role): boolean {
  return role === 'viewer';
}
