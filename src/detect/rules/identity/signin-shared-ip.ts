import { signInIpsByPerson } from '../../../store/repositories/detect.js';
import { DAY_MS, timeRange } from '../../define.js';
import { addTo, benignGroup, members } from '../../helpers/people.js';
import { isNonPublic, networkKey } from '../../helpers/signins.js';
import type { Rule } from '../../rule.js';
import { SRC } from '../../sources.js';

export const rule: Rule = {
  meta: {
    id: 'identity.signin.shared_ip',
    title: 'Several people sign in from one home network',
    description: 'Three or more different people sign in repeatedly from the same public address (or the same /24 of a residential network), leaving out the company\'s own egress and VPN, hosting and Tor addresses.',
    rationale: 'A laptop farm keeps many employees\' laptops in one house: their sign-ins share the house\'s internet connection. This is what exposed the facilitators in the DOJ cases.',
    sources: [SRC.doj2025, SRC.dojRevgen, SRC.psa2024, SRC.mandiant, SRC.okta],
    severity: 'high',
    data_needed: ['okta | entra | google sign-ins', 'IP enrichment (network class)', 'enrich.corporate_ranges'],
    false_positives: ['Couples and room-mates (two people by default do not fire; a household that shares a home address on file is left to hr.address.shared)', 'Co-working spaces and shared offices not listed as corporate egress', 'Mobile carriers\' shared (CGNAT) addresses'],
    params: {
      window_days: { default: 90, description: 'Only address use seen in the last N days counts.' },
      min_people: { default: 3, description: 'Fewest different people on one network that fire.' },
      min_signins_each: { default: 3, description: 'Each person must have used the network at least this often.' },
      residential_prefix_v4: { default: 24, description: 'IPv4 prefix length residential addresses are grouped by.' },
      residential_prefix_v6: { default: 56, description: 'IPv6 prefix length residential addresses are grouped by.' },
    },
  },
  async run(ctx) {
    const since = new Date(ctx.now.getTime() - ctx.params.window_days * DAY_MS).toISOString();
    const groups = new Map<string, Set<string>>();
    const detail = new Map<string, Array<{ person: string; ip: string; signins: number; first: string; last: string }>>();
    const netOf = new Map<string, { class: string | null; as_org: string | null; country: string | null }>();
    for (const r of await signInIpsByPerson(ctx.store)) {
      if (r.last < since || r.n < ctx.params.min_signins_each || isNonPublic(r.ip)) continue;
      const net = ctx.data.ip(r.ip);
      if (net && (net.corporate || net.class === 'vpn' || net.class === 'hosting' || net.class === 'tor' || net.class === 'corporate')) continue;
      const key = networkKey(r.ip, net?.class, ctx.params.residential_prefix_v4, ctx.params.residential_prefix_v6);
      const human = ctx.data.humanOf(ctx.data.personKey(r.person_id) ?? r.person_id);
      addTo(groups, key, human);
      (detail.get(key) ?? detail.set(key, []).get(key)!).push({ person: human, ip: r.ip, signins: r.n, first: r.first, last: r.last });
      if (!netOf.has(key)) netOf.set(key, { class: net?.class ?? null, as_org: net?.as_org ?? null, country: net?.country ?? null });
    }
    const out = [];
    for (const [key, set] of groups) {
      const humans = [...set].sort();
      if (humans.length < ctx.params.min_people) continue;
      if (benignGroup(ctx.data, humans, { households: true })) continue;
      const uses = detail.get(key)!;
      for (const h of humans) {
        out.push({
          subject_type: 'person' as const,
          subject_id: h,
          summary: `Signs in from ${key}, shared with ${humans.length - 1} other people`,
          discriminator: key,
          evidence: { network: key, ...netOf.get(key), people: members(ctx.data, humans), uses: uses.slice(0, 50) },
          fact_keys: [`shared-ip:${key}`],
          ...timeRange(uses.flatMap((u) => [u.first, u.last])),
        });
      }
    }
    return out;
  },
};
