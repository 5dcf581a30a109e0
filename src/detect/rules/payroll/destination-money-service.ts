import { listPayAccounts } from '../../../store/repositories/records.js';
import { describeDestination } from '../../helpers/pay.js';
import type { FindingDraft, Rule } from '../../rule.js';
import { SRC } from '../../sources.js';

const SERVICE_METHODS = new Set(['paypal', 'payoneer', 'wise']);

export const rule: Rule = {
  meta: {
    id: 'payroll.destination.money_service',
    title: 'Pay routed to a money-service platform',
    description: 'Pay goes to a money-service platform (Payoneer, Wise, PayPal and similar) rather than a bank account, by payout method or by the bank named.',
    rationale: 'Money-service platforms let pay leave the country quickly; advisories list them among the rails DPRK IT workers use.',
    sources: [SRC.guidance2022, SRC.psa2024, SRC.dojRevgen],
    severity: 'medium',
    data_needed: ['pay_accounts.csv method, bank_name'],
    false_positives: ['Contractors abroad who are legitimately paid through such platforms', 'Employees who use a multi-currency account'],
    params: { services: { default: ['payoneer', 'wise', 'transferwise', 'paypal', 'revolut', 'skrill', 'remitly', 'western union', 'moneygram', 'airwallex'], description: 'Names of money-service platforms matched in bank_name.' } },
  },
  async run(ctx) {
    const names = (ctx.params.services as string[]).map((s) => s.toLowerCase());
    const out: FindingDraft[] = [];
    for (const a of await listPayAccounts(ctx.store)) {
      const pid = ctx.data.personKey(a.person_id);
      if (!pid) continue;
      const byName = names.find((n) => (a.bank_name ?? '').toLowerCase().includes(n));
      if (!SERVICE_METHODS.has(a.method) && !byName) continue;
      const service = SERVICE_METHODS.has(a.method) ? a.method : byName!;
      out.push({
        subject_type: 'person',
        subject_id: pid,
        summary: `Pay goes to ${service} (from ${a.effective_date})`,
        discriminator: a.id,
        evidence: { service, destination: describeDestination(a) },
        fact_keys: [`pay-rail:money-service:${pid}`],
        first_seen: `${a.effective_date}T00:00:00.000Z`,
      });
    }
    return out;
  },
};
