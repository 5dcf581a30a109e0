import { addressSimilarity, normalizeAddress } from '../../../enrich/address.js';
import type { PostalAddress } from '../../../model/index.js';
import { daysBetween } from '../../define.js';
import type { FindingDraft, Rule } from '../../rule.js';
import { SRC } from '../../sources.js';

export const rule: Rule = {
  meta: {
    id: 'hr.address.changed_after_hire',
    title: 'Address changed right around hiring',
    description: 'The address used for the person changes soon after hire: equipment goes to a new address within weeks of the first shipment, or the location the person gave when applying differs from the home address on file at hire.',
    rationale: 'Facilitators often take over delivery once an offer is signed: the applicant gives one location, then asks to ship the laptop somewhere else "because of a move".',
    sources: [SRC.dojRevgen, SRC.psa2024, SRC.mandiant, SRC.seal],
    severity: 'medium',
    data_needed: ['shipments.csv', 'people.csv home address and hire_date', 'candidates.csv location and hired_person_id'],
    false_positives: ['People who really move for a new job', 'Candidates who applied while living elsewhere and relocated for the role'],
    params: {
      days_after_hire: { default: 60, description: 'A change within this many days of hire fires.' },
      min_similarity: { default: 0.85, description: 'Addresses at least this similar count as the same.' },
    },
  },
  async run(ctx) {
    const out: FindingDraft[] = [];
    const byPerson = new Map<string, typeof ctx.data.shipments>();
    for (const s of ctx.data.shipments) {
      const pid = ctx.data.personKey(s.person_id);
      if (pid && s.shipped_at && s.address.street) (byPerson.get(pid) ?? byPerson.set(pid, []).get(pid)!).push(s);
    }
    for (const [pid, list] of byPerson) {
      const hire = ctx.data.people.get(pid)?.hire_date;
      if (!hire) continue;
      list.sort((a, b) => a.shipped_at!.localeCompare(b.shipped_at!));
      const first = list[0]!;
      const moved = list.find((s) => addressSimilarity(s.address, first.address) < ctx.params.min_similarity && daysBetween(`${hire}T00:00:00Z`, s.shipped_at!) <= ctx.params.days_after_hire);
      if (!moved) continue;
      out.push({
        subject_type: 'person',
        subject_id: pid,
        summary: `Equipment went to ${normalizeAddress(first.address).normalized}, then ${Math.round(daysBetween(`${hire}T00:00:00Z`, moved.shipped_at!))} days after hire to ${normalizeAddress(moved.address).normalized}`,
        discriminator: 'shipments',
        evidence: { hire_date: hire, first_shipment: { id: first.id, at: first.shipped_at, to: normalizeAddress(first.address).normalized }, changed_shipment: { id: moved.id, at: moved.shipped_at, to: normalizeAddress(moved.address).normalized } },
        fact_keys: [`address-change:${pid}`],
        first_seen: first.shipped_at ?? null,
        last_seen: moved.shipped_at ?? null,
      });
    }
    // The applicant's own location versus the home address at hire.
    for (const c of ctx.data.people.values()) {
      if (c.kind !== 'candidate') continue;
      const pid = ctx.data.humanOf(c.id);
      const p = ctx.data.people.get(pid);
      if (pid === c.id || !p?.home || !c.home || !(c.home.city || c.home.country)) continue;
      const declared: PostalAddress = { city: c.home.city, region: c.home.region, country: c.home.country };
      const onFile: PostalAddress = { city: p.home.city, region: p.home.region, country: p.home.country };
      const differs = (declared.country && onFile.country && declared.country !== onFile.country) || addressSimilarity(declared, onFile) < 0.6;
      if (!differs) continue;
      const applied = c.applied_at ?? null;
      if (applied && p.hire_date && daysBetween(applied, `${p.hire_date}T00:00:00Z`) > 365) continue;
      out.push({
        subject_type: 'person',
        subject_id: pid,
        summary: `Applied from ${[c.home.city, c.home.region, c.home.country].filter(Boolean).join(', ')}, hired with a home in ${[p.home.city, p.home.region, p.home.country].filter(Boolean).join(', ')}`,
        discriminator: `application:${c.id}`,
        evidence: { candidate: c.id, applied_at: applied, applied_from: declared, hire_date: p.hire_date ?? null, home_on_file: onFile },
        fact_keys: [`address-change:${pid}`],
        first_seen: applied,
        last_seen: p.hire_date ? `${p.hire_date}T00:00:00.000Z` : null,
      });
    }
    return out;
  },
};
