import { endpointRowsByDevice, signInIpsByPerson } from '../../../store/repositories/detect.js';
import { isAnonymizing } from '../../data.js';
import { DAY_MS, timeRange, who } from '../../define.js';
import { addTo } from '../../helpers/people.js';
import { isNonPublic } from '../../helpers/signins.js';
import type { FindingDraft, Rule } from '../../rule.js';
import { SRC } from '../../sources.js';

export const rule: Rule = {
  meta: {
    id: 'network.egress.signin_mismatch',
    title: 'The laptop is never where its user signs in',
    description: 'The public address the company laptop itself is seen from (osquery egress check) never matches where its user signs in: none of the user\'s sign-ins share an address or a country with the laptop, or they all come through VPN/hosting networks.',
    rationale: 'In a laptop farm the laptop sits in the facilitator\'s house while the worker signs in to company services from elsewhere; the laptop\'s own location and the sign-ins then tell two different stories.',
    sources: [SRC.doj2025, SRC.mandiant, SRC.okta],
    severity: 'high',
    data_needed: ['osquery:egress_ip (unmask_egress_ip query)', 'okta | entra | google sign-ins', 'devices.csv person_id', 'IP enrichment'],
    false_positives: ['People who sign in mostly from their phone on a mobile network while the laptop stays home (same country, so they do not fire)', 'Travellers who leave the laptop at home for a trip longer than the window'],
    params: {
      window_days: { default: 30, description: 'Look-back window for both egress observations and sign-ins.' },
      min_signins: { default: 5, description: 'Fewest sign-ins of the user needed to judge.' },
    },
  },
  async run(ctx) {
    const since = new Date(ctx.now.getTime() - ctx.params.window_days * DAY_MS).toISOString();
    const egress = new Map<string, { personId: string; serial: string; ips: Map<string, { first: string; last: string; rows: number }> }>();
    for await (const g of endpointRowsByDevice(ctx.store, ['egress_ip'])) {
      const { device, personId } = ctx.data.deviceOwner(g.serial, g.host);
      if (!personId) continue;
      const serial = device?.serial ?? g.serial ?? `host:${g.host}`;
      for (const r of g.rows) {
        const ip = r.columns.address?.trim();
        if (!ip || r.observed_at < since || isNonPublic(ip)) continue;
        let e = egress.get(serial);
        if (!e) egress.set(serial, (e = { personId, serial, ips: new Map() }));
        const x = e.ips.get(ip) ?? { first: r.observed_at, last: r.observed_at, rows: 0 };
        x.rows++;
        if (r.observed_at > x.last) x.last = r.observed_at;
        if (r.observed_at < x.first) x.first = r.observed_at;
        e.ips.set(ip, x);
      }
    }
    if (!egress.size) return [];
    const owners = new Set([...egress.values()].map((e) => e.personId));
    const signins = new Map<string, Set<string>>();
    const counts = new Map<string, Array<{ ip: string; n: number; first: string; last: string }>>();
    for (const r of await signInIpsByPerson(ctx.store)) {
      const pid = ctx.data.personKey(r.person_id) ?? r.person_id;
      if (!owners.has(pid) || r.last < since) continue;
      addTo(signins, pid, r.ip);
      (counts.get(pid) ?? counts.set(pid, []).get(pid)!).push({ ip: r.ip, n: r.n, first: r.first, last: r.last });
    }
    const out: FindingDraft[] = [];
    for (const e of egress.values()) {
      const used = (counts.get(e.personId) ?? []).filter((u) => !ctx.data.ip(u.ip)?.corporate);
      const total = used.reduce((s, u) => s + u.n, 0);
      if (total < ctx.params.min_signins) continue;
      const egressIps = [...e.ips.keys()];
      if (egressIps.some((ip) => signins.get(e.personId)?.has(ip))) continue;
      const egressCountries = new Set(egressIps.map((ip) => ctx.data.ip(ip)?.country).filter((c): c is string => !!c));
      const located = used.filter((u) => !isAnonymizing(ctx.data.ip(u.ip)));
      const signinCountries = new Set(located.map((u) => ctx.data.ip(u.ip)?.country).filter((c): c is string => !!c));
      const allHidden = located.length === 0;
      const countryClash = signinCountries.size > 0 && egressCountries.size > 0 && ![...signinCountries].some((c) => egressCountries.has(c));
      if (!allHidden && !countryClash) continue;
      out.push({
        subject_type: 'person',
        subject_id: e.personId,
        also_subjects: [e.serial],
        summary: allHidden
          ? `Laptop ${e.serial} is online from ${[...egressCountries].join(', ') || egressIps[0]} while ${who(ctx.data, e.personId)} signs in only through VPN/hosting networks`
          : `Laptop ${e.serial} is online from ${[...egressCountries].join(', ')} while its user signs in from ${[...signinCountries].join(', ')}`,
        discriminator: e.serial,
        evidence: {
          device: e.serial,
          laptop_egress: egressIps.map((ip) => ({ ip, ...e.ips.get(ip), country: ctx.data.ip(ip)?.country ?? null, class: ctx.data.ip(ip)?.class ?? null, as_org: ctx.data.ip(ip)?.as_org ?? null })),
          signin_addresses: used.slice(0, 20).map((u) => ({ ...u, country: ctx.data.ip(u.ip)?.country ?? null, class: ctx.data.ip(u.ip)?.class ?? null })),
          signins_in_window: total,
          window_days: ctx.params.window_days,
        },
        fact_keys: [`egress-signin-mismatch:${e.serial}`],
        ...timeRange([...[...e.ips.values()].flatMap((x) => [x.first, x.last]), ...used.flatMap((u) => [u.first, u.last])]),
      });
    }
    return out;
  },
};
