import { addressSimilarity, normalizeAddress } from '../../../enrich/address.js';
import type { FindingDraft, Rule } from '../../rule.js';
import { SRC } from '../../sources.js';

export const rule: Rule = {
  meta: {
    id: 'hr.shipping.address_not_home',
    title: 'Laptop shipped to an address other than home',
    description: 'Company equipment was shipped to an address that is not the person\'s home address on file (compared after normalisation, so spelling differences do not count).',
    rationale: 'Laptop farms work because the company ships the laptop to the facilitator instead of the worker; a shipping address that differs from the home address on file is how that happens.',
    sources: [SRC.doj2025, SRC.dojRevgen, SRC.psa2024, SRC.mandiant],
    severity: 'high',
    data_needed: ['shipments.csv', 'people.csv home address'],
    false_positives: ['Shipments to an office or a co-working space', 'A temporary address during a move (the HR record is then out of date)'],
    params: {
      min_similarity: { default: 0.85, description: 'Addresses at least this similar (0..1) count as the same.' },
      office_addresses: { default: [], description: 'Company office addresses (one line each) that are never suspicious destinations.' },
    },
  },
  async run(ctx) {
    const offices = new Set((ctx.params.office_addresses as string[]).map((a) => normalizeAddress({ street: a }).normalized));
    const out: FindingDraft[] = [];
    for (const s of ctx.data.shipments) {
      const pid = ctx.data.personKey(s.person_id);
      const p = pid ? ctx.data.people.get(pid) : undefined;
      if (!pid || !p?.home?.street || !s.address.street) continue;
      const sim = addressSimilarity(s.address, p.home);
      if (sim >= ctx.params.min_similarity) continue;
      const ship = normalizeAddress(s.address);
      if (offices.has(normalizeAddress({ street: s.address.street }).normalized)) continue;
      out.push({
        subject_type: 'person',
        subject_id: pid,
        also_subjects: s.device_serial ? [s.device_serial] : [],
        summary: `Shipment ${s.id}${s.device_serial ? ` (device ${s.device_serial})` : ''} went to ${ship.normalized}, not the home address on file`,
        discriminator: s.id,
        evidence: {
          shipment_id: s.id,
          device_serial: s.device_serial ?? null,
          shipped_at: s.shipped_at ?? null,
          status: s.status ?? null,
          ship_to: ship.normalized,
          home: normalizeAddress(p.home).normalized,
          similarity: Math.round(sim * 100) / 100,
          ship_to_is_po_box: ship.po_box,
          ship_to_mail_service: ship.mail_service,
        },
        fact_keys: [`ship-not-home:${s.id}`, ...(ship.key ? [`address:${ship.key}`] : [])],
        first_seen: s.shipped_at ?? null,
        last_seen: s.shipped_at ?? null,
      });
    }
    return out;
  },
};
