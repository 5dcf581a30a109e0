/**
 * Building blocks of the organisation: identities, households, work patterns, devices and pay
 * destinations. Ordinary staff, look-alikes and hidden workers are all made from these, so they
 * differ only where the scenario says they do.
 */
import { addressOf, CORPORATE_EGRESS, network, regionKey, residentialFor, servesRegion, type Network } from './catalog/networks.js';
import { ABROAD_PLACES, addressIn, US_PLACES, type Address, type Place } from './catalog/places.js';
import {
  COMPANY,
  CURRENCY,
  FIRST_NAMES,
  FOREIGN_BANKS,
  foreignPhone,
  handle,
  ibanFor,
  LAST_NAMES,
  PAY_FACTOR,
  personalEmail,
  US_BANKS,
  usPhone,
} from './catalog/names.js';
import { BASE_SOFTWARE, DEV_SOFTWARE, HARDWARE, PERIPHERALS, type Platform } from './catalog/software.js';
import {
  PERIOD,
  type Household,
  type IdpName,
  type Lang,
  type Lease,
  type Location,
  type PayAccountRow,
  type SimDevice,
  type SimPerson,
  type WorkPattern,
} from './model.js';
import { Rng } from './random.js';
import { addDays, daysBetween, DAY_MS, localToUtc } from './time.js';

export interface Department {
  name: string;
  weight: number;
  titles: string[];
  dev: boolean;
  vpn: number;
  salary: [number, number];
}

export const DEPARTMENTS: Department[] = [
  { name: 'Engineering', weight: 30, titles: ['Software Engineer', 'Senior Software Engineer', 'Staff Software Engineer', 'Site Reliability Engineer', 'Frontend Engineer', 'Backend Engineer', 'QA Engineer', 'Engineering Manager'], dev: true, vpn: 0.45, salary: [115_000, 230_000] },
  { name: 'Data', weight: 5, titles: ['Data Engineer', 'Data Scientist', 'Analytics Engineer'], dev: true, vpn: 0.45, salary: [110_000, 210_000] },
  { name: 'Product', weight: 5, titles: ['Product Manager', 'Senior Product Manager', 'Product Designer', 'UX Researcher'], dev: false, vpn: 0.2, salary: [110_000, 200_000] },
  { name: 'IT', weight: 5, titles: ['IT Support Specialist', 'Systems Administrator', 'IT Manager', 'Network Engineer'], dev: false, vpn: 0.6, salary: [60_000, 150_000] },
  { name: 'Sales', weight: 15, titles: ['Account Executive', 'Sales Development Representative', 'Sales Engineer', 'Regional Sales Manager'], dev: false, vpn: 0.1, salary: [60_000, 180_000] },
  { name: 'Marketing', weight: 6, titles: ['Marketing Manager', 'Content Strategist', 'Growth Marketer', 'Brand Designer'], dev: false, vpn: 0.1, salary: [70_000, 160_000] },
  { name: 'Customer Support', weight: 12, titles: ['Support Specialist', 'Senior Support Specialist', 'Support Team Lead'], dev: false, vpn: 0.2, salary: [45_000, 90_000] },
  { name: 'Finance', weight: 5, titles: ['Accountant', 'Financial Analyst', 'Payroll Specialist', 'Controller'], dev: false, vpn: 0.6, salary: [70_000, 170_000] },
  { name: 'People', weight: 4, titles: ['HR Generalist', 'Recruiter', 'People Partner'], dev: false, vpn: 0.3, salary: [60_000, 140_000] },
  { name: 'Operations', weight: 11, titles: ['Operations Analyst', 'Program Manager', 'Business Operations Manager'], dev: false, vpn: 0.2, salary: [65_000, 150_000] },
  { name: 'Legal', weight: 2, titles: ['Counsel', 'Paralegal', 'Compliance Analyst'], dev: false, vpn: 0.5, salary: [80_000, 220_000] },
];

export function department(name: string): Department {
  const d = DEPARTMENTS.find((x) => x.name === name);
  if (!d) throw new Error(`unknown department ${name}`);
  return d;
}

const LANG_BY_COUNTRY: Record<string, Lang> = { US: 'en-US', CA: 'en-US', GB: 'en-GB', IE: 'en-GB', DE: 'de-DE', PL: 'pl-PL', PT: 'pt-PT', IN: 'en-IN', MX: 'es-MX' };
const ALNUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';

export const ACTIVITY_DAYS = daysBetween(PERIOD.activityStart, PERIOD.activityEnd);
const ALL_DAYS = daysBetween(PERIOD.start, PERIOD.end);

/** Shared state while the organisation is built: the root stream and the uniqueness sets. */
export class OrgBuilder {
  readonly people: SimPerson[] = [];
  private readonly emails = new Set<string>();
  private readonly serials = new Set<string>();
  private readonly hostnames = new Set<string>();
  /** Values real people never share by accident; only a scenario may make two people share one. */
  private readonly taken = { ip: new Set<string>(), address: new Set<string>(), phone: new Set<string>(), mail: new Set<string>() };
  private readonly tunnel = { 'vpn-east': 0, 'vpn-west': 0 };
  private households = 0;
  private counter = 0;

  constructor(readonly seed: string) {}

  rng(...labels: Array<string | number>): Rng {
    return Rng.from(this.seed, ...labels);
  }

  nextKey(prefix: string): string {
    return `${prefix}${++this.counter}`;
  }

  pickPlace(rng: Rng, abroad: boolean): Place {
    return rng.weighted(abroad ? ABROAD_PLACES : US_PLACES, (p) => p.weight);
  }

  /** Draw until the value is not taken yet, then take it. */
  unique(kind: keyof OrgBuilder['taken'], draw: () => string): string {
    const set = this.taken[kind];
    for (let i = 0; ; i++) {
      const v = draw();
      const key = kind === 'phone' ? v.replace(/\D/g, '').replace(/^1(?=\d{10}$)/, '') : v.toLowerCase();
      if (!set.has(key) || i > 50) {
        set.add(key);
        return v;
      }
    }
  }

  /** Mark a value as used (scenario-made values, so nobody else draws them by chance). */
  claim(kind: keyof OrgBuilder['taken'], v: string): void {
    this.taken[kind].add(kind === 'phone' ? v.replace(/\D/g, '').replace(/^1(?=\d{10}$)/, '') : v.toLowerCase());
  }

  uniqueAddress(rng: Rng, place: Place): Address {
    let a = addressIn(place, rng);
    this.unique('address', () => {
      a = addressIn(place, rng);
      return `${a.street}|${a.city}|${a.country}`;
    });
    return a;
  }

  /** A home ISP for a place: one of its own that has addresses there, else any that does. */
  ispFor(rng: Rng, place: Place): Network {
    const key = regionKey(place.country, place.region);
    const own = place.isps.map(network).filter((n) => servesRegion(n, key));
    if (own.length) return rng.pick(own);
    const any = residentialFor(key);
    return any.length ? rng.pick(any) : network(rng.pick(place.isps));
  }

  newHousehold(rng: Rng, place: Place, address?: Address, net?: Network): Household {
    const n = net ?? this.ispFor(rng, place);
    const key = regionKey(place.country, place.region);
    const leases: Lease[] = [{ from: PERIOD.start, ip: this.unique('ip', () => addressOf(n, rng, key)) }];
    // Residential addresses change now and then (modem reboots, lease expiry).
    if (rng.chance(0.12)) leases.push({ from: rng.pick(ACTIVITY_DAYS), ip: this.unique('ip', () => addressOf(n, rng, key)) });
    return { id: `H${++this.households}`, address: address ?? this.uniqueAddress(rng, place), location: { place, net: n, leases } };
  }

  location(rng: Rng, place: Place, net?: Network): Location {
    const n = net ?? this.ispFor(rng, place);
    const key = regionKey(place.country, place.region);
    return { place, net: n, leases: [{ from: PERIOD.start, ip: this.unique('ip', () => addressOf(n, rng, key)) }] };
  }

  uniqueEmail(local: string): string {
    let candidate = `${local}@${COMPANY.domain}`;
    for (let i = 2; this.emails.has(candidate); i++) candidate = `${local}${i}@${COMPANY.domain}`;
    this.emails.add(candidate);
    return candidate;
  }

  workPattern(rng: Rng, tz: string, country: string): WorkPattern {
    return {
      tz,
      holidays: country,
      start: Math.min(11, Math.max(6.5, rng.normal(8.6, 0.7))),
      length: Math.min(10.5, Math.max(7, rng.normal(8.6, 0.6))),
      weekendRate: rng.float(0.02, 0.1),
      lateRate: rng.float(0.02, 0.09),
    };
  }

  hireDate(rng: Rng, recent: boolean): string {
    if (recent) return rng.pick(ALL_DAYS.filter((d) => d >= '2025-01-06' && d <= '2025-05-30' && new Date(`${d}T00:00:00Z`).getUTCDay() === 1));
    const year = rng.weighted([2012, 2014, 2016, 2018, 2019, 2020, 2021, 2022, 2023, 2024], (y) => (y >= 2021 ? 3 : 1));
    const day = addDays(`${year}-01-01`, rng.int(0, 364));
    return day > '2024-12-20' ? '2024-12-02' : day;
  }

  /** A person with an ordinary identity; the caller adjusts what differs. */
  newPerson(opts: { rng: Rng; place: Place; department: Department; kind?: 'employee' | 'contractor'; hireDate: string; first?: string; last?: string; household?: Household }): SimPerson {
    const { rng, place, department: dept } = opts;
    const first = opts.first ?? rng.pick(FIRST_NAMES);
    const last = opts.last ?? rng.pick(LAST_NAMES);
    const household = opts.household ?? this.newHousehold(rng, place);
    const idp: IdpName = rng.weighted(['okta', 'entra', 'google'] as IdpName[], (i) => (i === 'okta' ? 55 : i === 'entra' ? 30 : 15));
    const country = place.country;
    const corpVpn = rng.chance(dept.vpn);
    const salary = Math.round(rng.float(dept.salary[0], dept.salary[1]) / 1000) * 1000;
    const office = (place.city === 'Austin' || place.city === 'Chicago') && country === 'US' && rng.chance(0.5) ? (place.city === 'Austin' ? 'austin' : 'chicago') : null;
    const p: SimPerson = {
      id: '',
      kind: opts.kind ?? 'employee',
      first,
      last,
      fullName: `${first} ${last}`,
      workEmail: this.uniqueEmail(`${handle(first)}.${handle(last)}`),
      personalEmail: rng.chance(0.85) ? this.unique('mail', () => personalEmail(first, last, rng)) : null,
      phone: rng.chance(0.95) ? this.unique('phone', () => (country === 'US' ? usPhone(place.region, rng) : foreignPhone(country, rng))) : null,
      dob: rng.chance(0.9) ? addDays('1960-01-01', rng.int(0, 42 * 365)) : null,
      home: household.address,
      timezone: place.tz,
      agency: null,
      title: rng.pick(dept.titles),
      department: dept.name,
      manager: null,
      hireDate: opts.hireDate,
      endDate: null,
      idp,
      idpUserId: idp === 'okta' ? `00u${rng.chars(17, ALNUM)}` : idp === 'entra' ? rng.uuid() : rng.digits(21).replace(/^0/, '1'),
      household,
      work: this.workPattern(rng, place.tz, country),
      corpVpn,
      gateway: place.lon < -100 ? 'vpn-west' : 'vpn-east',
      office,
      vpn: null,
      leak: null,
      trips: [],
      devices: [],
      mfaDevice: this.mfaDevice(rng),
      pay: [],
      salary: Math.round(salary * (PAY_FACTOR[country] ?? 1)),
      currency: CURRENCY[country] ?? 'USD',
      lang: country === 'CA' && place.region === 'QC' ? 'fr-CA' : (LANG_BY_COUNTRY[country] ?? 'en-US'),
      scheme: null,
      lookalikes: [],
      seedKey: this.nextKey('p'),
    };
    p.pay.push(this.ordinaryPayAccount(rng, p, p.hireDate < PERIOD.start ? p.hireDate : p.hireDate));
    if (p.hireDate < '2024-01-01' && rng.chance(0.08)) p.pay.push(this.ordinaryPayAccount(rng, p, addDays(p.hireDate, rng.int(200, 900)) > '2024-12-31' ? '2024-11-15' : addDays(p.hireDate, rng.int(200, 900))));
    this.people.push(p);
    return p;
  }

  mfaDevice(rng: Rng): SimPerson['mfaDevice'] {
    const ios = rng.chance(0.6);
    return { id: `guo${rng.chars(17, ALNUM)}`, name: ios ? rng.pick(['iPhone 15', 'iPhone 14 Pro', 'iPhone 13', 'iPhone 16']) : rng.pick(['Pixel 8', 'Galaxy S24', 'Pixel 7a', 'Galaxy A54']), platform: ios ? 'IOS' : 'ANDROID' };
  }

  /** Pay into the person's own bank in their own country, in their own name. */
  ordinaryPayAccount(rng: Rng, p: SimPerson, effective: string): PayAccountRow {
    const country = p.home.country;
    if (country === 'US') {
      const bank = rng.pick(US_BANKS);
      return { effective_date: effective, method: 'direct_deposit', bank_name: bank.name, bank_country: 'US', routing_number: bank.routing ?? null, account_number: rng.digits(rng.int(9, 12)).replace(/^0/, '4'), iban: null, account_holder: p.fullName, wallet_address: null };
    }
    const bank = rng.pick(FOREIGN_BANKS[country] ?? [{ name: 'Local Bank', country }]);
    const ib = ibanFor(country, rng);
    const account = ib ? null : country === 'MX' ? `0${rng.digits(17)}` : country === 'CA' ? rng.digits(7) : rng.digits(14);
    return { effective_date: effective, method: ib ? 'wire' : 'direct_deposit', bank_name: bank.name, bank_country: country, routing_number: null, account_number: account, iban: ib, account_holder: p.fullName, wallet_address: null };
  }

  serial(rng: Rng, platform: Platform, vendor: string): string {
    for (;;) {
      const s =
        platform === 'darwin'
          ? rng.chars(10, 'BCDFGHJKLMNPQRTVWXYZ0123456789')
          : vendor.startsWith('Dell')
            ? rng.chars(7, UPPER)
            : vendor === 'LENOVO'
              ? `PF${rng.chars(6, UPPER)}`
              : `5CG${rng.chars(7, UPPER)}`;
      if (!this.serials.has(s)) {
        this.serials.add(s);
        return s;
      }
    }
  }

  hostname(p: SimPerson, platform: Platform, serial: string): string {
    const base =
      platform === 'darwin'
        ? `${handle(p.first).replace(/^./, (c) => c.toUpperCase())}s-MacBook-Pro`
        : platform === 'linux'
          ? `${handle(p.first)[0]}${handle(p.last)}-ws`
          : `RDGW-${serial.slice(-7)}`;
    let h = base;
    for (let i = 2; this.hostnames.has(h); i++) h = `${base}-${i}`;
    this.hostnames.add(h);
    return h;
  }

  /** A company laptop for a person, enrolled `enrolledAt`, physically at `location`. */
  newDevice(rng: Rng, p: SimPerson, platform: Platform, enrolledAt: number, location: Location, opts: { ship?: Address | null } = {}): SimDevice {
    const hardware = rng.pick(HARDWARE[platform]);
    const serial = this.serial(rng, platform, hardware.vendor);
    const dept = department(p.department);
    const software = [...BASE_SOFTWARE[platform]];
    if (dept.dev) for (const s of DEV_SOFTWARE[platform]) if (rng.chance(0.7)) software.push(s);
    const usb = rng.sample(PERIPHERALS, rng.int(0, 3));
    const gateway = p.gateway;
    let tunnelIp: string | null = null;
    if (p.corpVpn) {
      const n = ++this.tunnel[gateway];
      tunnelIp = `10.${gateway === 'vpn-east' ? 20 : 30}.${(n >> 8) & 255}.${(n & 255) || 1}`;
      if ((n & 255) === 0 || (n & 255) === 255) tunnelIp = `10.${gateway === 'vpn-east' ? 21 : 31}.${(n >> 8) & 255}.${rng.int(1, 254)}`;
    }
    const shipTo = opts.ship === undefined ? p.home : opts.ship;
    const shipment =
      shipTo && enrolledAt >= Date.parse('2024-07-01T00:00:00Z')
        ? { id: '', to: shipTo, shippedAt: enrolledAt - rng.int(2, 5) * DAY_MS - rng.int(0, 8) * 3_600_000, status: 'delivered' as const, assetTag: `RDG-${rng.digits(6)}` }
        : null;
    const d: SimDevice = {
      serial,
      hostname: this.hostname(p, platform, serial),
      platform,
      hardware,
      uuid: rng.uuid().toUpperCase(),
      hostIdentifier: rng.chance(0.8) ? 'hostname' : 'uuid',
      decorated: rng.chance(0.9),
      enrolledAt,
      location,
      vpn: null,
      software,
      installs: [],
      usb,
      usbAdds: [],
      lang: p.lang,
      tunnelIp,
      gateway,
      shipment,
      relayTools: [],
    };
    p.devices.push(d);
    return d;
  }

  /** Devices an ordinary person has: a laptop, sometimes a second machine. */
  equip(rng: Rng, p: SimPerson): void {
    const dept = department(p.department);
    const platform: Platform = dept.dev ? rng.weighted(['darwin', 'windows', 'linux'] as Platform[], (x) => (x === 'darwin' ? 60 : x === 'windows' ? 25 : 15)) : rng.chance(0.62) ? 'windows' : 'darwin';
    const enrolled = this.enrollTime(rng, p);
    this.newDevice(rng, p, platform, enrolled, p.household.location);
    if (rng.chance(dept.dev ? 0.3 : 0.12)) {
      const second: Platform = platform === 'darwin' ? (dept.dev ? 'linux' : 'windows') : 'darwin';
      this.newDevice(rng, p, second, enrolled + rng.int(30, 400) * DAY_MS > Date.parse('2025-05-30') ? enrolled : enrolled + rng.int(30, 400) * DAY_MS, p.household.location, { ship: rng.chance(0.5) ? p.home : null });
    }
  }

  /** New hires get their laptop on their first days; others had a refresh in the last three years. */
  enrollTime(rng: Rng, p: SimPerson): number {
    const hire = Date.parse(`${p.hireDate}T00:00:00Z`);
    const refresh = Date.parse('2022-06-01T00:00:00Z') + rng.int(0, 900) * DAY_MS;
    const day = hire >= Date.parse('2022-06-01T00:00:00Z') ? hire + rng.int(0, 2) * DAY_MS : Math.min(refresh, Date.parse('2025-05-20T00:00:00Z'));
    return localToUtc(p.timezone, new Date(day).toISOString().slice(0, 10), rng.float(9, 16));
  }
}

/** The corporate egress address a person's VPN or office sign-in leaves from, per day. */
export function corporateIp(kind: 'vpn-east' | 'vpn-west' | 'austin' | 'chicago', rng: Rng): string {
  const all = [...CORPORATE_EGRESS.offices, ...CORPORATE_EGRESS.vpn];
  const e = all.find((x) => x.key === kind);
  if (!e) throw new Error(`no corporate egress ${kind}`);
  const [base] = e.cidr.split('/') as [string];
  const parts = base.split('.').map(Number);
  const size = kind.startsWith('vpn') ? 8 : 16;
  parts[3] = (parts[3] ?? 0) + rng.int(1, size - 2);
  return parts.join('.');
}

/** The address a location is seen from on a day. */
export function leaseOn(leases: Array<{ from: string; ip: string }>, day: string): string {
  let ip = leases[0]?.ip ?? '0.0.0.0';
  for (const l of leases) if (l.from <= day) ip = l.ip;
  return ip;
}
