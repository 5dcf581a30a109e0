import { enrichPhone } from '../../../enrich/phone.js';
import { sharedContactFindings } from '../../helpers/shared-contact.js';
import type { Rule } from '../../rule.js';
import { SRC } from '../../sources.js';

export const rule: Rule = {
  meta: {
    id: 'hr.identifier.shared_phone',
    title: 'One phone number given by several people',
    description: 'Two or more different people (employees, contractors, applicants) give the same phone number, compared in E.164 form.',
    rationale: 'Facilitators and operators reuse their own numbers across the identities they run; a hired candidate and the employee they became are one person and do not count.',
    sources: [SRC.psa2023, SRC.psa2024, SRC.mandiant, SRC.seal],
    severity: 'high',
    data_needed: ['people.csv phone', 'candidates.csv phone'],
    false_positives: ['Couples sharing a landline (same home address: skipped)', 'A staffing agency\'s switchboard number for its contractors (same agency: skipped)'],
    params: {
      min_people: { default: 2, description: 'Fewest different people with one number that fire.' },
      ignore_households: { default: true, description: 'Skip groups whose members all share one home address.' },
      ignore_same_agency: { default: true, description: 'Skip groups whose members all come through one staffing agency.' },
    },
  },
  async run(ctx) {
    return sharedContactFindings(ctx, 'phone', (p) => {
      if (!p.phone) return [];
      const info = enrichPhone(p.phone, p.home?.country ?? ctx.config.enrich.default_phone_country ?? undefined);
      return info.e164 ? [{ value: info.e164, field: 'phone' }] : [];
    });
  },
};
