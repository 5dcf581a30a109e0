import { sharedDestinationFindings } from '../../helpers/pay.js';
import type { Rule } from '../../rule.js';
import { SRC } from '../../sources.js';

export const rule: Rule = {
  meta: {
    id: 'payroll.wallet.shared',
    title: 'One crypto wallet receives pay for several people',
    description: 'The same payout wallet address (matched by keyed hash) is the pay destination, or receives payments, for two or more different people.',
    rationale: 'Pay of several fake identities converging on one wallet is money being collected for one operator.',
    sources: [SRC.guidance2022, SRC.psa2024, SRC.dojRevgen],
    severity: 'high',
    data_needed: ['pay_accounts.csv wallet_address', 'payments.csv wallet_address'],
    false_positives: ['A staffing agency\'s payout wallet (members of one agency: skipped)'],
    params: {
      min_people: { default: 2, description: 'Fewest different people paid into one wallet that fire.' },
      ignore_households: { default: true, description: 'Skip groups whose members all share one home address.' },
      ignore_same_agency: { default: true, description: 'Skip groups whose members all come through one staffing agency.' },
    },
  },
  run: (ctx) => sharedDestinationFindings(ctx, ['wallet'], 'Wallet'),
};
