import { enrichEmail } from '../../../enrich/email.js';
import { sharedContactFindings } from '../../helpers/shared-contact.js';
import type { Rule } from '../../rule.js';
import { SRC } from '../../sources.js';

export const rule: Rule = {
  meta: {
    id: 'hr.identifier.shared_email',
    title: 'One email address given by several people',
    description: 'Two or more different people give the same personal or applicant email address (normalised: case, and provider-specific dots and +tags).',
    rationale: 'One operator behind several applications reuses an inbox; an application and the employee it became are one person and do not count.',
    sources: [SRC.psa2023, SRC.psa2024, SRC.mandiant, SRC.seal],
    severity: 'high',
    data_needed: ['people.csv personal_email', 'candidates.csv email'],
    false_positives: ['A family inbox shared by a couple (same home address: skipped)', 'A staffing agency\'s address entered for its contractors (same agency: skipped)'],
    params: {
      min_people: { default: 2, description: 'Fewest different people with one address that fire.' },
      ignore_households: { default: true, description: 'Skip groups whose members all share one home address.' },
      ignore_same_agency: { default: true, description: 'Skip groups whose members all come through one staffing agency.' },
    },
  },
  async run(ctx) {
    return sharedContactFindings(ctx, 'email', (p) => {
      // Applicants' contact address may be in either field; employees' work address is the company's own.
      const fields: Array<['personal_email' | 'work_email', string | null | undefined]> = [['personal_email', p.personal_email]];
      if (p.kind === 'candidate') fields.push(['work_email', p.work_email]);
      const out: Array<{ value: string; field: string }> = [];
      for (const [field, raw] of fields) {
        if (!raw) continue;
        const info = enrichEmail(raw);
        if (info.valid && info.normalized && !out.some((o) => o.value === info.normalized)) out.push({ value: info.normalized, field });
      }
      return out;
    });
  },
};
