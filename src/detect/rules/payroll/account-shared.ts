import { sharedDestinationFindings } from '../../helpers/pay.js';
import type { Rule } from '../../rule.js';
import { SRC } from '../../sources.js';

export const rule: Rule = {
  meta: {
    id: 'payroll.account.shared',
    title: 'One bank account receives pay for several people',
    description: 'The same bank account (account number or IBAN, matched by keyed hash) is the pay destination, or receives payments, for two or more different people.',
    rationale: 'Facilitators collect the pay of the identities they lend into their own accounts before sending it on; one account paid for several workers is a direct trace of that.',
    sources: [SRC.doj2025, SRC.dojRevgen, SRC.psa2024, SRC.guidance2022],
    severity: 'high',
    data_needed: ['pay_accounts.csv account_number / iban', 'payments.csv'],
    false_positives: ['A staffing agency paid for its contractors (members of one agency: skipped)', 'A couple\'s joint account (same home address: skipped)'],
    params: {
      min_people: { default: 2, description: 'Fewest different people paid into one account that fire.' },
      ignore_households: { default: true, description: 'Skip groups whose members all share one home address.' },
      ignore_same_agency: { default: true, description: 'Skip groups whose members all come through one staffing agency.' },
    },
  },
  run: (ctx) => sharedDestinationFindings(ctx, ['account', 'iban'], 'Account'),
};
