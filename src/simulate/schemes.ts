/**
 * The hidden schemes, each with variants so that no two look alike. Every hidden worker is made
 * with the same building blocks as ordinary staff and differs only in what the scheme needs:
 * where the laptop really is, whose clock they keep, where the pay goes, what got installed.
 */
import { DEPARTMENTS, OrgBuilder, department, ACTIVITY_DAYS } from './builder.js';
import { addressOf, network } from './catalog/networks.js';
import { DISPOSABLE_MAIL, FIRST_NAMES, handle, LAST_NAMES, tronAddress, US_BANKS, usPhone, personalEmail } from './catalog/names.js';
import { findPlace, US_PLACES, WORKER_BASES, type Address, type Place } from './catalog/places.js';
import { KVM_DEVICES, REMOTE_TOOLS, type Platform, type Software } from './catalog/software.js';
import { PERIOD, type PayAccountRow, type SchemeType, type SimPerson, type TruthGroup, type VpnUse, type WorkPattern } from './model.js';
import type { Rng } from './random.js';
import { addDays, DAY_MS, localToUtc } from './time.js';

/** A planned applicant-ring candidate, turned into a candidate row by candidates.ts. */
export interface RingApplicant {
  first: string;
  last: string;
  email: string;
  phone: string;
  place: Place;
  photoKey: string;
  photoVariant: number;
  flags: string[];
  hired: SimPerson | null;
  referredBy: SimPerson | null;
  appliedDay: string;
}

export interface SchemePlan {
  group: TruthGroup;
  /** Candidates to create for the scheme (applicant rings), beyond the hired workers' own. */
  applicants: RingApplicant[];
  /** Hired workers' candidate rows share this resume template id (near-copies) when set. */
  resumeTemplate: string | null;
  flags: Map<SimPerson, string[]>;
}

const ENGINEERING_DEPTS = DEPARTMENTS.filter((d) => d.dev);
const SCHEME_TITLES = ['Senior Software Engineer', 'Full Stack Engineer', 'Backend Engineer', 'Frontend Engineer', 'Data Engineer', 'Mobile Engineer'];

function asiaPattern(rng: Rng, overlap: boolean): WorkPattern {
  // Workers keep the clock of where they sit (UTC+8 or UTC+9); some shift to overlap US hours.
  const tz = rng.chance(0.6) ? 'Asia/Shanghai' : 'Asia/Pyongyang';
  return {
    tz,
    holidays: 'CN',
    start: overlap ? rng.float(21, 23) : rng.float(8.5, 10),
    length: rng.float(8.5, 11),
    weekendRate: rng.float(0.2, 0.45),
    lateRate: rng.float(0.1, 0.25),
  };
}

function recentHireDay(rng: Rng): string {
  // Mondays from February to mid-May 2025.
  const mondays: string[] = [];
  for (let d = '2025-02-03'; d <= '2025-05-12'; d = addDays(d, 7)) mondays.push(d);
  return rng.pick(mondays);
}

/** A stolen or invented US identity: an ordinary name, a new mailbox, a phone that is usually VoIP. */
function forgedIdentity(b: OrgBuilder, rng: Rng, place: Place): { first: string; last: string; email: string; phone: string; disposable: boolean } {
  const first = rng.pick(FIRST_NAMES.slice(0, 72));
  const last = rng.pick(LAST_NAMES.slice(0, 77));
  const disposable = rng.chance(0.35);
  const email = b.unique('mail', () => (disposable ? `${handle(first)}${handle(last)}${rng.int(1, 999)}@${rng.pick(DISPOSABLE_MAIL)}` : `${handle(first)}${handle(last)}${rng.int(1980, 2004)}${rng.pick(['', '.dev', '.work'])}@gmail.com`));
  return { first, last, email, phone: b.unique('phone', () => usPhone(place.region, rng)), disposable };
}

/** The same street written another way: what a farm's shipping labels look like. */
function variantOf(a: Address, rng: Rng, name?: string): Address {
  const street = a.street
    .replace(/ St$/, rng.chance(0.5) ? ' Street' : ' St.')
    .replace(/ Ave$/, rng.chance(0.5) ? ' Avenue' : ' Ave.')
    .replace(/ Dr$/, ' Drive')
    .replace(/ Rd$/, ' Road')
    .replace(/ Ln$/, ' Lane');
  const unit = rng.chance(0.3) ? ` ${rng.pick(['Apt', 'Unit', '#'])} ${rng.int(1, 4)}` : '';
  const attn = name && rng.chance(0.25) ? ` (Attn: ${name})` : '';
  return { ...a, street: `${street}${unit}${attn}` };
}

function payChange(rng: Rng, p: SimPerson, to: PayAccountRow): void {
  const day = addDays(p.hireDate, rng.int(12, 50));
  p.pay.push({ ...to, effective_date: day > PERIOD.end ? p.hireDate : day });
}

/** A fresh account in the worker's own name at an online bank, the first place pay goes. */
function neobankAccount(rng: Rng, p: SimPerson): PayAccountRow {
  const bank = rng.pick(US_BANKS.filter((b) => /Chime|Ally|Navy|USAA/.test(b.name)));
  return { effective_date: p.hireDate, method: 'direct_deposit', bank_name: bank.name, bank_country: 'US', routing_number: bank.routing ?? null, account_number: rng.digits(rng.int(10, 12)).replace(/^0/, '7'), iban: null, account_holder: p.fullName, wallet_address: null };
}

type PayMode = 'facilitator_account' | 'llc_account' | 'payoneer' | 'wise' | 'crypto' | 'china_bank';

function sharedDestination(rng: Rng, mode: PayMode, facilitatorName: string, holderFallback: string): PayAccountRow {
  const base = { effective_date: '', routing_number: null, account_number: null, iban: null, wallet_address: null } as const;
  switch (mode) {
    case 'facilitator_account': {
      const bank = rng.pick(US_BANKS.slice(0, 6));
      return { ...base, method: 'direct_deposit', bank_name: bank.name, bank_country: 'US', routing_number: bank.routing ?? null, account_number: rng.digits(10).replace(/^0/, '3'), account_holder: facilitatorName };
    }
    case 'llc_account': {
      const bank = rng.pick(US_BANKS.slice(0, 6));
      return { ...base, method: 'direct_deposit', bank_name: bank.name, bank_country: 'US', routing_number: bank.routing ?? null, account_number: rng.digits(11).replace(/^0/, '5'), account_holder: `${facilitatorName.split(' ').pop()} ${rng.pick(['Consulting', 'Tech Solutions', 'Digital Services', 'IT Staffing'])} LLC` };
    }
    case 'payoneer':
      // Payoneer's US receiving accounts sit at First Century Bank.
      return { ...base, method: 'payoneer', bank_name: 'Payoneer (First Century Bank)', bank_country: 'US', routing_number: '061120084', account_number: rng.digits(10).replace(/^0/, '4'), account_holder: holderFallback };
    case 'wise':
      return { ...base, method: 'wise', bank_name: 'Wise (Community Federal Savings Bank)', bank_country: 'US', routing_number: '026073150', account_number: `8${rng.digits(15)}`, account_holder: holderFallback };
    case 'crypto':
      return { ...base, method: 'crypto', bank_name: null, bank_country: null, wallet_address: tronAddress(rng), account_holder: null };
    case 'china_bank':
      return { ...base, method: 'wire', bank_name: 'Bank of China', bank_country: 'CN', account_number: `6217${rng.digits(15)}`, account_holder: holderFallback };
  }
}

function installTool(rng: Rng, dev: SimPerson['devices'][number], tool: string, at: number): void {
  const t = REMOTE_TOOLS[tool];
  const sw: Software | undefined = t?.software[dev.platform] ?? t?.software.windows;
  if (!t || !sw) return;
  dev.installs.push({ at, software: sw, tool });
}

export class SchemeMaker {
  private n = 0;

  constructor(
    private readonly b: OrgBuilder,
    private readonly rng: Rng,
  ) {}

  private nextId(): string {
    return `S${++this.n}`;
  }

  /** A hidden worker: claims `claimed` as home, really sits in Asia; laptop and network per scheme. */
  private worker(rng: Rng, schemeId: string, type: SchemeType, claimed: Place, home: Address, overlap: boolean): SimPerson {
    const id = forgedIdentity(this.b, rng, claimed);
    const dept = rng.pick(ENGINEERING_DEPTS);
    const p = this.b.newPerson({ rng, place: claimed, department: dept, kind: rng.chance(0.3) ? 'contractor' : 'employee', hireDate: recentHireDay(rng), first: id.first, last: id.last });
    p.title = rng.pick(SCHEME_TITLES);
    p.personalEmail = id.email;
    p.phone = id.phone;
    p.home = home;
    p.timezone = claimed.tz;
    p.work = asiaPattern(rng, overlap);
    p.pay = [neobankAccount(rng, p)];
    p.scheme = { id: schemeId, type, role: 'worker' };
    // A hidden worker signs in only from the company laptop.
    p.corpVpn = rng.chance(0.25);
    return p;
  }

  /** Laptop farm (RMM tools) or IP-KVM farm; with `facilitatorWorks` the host is on staff too. */
  farm(type: 'laptop_farm' | 'ipkvm_farm' | 'facilitator_employee', size: number): SchemePlan {
    const schemeId = this.nextId();
    const rng = this.rng.fork(schemeId);
    const farmPlace = rng.weighted(US_PLACES, (p) => p.weight);
    const farmHousehold = this.b.newHousehold(rng, farmPlace);
    // A farm's IP is stable: the facilitator's home connection.
    farmHousehold.location.leases = farmHousehold.location.leases.slice(0, 1);
    const kvm = type === 'ipkvm_farm' || (type === 'facilitator_employee' && rng.chance(0.3));
    const tools = kvm ? [] : rng.sample(['anydesk', 'anydesk', 'teamviewer', 'rustdesk', 'chrome_remote_desktop', 'splashtop'], rng.chance(0.4) ? 2 : 1).filter((v, i, a) => a.indexOf(v) === i);
    const kvmModel = rng.pick(Object.keys(KVM_DEVICES));
    const overlap = rng.chance(0.3);
    const payModes: PayMode[] = type === 'facilitator_employee' ? ['facilitator_account'] : rng.sample(['facilitator_account', 'llc_account', 'payoneer', 'wise', 'crypto', 'china_bank'] as PayMode[], rng.int(1, 2));
    const addressMode = rng.pick(['farm_home', 'own_home', 'mixed'] as const);
    const sharedMfa = rng.chance(0.45);
    const foreignIme = rng.chance(0.3);
    const sharedResume = rng.chance(0.5);
    const facilitatorFirst = rng.pick(FIRST_NAMES.slice(0, 72));
    const facilitatorLast = rng.pick(LAST_NAMES.slice(0, 60));
    const facilitatorName = `${facilitatorFirst} ${facilitatorLast}`;

    const people: SimPerson[] = [];
    let facilitator: SimPerson | null = null;
    if (type === 'facilitator_employee') {
      const dept = department(rng.pick(['Customer Support', 'Operations', 'Sales', 'IT']));
      facilitator = this.b.newPerson({ rng, place: farmPlace, department: dept, hireDate: this.b.hireDate(rng, false), first: facilitatorFirst, last: facilitatorLast, household: farmHousehold });
      facilitator.scheme = { id: schemeId, type, role: 'facilitator' };
      facilitator.corpVpn = false;
      this.b.equip(rng, facilitator);
      people.push(facilitator);
    }
    const destinations = payModes.map((m) => sharedDestination(rng, m, facilitatorName, facilitatorName));
    if (facilitator) {
      // The facilitator's own pay account is where the workers' pay ends up.
      const own = facilitator.pay[facilitator.pay.length - 1];
      if (own) destinations[0] = { ...own };
    }
    const farmPhone = facilitator?.mfaDevice ?? this.b.mfaDevice(rng);
    const flags = new Map<SimPerson, string[]>();
    for (let i = 0; i < size; i++) {
      const wr = rng.fork('worker', i);
      const atFarm = addressMode === 'farm_home' || (addressMode === 'mixed' && wr.chance(0.5));
      const claimed = atFarm ? farmPlace : wr.weighted(US_PLACES, (p) => p.weight);
      const home = atFarm ? variantOf(farmHousehold.address, wr) : this.b.uniqueAddress(wr, claimed);
      const w = this.worker(wr, schemeId, type, claimed, home, overlap);
      w.household = farmHousehold;
      w.gateway = farmPlace.lon < -100 ? 'vpn-west' : 'vpn-east';
      if (sharedMfa) w.mfaDevice = farmPhone;
      const platform: Platform = wr.chance(0.7) ? 'windows' : 'darwin';
      const enrolled = localToUtc(farmPlace.tz, addDays(w.hireDate, wr.int(-3, 0)), wr.float(10, 17));
      const dev = this.b.newDevice(wr, w, platform, enrolled, farmHousehold.location, { ship: variantOf(farmHousehold.address, wr, w.fullName) });
      if (foreignIme) dev.lang = wr.chance(0.7) ? 'ko-KR' : 'zh-CN';
      if (kvm) {
        dev.usbAdds.push({ at: enrolled + wr.int(1, 5) * DAY_MS + wr.int(0, 20) * 3_600_000, device: KVM_DEVICES[kvmModel] ?? KVM_DEVICES.pikvm! });
      } else {
        let at = enrolled + wr.int(1, 9) * DAY_MS + wr.int(0, 20) * 3_600_000;
        for (const t of tools) {
          installTool(wr, dev, t, at);
          at += wr.int(1, 30) * DAY_MS;
        }
        dev.relayTools = tools;
      }
      const dest = destinations[i % destinations.length];
      if (dest) payChange(wr, w, { ...dest, account_holder: dest.method === 'payoneer' || dest.method === 'wise' ? w.fullName : dest.account_holder });
      if (wr.chance(0.5)) flags.set(w, wr.sample(['camera_refused', 'answers_read', 'voice_mismatch', 'refused_in_person'], wr.int(1, 2)));
      people.push(w);
    }
    return {
      group: {
        id: schemeId,
        type,
        variant: { farm_city: `${farmPlace.city}, ${farmPlace.region}`, tools: kvm ? `ip-kvm:${kvmModel}` : tools.join('+'), hours: overlap ? 'us_overlap' : 'asia_daytime', pay: payModes.join('+'), addresses: addressMode, shared_mfa: sharedMfa, foreign_ime: foreignIme, corporate_vpn_mixed: true },
        people,
        candidates: [],
        notes: `${size} worker laptops kept at ${farmHousehold.address.street}, ${farmPlace.city}${facilitator ? `, the home of employee ${facilitator.fullName}` : ` by ${facilitatorName}`}`,
      },
      applicants: [],
      resumeTemplate: sharedResume ? `${schemeId}-resume` : null,
      flags,
    };
  }

  /** One worker behind a consumer VPN (or a VPS) with a forged identity. */
  vpnSolo(type: SchemeType = 'vpn_solo'): SchemePlan {
    const schemeId = this.nextId();
    const rng = this.rng.fork(schemeId);
    return this.soloPlan(rng, schemeId, type);
  }

  private soloPlan(rng: Rng, schemeId: string, type: SchemeType): SchemePlan {
    const claimed = rng.weighted(US_PLACES, (p) => p.weight);
    const reshipper = rng.chance(0.4);
    const home = this.b.uniqueAddress(rng, claimed);
    const w = this.worker(rng, schemeId, type, claimed, home, rng.chance(0.3));
    const base = rng.pick(WORKER_BASES);
    const provider = rng.weighted(['astrill', 'nordvpn', 'mullvad', 'pia', 'digitalocean', 'vultr'], (k) => (k === 'astrill' ? 6 : 1));
    const net = network(provider);
    const server = findPlace(rng.pick(['Los Angeles', 'Seattle', 'New York', 'Dallas', 'Chicago', 'San Jose']));
    const vpn: VpnUse = { net, place: server, ips: [addressOf(net, rng), addressOf(net, rng), addressOf(net, rng)], share: 1 };
    w.household = this.b.newHousehold(rng, base);
    w.vpn = vpn;
    w.leak = { location: w.household.location, rate: rng.float(0.01, 0.05) };
    w.corpVpn = false;
    const shipTo: Address = reshipper
      ? { street: `${rng.int(100, 9999)} ${rng.pick(['NE Columbia Blvd', 'Airport Way', 'SE Johnson Creek Blvd'])} Suite ${rng.int(100, 999)}-${rng.digits(5)}`, city: 'Portland', region: 'OR', postal_code: String(rng.int(97211, 97230)), country: 'US' }
      : home;
    const platform: Platform = rng.chance(0.65) ? 'windows' : 'darwin';
    const enrolled = localToUtc(base.tz, addDays(w.hireDate, rng.int(2, 9)), rng.float(9, 20));
    const dev = this.b.newDevice(rng, w, platform, enrolled, w.household.location, { ship: shipTo });
    dev.vpn = { ...vpn, share: rng.chance(0.5) ? 1 : 0.6 };
    if (rng.chance(0.4)) dev.lang = rng.chance(0.7) ? 'ko-KR' : 'zh-CN';
    if (rng.chance(0.5)) dev.installs.push({ at: enrolled + rng.int(0, 2) * DAY_MS, software: platform === 'windows' ? { name: 'Astrill VPN', version: '3.10.0.2810', vendor: 'Astrill Systems Corp.' } : { name: 'Astrill.app', version: '3.10', vendor: 'com.astrill.AstrillVPN' } });
    if (rng.chance(0.3)) {
      installTool(rng, dev, rng.pick(['anydesk', 'rustdesk']), enrolled + rng.int(2, 12) * DAY_MS);
    }
    const mode: PayMode = rng.pick(['payoneer', 'wise', 'crypto', 'china_bank', 'payoneer']);
    payChange(rng, w, sharedDestination(rng, mode, w.fullName, w.fullName));
    const flags = new Map<SimPerson, string[]>();
    if (rng.chance(0.6)) flags.set(w, rng.sample(['camera_refused', 'face_mismatch', 'voice_mismatch', 'answers_read', 'id_document_inconsistent'], rng.int(1, 2)));
    return {
      group: { id: schemeId, type, variant: { vpn: net.name, vpn_asn: net.asn, reshipper, real_base: base.city, hours: w.work.start > 20 ? 'us_overlap' : 'asia_daytime', pay: mode }, people: [w], candidates: [], notes: `works from ${base.city} behind ${net.name}, claims ${claimed.city}, ${claimed.region}` },
      applicants: [],
      resumeTemplate: null,
      flags,
    };
  }

  /** Candidates sharing phones, mail boxes, photos and resume text, referring each other. */
  applicantRing(size: number): SchemePlan {
    const schemeId = this.nextId();
    const rng = this.rng.fork(schemeId);
    const withHire = rng.chance(0.6);
    let hired: SimPerson | null = null;
    let flagsMap = new Map<SimPerson, string[]>();
    const people: SimPerson[] = [];
    if (withHire) {
      const plan = this.soloPlan(rng.fork('hired'), schemeId, 'applicant_ring');
      hired = plan.group.people[0] ?? null;
      flagsMap = plan.flags;
      if (hired) people.push(hired);
    }
    const phones = Array.from({ length: rng.int(1, 2) }, () => this.b.unique('phone', () => usPhone(rng.pick(US_PLACES).region, rng)));
    const baseFirst = rng.pick(FIRST_NAMES.slice(0, 72));
    const baseLast = rng.pick(LAST_NAMES.slice(0, 77));
    const mailbox = `${handle(baseFirst)}${handle(baseLast)}${rng.int(10, 99)}`;
    const photoKey = `${schemeId}-photo`;
    const appliedFrom = rng.pick(ACTIVITY_DAYS.slice(0, 14)) < '2025-06-10' ? addDays(PERIOD.activityStart, -rng.int(10, 80)) : PERIOD.activityStart;
    const applicants: RingApplicant[] = [];
    for (let i = 0; i < size; i++) {
      const ar = rng.fork('applicant', i);
      const place = ar.weighted(US_PLACES, (p) => p.weight);
      const first = ar.pick(FIRST_NAMES.slice(0, 72));
      const last = ar.pick(LAST_NAMES.slice(0, 77));
      // Gmail ignores dots and +tags: one mailbox behind several addresses.
      const emailKind = ar.int(0, 2);
      const email =
        emailKind === 0
          ? `${mailbox.slice(0, 3)}.${mailbox.slice(3)}@gmail.com`
          : emailKind === 1
            ? `${mailbox}+${ar.pick(['jobs', 'apply', 'dev', 'work'])}${i}@gmail.com`
            : this.b.unique('mail', () => (ar.chance(0.5) ? `${handle(first)}${handle(last)}${ar.int(1, 999)}@${ar.pick(DISPOSABLE_MAIL)}` : personalEmail(first, last, ar, 'outlook.com')));
      applicants.push({
        first,
        last,
        email,
        phone: ar.chance(0.75) ? ar.pick(phones) : this.b.unique('phone', () => usPhone(place.region, ar)),
        place,
        photoKey: ar.chance(0.7) ? photoKey : `${schemeId}-own-${i}`,
        photoVariant: ar.chance(0.4) ? i + 1 : 0,
        flags: ar.chance(0.6) ? ar.sample(['camera_refused', 'face_mismatch', 'voice_mismatch', 'answers_read', 'refused_in_person', 'id_document_inconsistent'], ar.int(1, 3)) : [],
        hired: null,
        referredBy: hired,
        appliedDay: addDays(appliedFrom, ar.int(0, 20)),
      });
    }
    return {
      group: { id: schemeId, type: 'applicant_ring', variant: { size, hired_member: withHire, shared_phones: phones.length, mailbox: 'gmail-dots-and-tags' }, people, candidates: [], notes: `${size} applicants with one resume template${withHire ? ', referred by a hired member' : ''}` },
      applicants,
      resumeTemplate: `${schemeId}-resume`,
      flags: flagsMap,
    };
  }
}

export function schemeSizes(rng: Rng, type: SchemeType): number {
  switch (type) {
    case 'laptop_farm':
      return rng.int(3, 7);
    case 'ipkvm_farm':
      return rng.int(2, 4);
    case 'facilitator_employee':
      return rng.int(2, 4);
    case 'applicant_ring':
      return rng.int(3, 6);
    case 'vpn_solo':
      return 1;
  }
}

