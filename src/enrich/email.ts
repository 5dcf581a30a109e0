/**
 * Email addresses: a syntax check, a normalised form for matching (two spellings of one mailbox
 * become one value) and a domain class from maintained lists shipped as npm packages.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageDir } from './datasets.js';

export type EmailDomainClass = 'free' | 'disposable' | 'corporate' | 'invalid';

export interface EmailInfo {
  input: string;
  valid: boolean;
  /** Lower case, provider rules applied (Gmail dots and plus tags removed...); null when invalid. */
  normalized: string | null;
  domain: string | null;
  /** `corporate` means "not a known free or disposable provider": any other domain. */
  domain_class: EmailDomainClass;
}

// RFC 5322 dot-atom (what real mailboxes use; quoted local parts are refused on purpose).
const LOCAL_RE = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/i;
const LABEL_RE = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/i;
const TLD_RE = /^([a-z]{2,63}|xn--[a-z0-9-]{1,59})$/i;

/** Mailbox providers whose addresses ignore a `+tag` suffix (sub-addressing). */
const PLUS_PROVIDERS = new Set([
  'gmail.com', 'googlemail.com', 'outlook.com', 'msn.com', 'icloud.com', 'me.com', 'mac.com',
  'protonmail.com', 'protonmail.ch', 'proton.me', 'pm.me', 'fastmail.com', 'fastmail.fm', 'hey.com',
  'zoho.com', 'zohomail.com', 'yandex.ru', 'yandex.com', 'ya.ru', 'tutanota.com', 'runbox.com',
]);
// Microsoft consumer domains exist under many country suffixes (hotmail.co.uk, live.fr...).
const MICROSOFT_RE = /^(hotmail|outlook|live)\.[a-z]{2,3}(\.[a-z]{2})?$/;

let disposable: Set<string> | null = null;
let free: Set<string> | null = null;

function lists(): { disposable: Set<string>; free: Set<string> } {
  if (!disposable || !free) {
    const d = JSON.parse(readFileSync(join(packageDir('disposable-email-domains-js'), 'dist/dict/disposable_email_blocklist.json'), 'utf8')) as string[];
    const f = JSON.parse(readFileSync(join(packageDir('email-providers'), 'all.json'), 'utf8')) as string[];
    disposable = new Set(d.map((x) => x.toLowerCase()));
    free = new Set(f.map((x) => x.toLowerCase()));
    // Google's second consumer domain, not always in provider lists.
    free.add('googlemail.com');
  }
  return { disposable, free };
}

export function isValidDomain(domain: string): boolean {
  if (domain.length > 253) return false;
  const labels = domain.split('.');
  if (labels.length < 2) return false;
  return labels.every((l) => LABEL_RE.test(l)) && TLD_RE.test(labels[labels.length - 1] as string);
}

/** Free, disposable or other (`corporate`), for an already lower-cased domain. */
export function classifyEmailDomain(domain: string): EmailDomainClass {
  const l = lists();
  // Disposable services hand out subdomains too: check each parent domain.
  const labels = domain.split('.');
  for (let i = 0; i < labels.length - 1; i++) if (l.disposable.has(labels.slice(i).join('.'))) return 'disposable';
  if (l.free.has(domain)) return 'free';
  return 'corporate';
}

/** The mailbox as its provider sees it: case folded, and the provider's ignored characters removed. */
function normalizeLocal(local: string, domain: string): { local: string; domain: string } {
  let d = domain;
  let l = local;
  if (d === 'googlemail.com') d = 'gmail.com';
  if (PLUS_PROVIDERS.has(d) || MICROSOFT_RE.test(d)) {
    const plus = l.indexOf('+');
    if (plus > 0) l = l.slice(0, plus);
  }
  if (d === 'gmail.com') l = l.replace(/\./g, '');
  return { local: l, domain: d };
}

const INVALID = (input: string, domain: string | null = null): EmailInfo => ({ input, valid: false, normalized: null, domain, domain_class: 'invalid' });

export function enrichEmail(raw: string): EmailInfo {
  const input = raw;
  const s = raw.trim().replace(/^mailto:/i, '').replace(/^<(.*)>$/, '$1').trim();
  const at = s.lastIndexOf('@');
  if (at <= 0 || at === s.length - 1 || s.length > 254) return INVALID(input);
  const local = s.slice(0, at);
  const domain = s.slice(at + 1).toLowerCase().replace(/\.$/, '');
  if (local.length > 64 || !LOCAL_RE.test(local)) return INVALID(input, isValidDomain(domain) ? domain : null);
  if (!isValidDomain(domain)) return INVALID(input);
  const n = normalizeLocal(local.toLowerCase(), domain);
  if (!n.local) return INVALID(input, domain);
  return { input, valid: true, normalized: `${n.local}@${n.domain}`, domain: n.domain, domain_class: classifyEmailDomain(n.domain) };
}
