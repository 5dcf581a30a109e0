import { normalizeAddress } from '../../../enrich/address.js';
import type { PostalAddress } from '../../../model/index.js';
import { addTo, members } from '../../helpers/people.js';
import type { FindingDraft, Rule } from '../../rule.js';
import { SRC } from '../../sources.js';

export const rule: Rule = {
  meta: {
    id: 'hr.address.shared',
    title: 'One address used by several unrelated people',
    description: 'Three or more different people (employees, contractors or applicants) have the same home or shipping address after normalisation.',
    rationale: 'A laptop farm is one address receiving many workers\' laptops; facilitators also register the identities they lend at their own address.',
    sources: [SRC.doj2025, SRC.dojRevgen, SRC.psa2024, SRC.mandiant],
    severity: 'high',
    data_needed: ['people.csv home address', 'candidates.csv location', 'shipments.csv'],
    false_positives: ['Couples and room-mates (two people by default do not fire)', 'Family members working for the same company', 'Shipments to an office (use hr.shipping.address_not_home\'s office_addresses)'],
    params: { min_people: { default: 3, description: 'Fewest different people at one address that fire.' } },
  },
  async run(ctx) {
    const groups = new Map<string, Set<string>>();
    const uses = new Map<string, Array<{ person: string; role: string; record: string; address: string }>>();
    const add = (pid: string, a: PostalAddress | null | undefined, role: string, record: string) => {
      if (!a?.street) return;
      const info = normalizeAddress(a);
      if (!info.key) return;
      const human = ctx.data.humanOf(pid);
      addTo(groups, info.key, human);
      (uses.get(info.key) ?? uses.set(info.key, []).get(info.key)!).push({ person: human, role, record, address: info.normalized });
    };
    for (const p of ctx.data.people.values()) add(p.id, p.home, p.kind === 'candidate' ? 'applicant address' : 'home', p.id);
    for (const s of ctx.data.shipments) {
      const pid = ctx.data.personKey(s.person_id);
      if (pid) add(pid, s.address, 'shipping', s.id);
    }
    const out: FindingDraft[] = [];
    for (const [key, set] of groups) {
      const humans = [...set].sort();
      if (humans.length < ctx.params.min_people) continue;
      const u = uses.get(key)!;
      for (const h of humans) {
        out.push({
          subject_type: 'person',
          subject_id: h,
          summary: `${u[0]!.address} is also the address of ${humans.length - 1} other people`,
          discriminator: key,
          evidence: { address: u[0]!.address, address_key: key, people: members(ctx.data, humans), uses: u.slice(0, 50) },
          fact_keys: [`address:${key}`],
        });
      }
    }
    return out;
  },
};
