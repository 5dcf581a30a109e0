import { sharedSignInValueFindings } from '../../helpers/shared-signin-value.js';
import type { Rule } from '../../rule.js';
import { SRC } from '../../sources.js';

export const rule: Rule = {
  meta: {
    id: 'identity.signin.shared_device_fingerprint',
    title: 'One device fingerprint used by several people',
    description: 'The identity provider\'s device identifier (a registered or fingerprinted browser/device) appears in sign-ins of two or more different people.',
    rationale: 'One machine driving several employees\' accounts is how an operator runs several identities, or how a farm\'s control machine reaches many laptops.',
    sources: [SRC.okta, SRC.mandiant, SRC.microsoft],
    severity: 'high',
    data_needed: ['okta | entra | google sign-ins with a device id'],
    false_positives: ['Shared kiosks, meeting-room or lab machines', 'A family computer shared by a couple (pairs with the same home address are skipped)'],
    params: {
      min_people: { default: 2, description: 'Fewest different people on one device that fire.' },
      ignore_values: { default: ['unknown', 'none', '00000000-0000-0000-0000-000000000000'], description: 'Placeholder values that are not a device.' },
      ignore_households: { default: true, description: 'Skip groups whose members all share one home address.' },
    },
  },
  run: (ctx) => sharedSignInValueFindings(ctx, 'device_fingerprint', 'Device'),
};
