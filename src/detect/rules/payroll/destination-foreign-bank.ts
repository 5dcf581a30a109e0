import { listPayAccounts } from '../../../store/repositories/records.js';
import { describeDestination } from '../../helpers/pay.js';
import type { FindingDraft, Rule } from '../../rule.js';
import { SRC } from '../../sources.js';

export const rule: Rule = {
  meta: {
    id: 'payroll.destination.foreign_bank',
    title: 'Pay to a bank outside the person\'s home country',
    description: 'The bank receiving the pay is in a country other than the home country on the person\'s record; banks in listed higher-risk countries (China and neighbours by default) raise the severity.',
    rationale: 'In the 2025 indictment most of the pay was laundered through a Chinese bank account. A worker living where they claim is normally paid in that country.',
    sources: [SRC.doj2025, SRC.guidance2022, SRC.psa2024],
    severity: 'medium',
    data_needed: ['pay_accounts.csv bank_country', 'people.csv home_country'],
    false_positives: ['Expatriates keeping an account at home', 'Contractors paid in their own country whose HR record has the company\'s country'],
    params: { high_risk_countries: { default: ['CN', 'HK', 'KP', 'RU', 'LA', 'KH', 'AE'], description: 'Bank countries that raise the severity to high.' } },
  },
  async run(ctx) {
    const risky = new Set((ctx.params.high_risk_countries as string[]).map((c) => c.toUpperCase()));
    const out: FindingDraft[] = [];
    for (const a of await listPayAccounts(ctx.store)) {
      const pid = ctx.data.personKey(a.person_id);
      const home = pid ? ctx.data.people.get(pid)?.home?.country : null;
      const bank = a.bank_country?.toUpperCase();
      if (!pid || !home || !bank || bank === home.toUpperCase()) continue;
      out.push({
        subject_type: 'person',
        subject_id: pid,
        summary: `Pay goes to a bank in ${bank}${a.bank_name ? ` (${a.bank_name})` : ''}; home country on file is ${home}`,
        severity: risky.has(bank) ? 'high' : undefined,
        discriminator: a.id,
        evidence: { home_country: home, bank_country: bank, high_risk_country: risky.has(bank), destination: describeDestination(a) },
        fact_keys: [`pay-rail:foreign-bank:${bank}:${pid}`],
        first_seen: `${a.effective_date}T00:00:00.000Z`,
      });
    }
    return out;
  },
};
