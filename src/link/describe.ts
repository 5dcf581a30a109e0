/**
 * Words for the graph: what each shared value is called, the reasons a cluster exists ("4 people
 * share a shipping address"), its hubs (a value many members hold: where a facilitator shows),
 * and the fact key under which the scorer counts a shared value once.
 */
import type { LinkKind } from '../config/sections/score.js';
import { IDENTIFIER_TYPE_LIST } from './identifier-index.js';

const NOUNS: Record<LinkKind, [singular: string, plural: string]> = {
  email: ['an email address', 'email addresses'],
  phone: ['a phone number', 'phone numbers'],
  address: ['an address', 'addresses'],
  pay_account: ['a bank account', 'bank accounts'],
  iban: ['an IBAN', 'IBANs'],
  wallet: ['a crypto wallet', 'crypto wallets'],
  government_id: ['a government id', 'government ids'],
  device_serial: ['a laptop (same serial)', 'laptops (same serials)'],
  ip: ['a public IP at the same time', 'public IPs at the same times'],
  mfa_device: ['an MFA device', 'MFA devices'],
  device_fingerprint: ['a device fingerprint', 'device fingerprints'],
  photo_hash: ['a profile photo', 'profile photos'],
  resume_fingerprint: ['a resume (near-copies)', 'resumes (near-copies)'],
  profile_url: ['a profile link', 'profile links'],
};

/** How the sharers hold an address: all as home, all as shipping destination, all as both, or some one way and some the other. */
export type AddressRole = 'home' | 'ship' | 'home_and_ship' | 'mixed';

const HOME_BIT = 1 << IDENTIFIER_TYPE_LIST.indexOf('home_address');
const SHIP_BIT = 1 << IDENTIFIER_TYPE_LIST.indexOf('ship_address');

/** The role from each sharer's bitmask of identifier types (IDENTIFIER_TYPE_LIST order). */
export function addressRole(masks: number[]): AddressRole {
  const allHome = masks.every((m) => m & HOME_BIT);
  const allShip = masks.every((m) => m & SHIP_BIT);
  return allHome && allShip ? 'home_and_ship' : allHome ? 'home' : allShip ? 'ship' : 'mixed';
}

const ADDRESS_NOUNS: Record<AddressRole, [string, string]> = {
  home: ['a home address', 'home addresses'],
  ship: ['a shipping address', 'shipping addresses'],
  home_and_ship: ['a home and shipping address', 'home and shipping addresses'],
  mixed: ['an address (home of some, shipping address of others)', 'addresses (home of some, shipping address of others)'],
};

export function nounFor(kind: LinkKind, role: AddressRole | null, plural = false): string {
  if (kind === 'address') return ADDRESS_NOUNS[role ?? 'mixed'][plural ? 1 : 0];
  return NOUNS[kind][plural ? 1 : 0];
}

/** The label of one shared value on a link: "same shipping address". */
export function sameLabel(kind: LinkKind, role: AddressRole | null): string {
  return `same ${nounFor(kind, role).replace(/^an? /, '')}`;
}

/**
 * The keys under which a shared value is counted once by the scorer, whichever rule or stage
 * reports it: `<kind>:<value>` (`address:<key>` as hr.address.shared writes it) and the detection
 * rules' other spellings of the same facts (`shared-email:…`, `shared-mfa-device:…`,
 * `pay-destination:account:<hash>`, `resume-group:…`).
 */
export function identifierFactKeys(kind: LinkKind, value: string): string[] {
  const keys = [`${kind}:${value}`, `shared-${kind.replace(/_/g, '-')}:${value}`];
  // The payroll rules' `pay-destination:<account|iban|wallet>:<hash>`; the recruiting rules' group keys.
  if (kind === 'pay_account') keys.push(`pay-destination:account:${value}`);
  if (kind === 'iban' || kind === 'wallet') keys.push(`pay-destination:${kind}:${value}`);
  if (kind === 'resume_fingerprint' || kind === 'photo_hash') keys.push(value);
  return keys;
}

/** Hub type names, as shown in the `hubs` list. */
export function hubType(kind: LinkKind, role: AddressRole | null): string {
  if (kind !== 'address') return kind;
  return role === 'home' ? 'home_address' : role === 'ship' ? 'ship_address' : 'address';
}

export interface SharedGroup {
  kind: LinkKind;
  role: AddressRole | null;
  display: string;
  people: number;
  values: number;
}

/** "4 people share a shipping address (1 MAIN ST ...)", "3 people share 2 bank accounts". */
export function sharedReason(g: SharedGroup): string {
  if (g.values === 1) return `${g.people} people share ${nounFor(g.kind, g.role)}${g.display ? ` (${g.display})` : ''}`;
  return `${g.people} people share ${g.values} ${nounFor(g.kind, g.role, true)}`;
}
