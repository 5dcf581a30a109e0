/**
 * Assembles the organisation: ordinary staff, benign look-alikes, hidden schemes and the
 * applicant pool, then gives everyone their HR and candidate ids in hiring order (so ids say
 * nothing about who is hidden).
 */
import { DEPARTMENTS, OrgBuilder } from './builder.js';
import { FIRST_NAMES, LAST_NAMES, personalEmail, usPhone } from './catalog/names.js';
import { US_PLACES } from './catalog/places.js';
import { LookalikeMaker } from './lookalikes.js';
import { PERIOD, type SchemeType, type SimCandidate, type SimOrg, type SimPerson, type TruthGroup } from './model.js';
import { ownResume, templateResume, type ResumeSubject } from './resume.js';
import { SchemeMaker, schemeSizes, type SchemePlan } from './schemes.js';
import { addDays, localToUtc } from './time.js';

export interface OrgOptions {
  people: number;
  seed: string;
  /** Share of the workforce that are hidden workers or facilitators (0..0.5). */
  schemeRate: number;
}

export const DEFAULT_SCHEME_RATE = 0.01;

function track(p: { department: string; title: string }): ResumeSubject['track'] {
  return p.department === 'Data' ? 'data' : p.department === 'Engineering' || /Engineer/.test(p.title) ? 'eng' : 'biz';
}

export function buildOrg(opts: OrgOptions): SimOrg {
  if (!Number.isInteger(opts.people) || opts.people < 10) throw new Error('--people must be an integer of at least 10');
  if (!(opts.schemeRate >= 0 && opts.schemeRate <= 0.5)) throw new Error('--scheme-rate must be between 0 and 0.5');
  const b = new OrgBuilder(opts.seed);
  const root = b.rng('org');
  const hiddenTarget = Math.round(opts.people * opts.schemeRate);

  // 1. Hidden schemes first (their size is fixed by the rate), in a rotating mix of types.
  const maker = new SchemeMaker(b, root.fork('schemes'));
  const plans: SchemePlan[] = [];
  const mix = root.fork('mix');
  const order: SchemeType[] = ['laptop_farm', 'vpn_solo', 'applicant_ring', 'ipkvm_farm', 'facilitator_employee', 'vpn_solo', 'laptop_farm', 'applicant_ring'];
  let hidden = 0;
  for (let i = 0; hidden < hiddenTarget; i++) {
    const type = order[i % order.length] as SchemeType;
    const left = hiddenTarget - hidden;
    const size = Math.min(schemeSizes(mix, type), type === 'applicant_ring' ? 9 : Math.max(left - (type === 'facilitator_employee' ? 1 : 0), 1));
    if (type === 'facilitator_employee' && left < 3) continue;
    if ((type === 'laptop_farm' || type === 'ipkvm_farm') && left < 2) {
      plans.push(maker.vpnSolo());
      hidden += 1;
      continue;
    }
    const plan = type === 'vpn_solo' ? maker.vpnSolo() : type === 'applicant_ring' ? maker.applicantRing(size) : maker.farm(type, size);
    plans.push(plan);
    hidden += plan.group.people.length;
    if (i > 10_000) break;
  }

  // 2. Ordinary staff.
  const regular: SimPerson[] = [];
  const staffCount = Math.max(0, opts.people - b.people.length);
  for (let i = 0; i < staffCount; i++) {
    const r = b.rng('person', i);
    const abroad = r.chance(0.07);
    const place = b.pickPlace(r, abroad);
    const dept = r.weighted(DEPARTMENTS, (d) => d.weight);
    const recent = r.chance(0.1);
    const p = b.newPerson({ rng: r, place, department: dept, kind: abroad && r.chance(0.5) ? 'contractor' : r.chance(0.04) ? 'contractor' : 'employee', hireDate: b.hireDate(r, recent) });
    if (!recent && r.chance(0.03)) p.endDate = addDays('2025-01-10', r.int(0, 130));
    if (abroad && p.kind === 'contractor' && r.chance(0.35)) {
      // Foreign contractors are often paid through a money-service platform, in their own name.
      p.pay = [{ effective_date: p.hireDate, method: 'wise', bank_name: 'Wise', bank_country: 'BE', routing_number: null, account_number: null, iban: `BE${String(r.int(10, 97))}9${r.digits(11)}`, account_holder: p.fullName, wallet_address: null }];
    }
    regular.push(p);
  }

  // 3. Look-alikes that shape work, then devices, then look-alikes on devices.
  const looks = new LookalikeMaker(b, root.fork('lookalikes'));
  looks.shapeWork(regular);
  for (const p of regular) {
    b.equip(b.rng('equip', p.seedKey), p);
    if (p.vpn) for (const d of p.devices) d.vpn = p.vpn;
    if (p.endDate) for (const d of p.devices) if (d.shipment) d.shipment.status = 'returned';
  }
  looks.shapeDevices(regular);

  // 4. HR ids in hiring order.
  const people = b.people.slice().sort((x, y) => (x.hireDate === y.hireDate ? Number(x.seedKey.slice(1)) - Number(y.seedKey.slice(1)) : x.hireDate < y.hireDate ? -1 : 1));
  people.forEach((p, i) => (p.id = `E${100001 + i}`));
  assignManagers(people, root.fork('managers'));

  // 5. Candidates: recent hires' applications, other applicants, and the rings.
  const candidates = buildCandidates(b, people, plans, opts.seed);

  const schemes: TruthGroup[] = plans.map((p) => p.group);
  for (const c of candidates) {
    if (!c.scheme) continue;
    const g = schemes.find((s) => s.id === c.scheme);
    if (g) g.candidates.push(c);
  }
  return { seed: opts.seed, schemeRate: opts.schemeRate, people, candidates, schemes, lookalikes: looks.groups };
}

function assignManagers(people: SimPerson[], rng: ReturnType<OrgBuilder['rng']>): void {
  for (const dept of DEPARTMENTS) {
    const members = people.filter((p) => p.department === dept.name);
    if (members.length < 2) continue;
    const head = members[0] as SimPerson;
    const managers = members.filter((p) => p !== head && /Manager|Lead|Controller|Counsel/.test(p.title) && !p.scheme);
    const pool = managers.length ? managers : [head];
    const isManager = new Set(managers);
    for (const p of members) {
      if (p === head) continue;
      p.manager = isManager.has(p) ? head : rng.pick(pool);
    }
  }
}

function buildCandidates(b: OrgBuilder, people: SimPerson[], plans: SchemePlan[], seed: string): SimCandidate[] {
  const out: SimCandidate[] = [];
  const planOf = new Map<SimPerson, SchemePlan>();
  for (const plan of plans) for (const p of plan.group.people) planOf.set(p, plan);
  const referrers = people.filter((p) => !p.scheme && p.hireDate < '2024-06-01');

  // Every 2025 hire applied first.
  for (const p of people.filter((x) => x.hireDate >= PERIOD.start)) {
    const r = b.rng('application', p.seedKey);
    const plan = planOf.get(p);
    if (!p.personalEmail) p.personalEmail = b.unique('mail', () => personalEmail(p.first, p.last, r));
    const subject: ResumeSubject = { fullName: p.fullName, email: p.personalEmail, phone: p.phone, city: p.home.city, region: p.home.region, title: p.title, track: track(p) };
    const memberIndex = plan ? plan.group.people.indexOf(p) : 0;
    const resumeText = plan?.resumeTemplate ? templateResume(seed, plan.resumeTemplate, memberIndex, subject) : ownResume(r, subject);
    const flags = plan?.flags.get(p) ?? (r.chance(0.02) ? ['camera_refused'] : []);
    out.push({
      id: '',
      fullName: p.fullName,
      email: subject.email,
      phone: p.phone,
      location: { city: p.home.city, region: p.home.region, country: p.home.country },
      appliedAt: localToUtc(p.timezone, addDays(p.hireDate, -r.int(21, 70)), r.float(8, 22)),
      position: p.title,
      resumeText,
      resumeFormat: r.weighted(['txt', 'pdf', 'inline'] as const, (f) => (f === 'txt' ? 5 : f === 'pdf' ? 3 : 2)),
      photo: r.chance(0.6) ? { key: `person-${p.seedKey}`, variant: 0 } : null,
      profileUrls: profileUrls(r, p.first, p.last, track(p) !== 'biz'),
      referredBy: !p.scheme && r.chance(0.15) && referrers.length ? r.pick(referrers) : null,
      hired: p,
      flags,
      scheme: p.scheme?.id ?? null,
    });
  }

  // Applicants who were not hired.
  const hires = out.length;
  const others = Math.max(5, Math.round(hires * 1.2));
  for (let i = 0; i < others; i++) {
    const r = b.rng('applicant', i);
    const place = r.chance(0.92) ? r.weighted(US_PLACES, (x) => x.weight) : b.pickPlace(r, true);
    const first = r.pick(FIRST_NAMES);
    const last = r.pick(LAST_NAMES);
    const dept = r.weighted(DEPARTMENTS, (d) => d.weight);
    const title = r.pick(dept.titles);
    const email = b.unique('mail', () => personalEmail(first, last, r));
    const phone = place.country === 'US' ? b.unique('phone', () => usPhone(place.region, r)) : null;
    const subject: ResumeSubject = { fullName: `${first} ${last}`, email, phone, city: place.city, region: place.region, title, track: track({ department: dept.name, title }) };
    out.push({
      id: '',
      fullName: subject.fullName,
      email,
      phone,
      location: { city: place.city, region: place.region, country: place.country },
      appliedAt: Date.parse(`${addDays(PERIOD.start, r.int(0, 175))}T00:00:00Z`) + r.int(7, 23) * 3_600_000 + r.int(0, 3599) * 1000,
      position: title,
      resumeText: ownResume(r, subject),
      resumeFormat: r.weighted(['txt', 'pdf', 'inline'] as const, (f) => (f === 'txt' ? 5 : f === 'pdf' ? 3 : 2)),
      photo: r.chance(0.5) ? { key: `applicant-${i}`, variant: 0 } : null,
      profileUrls: profileUrls(r, first, last, subject.track !== 'biz'),
      referredBy: r.chance(0.08) && referrers.length ? r.pick(referrers) : null,
      hired: null,
      flags: r.chance(0.02) ? [r.pick(['camera_refused', 'answers_read'])] : [],
      scheme: null,
    });
  }

  // Applicant rings.
  for (const plan of plans) {
    plan.applicants.forEach((a, i) => {
      const r = b.rng('ring', plan.group.id, i);
      const subject: ResumeSubject = { fullName: `${a.first} ${a.last}`, email: a.email, phone: a.phone, city: a.place.city, region: a.place.region, title: 'Senior Software Engineer', track: 'eng' };
      out.push({
        id: '',
        fullName: subject.fullName,
        email: a.email,
        phone: a.phone,
        location: { city: a.place.city, region: a.place.region, country: a.place.country },
        appliedAt: Date.parse(`${a.appliedDay}T00:00:00Z`) + r.int(0, 23) * 3_600_000 + r.int(0, 3599) * 1000,
        position: 'Senior Software Engineer',
        resumeText: templateResume(seed, plan.resumeTemplate ?? plan.group.id, i + 1, subject),
        resumeFormat: r.pick(['txt', 'pdf', 'inline'] as const),
        photo: { key: a.photoKey, variant: a.photoVariant },
        profileUrls: r.chance(0.6) ? [`https://github.com/${a.first.toLowerCase()}${a.last.toLowerCase()}${r.int(1, 99)}`] : [],
        referredBy: a.referredBy,
        hired: null,
        flags: a.flags,
        scheme: plan.group.id,
      });
    });
  }

  out.sort((x, y) => x.appliedAt - y.appliedAt);
  out.forEach((c, i) => (c.id = `C${200001 + i}`));
  return out;
}

function profileUrls(r: ReturnType<OrgBuilder['rng']>, first: string, last: string, dev: boolean): string[] {
  const slug = `${first}-${last}`.toLowerCase().normalize('NFD').replace(/[^a-z-]/g, '');
  const urls: string[] = [];
  if (r.chance(0.7)) urls.push(`https://www.linkedin.com/in/${slug}-${r.hex(6)}`);
  if (dev && r.chance(0.5)) urls.push(`https://github.com/${slug.replace(/-/g, '')}${r.chance(0.3) ? r.int(1, 99) : ''}`);
  return urls;
}

