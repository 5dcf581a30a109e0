import { listPayAccounts } from '../../../store/repositories/records.js';
import { describeDestination } from '../../helpers/pay.js';
import type { FindingDraft, Rule } from '../../rule.js';
import { SRC } from '../../sources.js';

export const rule: Rule = {
  meta: {
    id: 'payroll.destination.crypto',
    title: 'Pay routed to a crypto wallet',
    description: 'Pay goes to a cryptocurrency wallet (payout method `crypto` or a wallet address on the pay account).',
    rationale: 'Crypto payouts move pay beyond the reach of banks\' sanctions screening; advisories name them as a DPRK IT-worker payment rail.',
    sources: [SRC.guidance2022, SRC.psa2024, SRC.dojRevgen],
    severity: 'high',
    data_needed: ['pay_accounts.csv method, wallet_address'],
    false_positives: ['Companies that offer crypto payroll as a benefit'],
    params: {},
  },
  async run(ctx) {
    const out: FindingDraft[] = [];
    for (const a of await listPayAccounts(ctx.store)) {
      const pid = ctx.data.personKey(a.person_id);
      if (!pid || (a.method !== 'crypto' && !a.wallet)) continue;
      out.push({
        subject_type: 'person',
        subject_id: pid,
        summary: `Pay goes to a crypto wallet${a.wallet ? ` ending ${a.wallet.last4}` : ''} (from ${a.effective_date})`,
        discriminator: a.id,
        evidence: { destination: describeDestination(a) },
        fact_keys: [`pay-rail:crypto:${pid}`],
        first_seen: `${a.effective_date}T00:00:00.000Z`,
      });
    }
    return out;
  },
};
