import { nameSimilarity } from '../../../enrich/names.js';
import { listPayAccounts } from '../../../store/repositories/records.js';
import { describeDestination } from '../../helpers/pay.js';
import type { FindingDraft, Rule } from '../../rule.js';
import { SRC } from '../../sources.js';

export const rule: Rule = {
  meta: {
    id: 'payroll.account.holder_mismatch',
    title: 'Account holder is not the worker',
    description: 'The name on the account receiving the pay does not match the worker\'s name (fuzzy comparison that tolerates order, initials, spelling and transliteration).',
    rationale: 'Pay for lent identities goes to accounts in the facilitator\'s name; a different holder name is the visible seam.',
    sources: [SRC.dojRevgen, SRC.doj2025, SRC.psa2024],
    severity: 'medium',
    data_needed: ['pay_accounts.csv account_holder', 'people.csv full_name, agency'],
    false_positives: ['Contractors paid through their own company or their staffing agency (holder matches the agency: skipped)', 'Married names not yet updated in HR'],
    params: { min_similarity: { default: 0.75, description: 'Names at least this similar (0..1) are the same person.' } },
  },
  async run(ctx) {
    const out: FindingDraft[] = [];
    for (const a of await listPayAccounts(ctx.store)) {
      const pid = ctx.data.personKey(a.person_id);
      const p = pid ? ctx.data.people.get(pid) : undefined;
      if (!pid || !p || !a.account_holder?.trim()) continue;
      const sim = nameSimilarity(a.account_holder, p.full_name);
      if (sim.score >= ctx.params.min_similarity) continue;
      if (p.agency && nameSimilarity(a.account_holder, p.agency).score >= ctx.params.min_similarity) continue;
      out.push({
        subject_type: 'person',
        subject_id: pid,
        summary: `Pay account held by "${a.account_holder}", not ${p.full_name}`,
        discriminator: a.id,
        evidence: { worker_name: p.full_name, account_holder: a.account_holder, similarity: Math.round(sim.score * 100) / 100, reasons: sim.reasons, agency: p.agency ?? null, destination: describeDestination(a) },
        fact_keys: [`pay-holder-mismatch:${pid}`],
        first_seen: `${a.effective_date}T00:00:00.000Z`,
      });
    }
    return out;
  },
};
