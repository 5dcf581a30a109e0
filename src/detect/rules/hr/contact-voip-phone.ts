import { enrichPhone } from '../../../enrich/phone.js';
import type { FindingDraft, Rule } from '../../rule.js';
import { SRC } from '../../sources.js';

export const rule: Rule = {
  meta: {
    id: 'hr.contact.voip_phone',
    title: 'VoIP phone number',
    description: 'The phone number a person gives lies in a range its country\'s numbering plan reserves for VoIP (libphonenumber line type VOIP).',
    rationale: 'Operators abroad register internet numbers in the country they claim to live in; a VoIP number alone is common, but it adds to other signs.',
    sources: [SRC.psa2024, SRC.mandiant, SRC.seal],
    severity: 'low',
    data_needed: ['people.csv phone', 'candidates.csv phone'],
    false_positives: ['Many people use VoIP numbers legitimately', 'US and Canadian numbering plans do not mark VoIP ranges, so US VoIP numbers are not seen'],
    params: {},
  },
  async run(ctx) {
    const out: FindingDraft[] = [];
    for (const p of ctx.data.people.values()) {
      if (!p.phone) continue;
      const info = enrichPhone(p.phone, p.home?.country ?? ctx.config.enrich.default_phone_country ?? undefined);
      if (!info.voip) continue;
      out.push({
        subject_type: 'person',
        subject_id: ctx.data.humanOf(p.id),
        summary: `Phone ${info.e164 ?? p.phone} is a VoIP number (${info.country ?? 'unknown country'})`,
        discriminator: info.e164 ?? p.phone,
        evidence: { record: p.id, phone: info.e164 ?? p.phone, country: info.country, line_type: info.line_type, source: 'libphonenumber numbering plan' },
        fact_keys: [`voip-phone:${info.e164 ?? p.phone}`],
      });
    }
    return out;
  },
};
