import { signInRule, timeRange } from '../../define.js';
import { inWindow, isAstrill, topAddresses } from '../../helpers/signins.js';
import { SRC } from '../../sources.js';

export const rule = signInRule(
  {
    id: 'identity.signin.astrill_vpn',
    title: 'Sign-ins through Astrill VPN',
    description: 'A person signs in through Astrill VPN, the VPN service that several incident reports name as the one DPRK IT workers favour.',
    rationale: 'Mandiant, Okta and others report Astrill VPN specifically in DPRK IT-worker intrusions; unlike generic VPN use it is a strong, specific signal.',
    sources: [SRC.mandiant, SRC.okta, SRC.unit42, SRC.secureworks],
    severity: 'high',
    data_needed: ['okta | entra | google sign-ins', 'IP enrichment (Astrill egress ranges)'],
    false_positives: ['Astrill is sold to anyone; a privacy-minded employee may use it (the company can allow it in enrich.allowed_vpn_providers)', 'VPN address lists go stale: an address Astrill gave up may now be someone else\'s'],
    params: {
      window_days: { default: 180, description: 'Only sign-ins in the last N days count.' },
      min_signins: { default: 1, description: 'Fewest Astrill sign-ins that fire.' },
    },
    attack: ['T1090'],
  },
  (ctx, p) => {
    const hits = inWindow(p, ctx.now, ctx.params.window_days).filter((s) => isAstrill(s.net));
    if (hits.length < ctx.params.min_signins) return [];
    return [
      {
        subject_type: 'person',
        subject_id: p.personId,
        summary: `${hits.length} sign-in${hits.length === 1 ? '' : 's'} through Astrill VPN`,
        evidence: { astrill_signins: hits.length, all_signins: p.signins.length, addresses: topAddresses(hits), example_signin_ids: hits.slice(0, 5).map((s) => s.id) },
        fact_keys: [`signin-vpn-provider:astrill:${p.personId}`],
        ...timeRange(hits.map((s) => s.iso)),
      },
    ];
  },
);
