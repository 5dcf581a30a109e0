import { sharedSignInValueFindings } from '../../helpers/shared-signin-value.js';
import type { Rule } from '../../rule.js';
import { SRC } from '../../sources.js';

export const rule: Rule = {
  meta: {
    id: 'identity.signin.shared_mfa_device',
    title: 'One MFA device used by several people',
    description: 'The same multi-factor authenticator (phone, security key or authenticator enrolment) completes sign-ins for two or more different people.',
    rationale: 'An MFA device belongs to one person. A facilitator or an operator running several identities approves all of their MFA prompts from one phone.',
    sources: [SRC.okta, SRC.mandiant, SRC.microsoft],
    severity: 'high',
    data_needed: ['okta | entra | google sign-ins with the MFA device id'],
    false_positives: ['Shared hardware tokens for a team account', 'Generic factor labels ("push", "sms") mistaken for device ids (listed in ignore_values)', 'A couple sharing one phone (pairs with the same home address are skipped)'],
    params: {
      min_people: { default: 2, description: 'Fewest different people on one device that fire.' },
      ignore_values: { default: ['push', 'sms', 'email', 'call', 'voice', 'totp', 'okta verify', 'password', 'unknown', 'none'], description: 'Values that name a factor type, not a device.' },
      ignore_households: { default: true, description: 'Skip groups whose members all share one home address.' },
    },
  },
  run: (ctx) => sharedSignInValueFindings(ctx, 'mfa_device', 'MFA device'),
};
