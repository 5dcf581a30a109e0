import { enrichEmail } from '../../../enrich/email.js';
import type { FindingDraft, Rule } from '../../rule.js';
import { SRC } from '../../sources.js';

export const rule: Rule = {
  meta: {
    id: 'hr.contact.disposable_email',
    title: 'Disposable email address',
    description: 'A person gives an email address at a disposable (throw-away) email domain.',
    rationale: 'Throw-away inboxes are used for applications that should leave no trail; real applicants use a lasting address.',
    sources: [SRC.psa2024, SRC.mandiant, SRC.seal],
    severity: 'medium',
    data_needed: ['people.csv personal_email', 'candidates.csv email'],
    false_positives: ['Privacy-minded applicants who use forwarding aliases (most alias services are not on the disposable list)'],
    params: {},
  },
  async run(ctx) {
    const out: FindingDraft[] = [];
    for (const p of ctx.data.people.values()) {
      for (const raw of [p.personal_email, p.kind === 'candidate' ? p.work_email : null]) {
        if (!raw) continue;
        const info = enrichEmail(raw);
        if (info.domain_class !== 'disposable') continue;
        out.push({
          subject_type: 'person',
          subject_id: ctx.data.humanOf(p.id),
          summary: `Email ${info.normalized ?? raw} is at a disposable domain (${info.domain})`,
          discriminator: info.normalized ?? raw,
          evidence: { record: p.id, email: info.normalized ?? raw, domain: info.domain, domain_class: info.domain_class },
          fact_keys: [`disposable-email:${info.normalized ?? raw}`],
        });
      }
    }
    return out;
  },
};
