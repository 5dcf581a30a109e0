/**
 * Benign look-alikes: ordinary staff whose data resembles a scheme in one respect. They are what
 * keeps a detector honest: travellers, VPN users, the help desk's remote-access tools, people
 * sharing a home, agency contractors, night shifts, people who live abroad and say so, home-lab
 * engineers with an IP-KVM, people who type in a second language.
 */
import { ACTIVITY_DAYS, type OrgBuilder } from './builder.js';
import { addressOf, network } from './catalog/networks.js';
import { AGENCIES, US_BANKS } from './catalog/names.js';
import { findPlace, TRIP_ABROAD, US_PLACES } from './catalog/places.js';
import { KVM_DEVICES, REMOTE_TOOLS } from './catalog/software.js';
import type { LookalikeType, SimPerson, TruthGroup } from './model.js';
import type { Rng } from './random.js';
import { addDays, DAY_MS } from './time.js';

export class LookalikeMaker {
  readonly groups: TruthGroup[] = [];
  private n = 0;

  constructor(
    private readonly b: OrgBuilder,
    private readonly rng: Rng,
  ) {}

  private add(type: LookalikeType, people: SimPerson[], variant: TruthGroup['variant'], notes: string): void {
    for (const p of people) if (!p.lookalikes.includes(type)) p.lookalikes.push(type);
    this.groups.push({ id: `B${++this.n}`, type, variant, people, candidates: [], notes });
  }

  /** At least `min` (when there are candidates), else about `rate` of them. */
  private choose(pool: SimPerson[], rate: number, min: number, rng: Rng): SimPerson[] {
    const n = Math.max(Math.min(min, pool.length), Math.round(pool.length * rate));
    return rng.sample(pool, n);
  }

  /** Before devices exist: things that change where and when people work. */
  shapeWork(people: SimPerson[]): void {
    const rng = this.rng.fork('work');
    const us = people.filter((p) => p.home.country === 'US' && !p.scheme);
    const active = us.filter((p) => p.hireDate < '2025-05-26' && !p.endDate);

    // Couples and room-mates: one home, one connection, sometimes one bank account.
    const free = rng.shuffle(active.filter((p) => p.lookalikes.length === 0));
    const pairs = Math.max(1, Math.round(active.length * 0.006));
    for (let i = 0; i < pairs && free.length >= 2; i++) {
      const a = free.pop() as SimPerson;
      const bp = free.pop() as SimPerson;
      const couple = rng.chance(0.65);
      if (couple && rng.chance(0.5)) {
        bp.last = a.last;
        bp.fullName = `${bp.first} ${bp.last}`;
      }
      bp.household = a.household;
      bp.home = a.home;
      bp.timezone = a.timezone;
      bp.work.tz = a.work.tz;
      bp.gateway = a.gateway;
      bp.office = null;
      const joint = couple && rng.chance(0.45);
      if (joint) {
        const acct = a.pay[a.pay.length - 1];
        if (acct) {
          const holder = `${a.fullName} and ${bp.fullName}`;
          acct.account_holder = holder;
          bp.pay = [{ ...acct, effective_date: bp.hireDate > acct.effective_date ? bp.hireDate : acct.effective_date }];
        }
      }
      this.add('shared_household', [a, bp], { relation: couple ? 'couple' : 'room-mates', joint_account: joint }, `share ${a.home.street}, ${a.home.city}`);
    }

    // Travellers: a few days elsewhere, working by the local clock.
    for (const p of this.choose(active.filter((x) => x.lookalikes.length === 0), 0.08, 2, rng)) {
      const tr = rng.fork('trip', p.seedKey);
      const abroad = tr.chance(0.4);
      const place = abroad ? tr.pick(TRIP_ABROAD) : tr.weighted(US_PLACES.filter((x) => x.city !== p.home.city), (x) => x.weight);
      const from = tr.pick(ACTIVITY_DAYS.slice(0, ACTIVITY_DAYS.length - 6));
      const to = addDays(from, tr.int(2, 5));
      p.trips.push({ from, to, location: this.b.location(tr, place), tz: place.tz });
      this.add('traveller', [p], { destination: `${place.city}, ${place.country}`, from, to }, abroad ? 'trip abroad' : 'domestic trip');
    }

    // Night shift in support: US staff whose day starts at ten at night.
    const support = active.filter((p) => p.department === 'Customer Support' && p.lookalikes.length === 0);
    const night = this.choose(support, 0.3, 2, rng);
    for (const p of night) {
      p.work.start = rng.float(21.5, 23);
      p.work.length = rng.float(8, 9);
      p.office = null;
    }
    if (night.length) this.add('night_shift', night, { start: '22:00 local' }, 'overnight support shift');

    // Privacy VPN on personal choice, US servers.
    const vpnUsers = this.choose(active.filter((p) => p.lookalikes.length === 0 && !p.corpVpn), 0.03, 2, rng);
    for (const p of vpnUsers) {
      const vr = rng.fork('vpn', p.seedKey);
      const net = network(vr.pick(['nordvpn', 'nordvpn', 'pia', 'mullvad']));
      const server = findPlace(vr.pick(['New York', 'Chicago', 'Dallas', 'Los Angeles', 'Atlanta']));
      p.vpn = { net, place: server, ips: [addressOf(net, vr), addressOf(net, vr)], share: vr.float(0.5, 0.9) };
      this.add('privacy_vpn', [p], { vpn: net.name }, 'personal VPN for privacy');
    }

    // Staffing-agency contractors: paid through the agency's one account.
    const pool = rng.shuffle(active.filter((p) => p.lookalikes.length === 0 && p.kind === 'employee' && p.department !== 'People'));
    const agencyCount = Math.max(1, Math.min(AGENCIES.length, Math.round(active.length / 400)));
    for (let a = 0; a < agencyCount; a++) {
      const agency = AGENCIES[a] as string;
      const members = pool.splice(0, Math.max(3, Math.round(active.length * 0.06 / agencyCount)));
      if (members.length < 2) break;
      const ar = rng.fork('agency', a);
      const bank = ar.pick(US_BANKS.slice(0, 5));
      const acct = { method: 'wire' as const, bank_name: bank.name, bank_country: 'US', routing_number: bank.routing ?? null, account_number: ar.digits(10).replace(/^0/, '2'), iban: null, account_holder: `${agency}, Inc.`, wallet_address: null };
      for (const m of members) {
        m.kind = 'contractor';
        m.agency = agency;
        m.pay = [{ ...acct, effective_date: m.hireDate }];
      }
      this.add('agency_contractors', members, { agency }, `${members.length} contractors paid through ${agency}`);
    }

    // The corporate VPN: many people, one egress.
    const onVpn = people.filter((p) => p.corpVpn && !p.scheme);
    if (onVpn.length) this.add('corporate_vpn', onVpn, { egress: 'always-on VPN gateways' }, 'sign in through the company VPN');

    const abroad = people.filter((p) => p.home.country !== 'US' && !p.scheme);
    if (abroad.length) this.add('lives_abroad', abroad, { countries: [...new Set(abroad.map((p) => p.home.country))].sort().join(',') }, 'live abroad, as their HR record says');
  }

  /** After devices exist: what is installed or plugged in. */
  shapeDevices(people: SimPerson[]): void {
    const rng = this.rng.fork('devices');
    const ordinary = people.filter((p) => !p.scheme && p.devices.length > 0);

    // Help desk: the approved tool, and often TeamViewer for vendors' support sessions (also approved).
    const it = ordinary.filter((p) => p.department === 'IT' && /Support|Systems/.test(p.title));
    const desk = it.length ? it : ordinary.filter((p) => p.department === 'IT').slice(0, 2);
    for (const p of desk) {
      const dev = p.devices[0];
      if (!dev) continue;
      const hr = rng.fork('helpdesk', p.seedKey);
      const at = Math.max(dev.enrolledAt + DAY_MS, Date.parse('2025-01-02T15:00:00Z'));
      const sc = REMOTE_TOOLS.screenconnect?.software[dev.platform] ?? REMOTE_TOOLS.screenconnect?.software.windows;
      if (sc) dev.installs.push({ at, software: sc, tool: 'screenconnect' });
      if (hr.chance(0.4)) {
        const extra = 'teamviewer';
        const sw = REMOTE_TOOLS[extra]?.software[dev.platform];
        if (sw) dev.installs.push({ at: at + hr.int(5, 60) * DAY_MS, software: sw, tool: extra });
      }
    }
    if (desk.length) this.add('helpdesk_rmm', desk, { approved: 'ConnectWise ScreenConnect' }, 'help desk with the approved remote-access tool');

    // Home-lab engineers: an IP-KVM on the laptop now and then.
    const eng = ordinary.filter((p) => (p.department === 'Engineering' || p.department === 'IT') && p.home.country === 'US');
    for (const p of this.choose(eng, 0.004, 1, rng)) {
      const dev = p.devices[0];
      if (!dev) continue;
      const kr = rng.fork('homelab', p.seedKey);
      const model = kr.pick(['pikvm', 'tinypilot', 'jetkvm', 'glkvm']);
      const kvm = KVM_DEVICES[model];
      if (kvm) dev.usbAdds.push({ at: Date.parse(`${kr.pick(ACTIVITY_DAYS)}T${String(kr.int(0, 3)).padStart(2, '0')}:30:00Z`), device: kvm });
      this.add('homelab_kvm', [p], { kvm: model }, 'home-lab IP-KVM plugged into the work laptop');
    }

    // A second language on the keyboard, said nowhere and meaning nothing.
    const typists = this.choose(ordinary.filter((p) => p.lookalikes.length === 0), 0.01, 1, rng);
    for (const p of typists) {
      const dev = p.devices[0];
      if (dev) dev.lang = rng.pick(['ko-KR', 'zh-CN', 'ja-JP'] as const);
    }
    if (typists.length) this.add('bilingual_keyboard', typists, {}, 'a second input language on the laptop');
  }
}

