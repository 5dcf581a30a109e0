/** Records for link and score tests, built the way ingest stores them. */
import { SecretKey } from '../../src/config/secret.js';
import { parseConfig } from '../../src/config/config.js';
import * as m from '../../src/model/index.js';
import type { LinkSources, PayDestination, SignInValue } from '../../src/link/identifiers.js';

export const key = new SecretKey(Buffer.alloc(32, 9));
export const config = parseConfig({});

export function employee(id: string, name: string, extra: Partial<m.Person> = {}): m.Person {
  return m.person.parse({ id: m.personKey('employee', id), source_id: id, kind: 'employee', full_name: name, ...extra });
}
export function candidate(id: string, name: string, extra: Partial<m.Person> = {}): m.Person {
  return m.person.parse({ id: m.personKey('candidate', id), source_id: id, kind: 'candidate', full_name: name, ...extra });
}

export function pay(personKey: string, account: string, date = '2024-03-01'): PayDestination {
  const s = key.seal('account', account)!;
  return { person_id: personKey, type: 'pay_account', hash: s.hash, last4: s.last4, first_seen: date, last_seen: date, source: 'pay_accounts' };
}

export function shipment(id: string, personKey: string, address: m.PostalAddress, serial?: string): m.Shipment {
  return m.shipment.parse({ id, person_id: personKey, address, device_serial: serial, shipped_at: '2024-03-02T00:00:00Z', status: 'delivered' });
}

export function ipUse(personKey: string, ip: string, first: string, last: string, count = 10): SignInValue {
  return { person_id: personKey, type: 'ip', value: ip, first_seen: first, last_seen: last, count };
}

export function sources(partial: Partial<LinkSources>): LinkSources {
  return { people: [], pay: [], shipments: [], devices: [], signins: [], ...partial };
}

export const FARM_HOUSE: m.PostalAddress = { street: '4821 Oakridge Dr', city: 'Raleigh', region: 'NC', postal_code: '27606', country: 'US' };

import { enrichEmail } from '../../src/enrich/email.js';
import { enrichPhone } from '../../src/enrich/phone.js';
import * as names from '../../src/enrich/names.js';
import type { LinkFunctions } from '../../src/link/pipeline.js';
import { isPrivateIp, type IpClass } from '../../src/link/ip-scope.js';

/** Enrichment functions as the link stage wires them, with IP classes given by the test. */
export function functions(ipClasses: Record<string, IpClass> = {}): LinkFunctions {
  return {
    email: (raw) => enrichEmail(raw).normalized,
    phone: (raw, country) => enrichPhone(raw, country ?? undefined).e164,
    address: (a) => (a.street ? { key: [a.street, a.postal_code, a.country].map((s) => (s ?? '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim()).join('|'), display: `${a.street}, ${a.city ?? ''}` } : null),
    ipClass: (ip) => (isPrivateIp(ip) ? 'private' : (ipClasses[ip] ?? 'residential_or_mobile')),
    names,
  };
}
