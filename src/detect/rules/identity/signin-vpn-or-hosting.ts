import { isAnonymizing } from '../../data.js';
import { signInRule, timeRange } from '../../define.js';
import { inWindow, isAstrill, topAddresses } from '../../helpers/signins.js';
import { SRC } from '../../sources.js';

export const rule = signInRule(
  {
    id: 'identity.signin.vpn_or_hosting',
    title: 'Sign-ins from VPN, hosting or Tor networks',
    description: 'A person signs in to the company from commercial VPN, hosting/VPS or Tor addresses for a sizeable share of their sign-ins (Astrill VPN is reported separately).',
    rationale: 'Workers who are not where they claim to be hide their real location behind VPNs and rented servers; advisories list VPN/VPS use as a core indicator. Alone it is weak, since many honest people use a consumer VPN.',
    sources: [SRC.guidance2022, SRC.psa2024, SRC.mandiant, SRC.okta],
    severity: 'low',
    data_needed: ['okta | entra | google sign-ins', 'people.csv work_email', 'IP enrichment'],
    false_positives: ['Consumer VPN used for privacy', 'Travellers on hotel or airport networks behind a VPN', 'Developers testing from cloud machines', 'A VPN the company itself uses: list it in enrich.allowed_vpn_providers'],
    params: {
      window_days: { default: 90, description: 'Only sign-ins in the last N days before the run time count.' },
      min_signins: { default: 5, description: 'Fewest anonymizing sign-ins that fire.' },
      min_share: { default: 0.2, description: 'Smallest share of the person\'s sign-ins that must be anonymizing.' },
    },
  },
  (ctx, p) => {
    const recent = inWindow(p, ctx.now, ctx.params.window_days);
    const hits = recent.filter((s) => isAnonymizing(s.net) && !isAstrill(s.net));
    if (hits.length < ctx.params.min_signins || hits.length / Math.max(1, recent.length) < ctx.params.min_share) return [];
    const classes: Record<string, number> = {};
    for (const s of hits) classes[s.net!.class] = (classes[s.net!.class] ?? 0) + 1;
    const strong = (classes.hosting ?? 0) + (classes.tor ?? 0) > hits.length / 2;
    return [
      {
        subject_type: 'person',
        subject_id: p.personId,
        summary: `${hits.length} of ${recent.length} sign-ins in ${ctx.params.window_days} days came from VPN, hosting or Tor networks`,
        severity: strong ? 'medium' : 'low',
        evidence: {
          anonymizing_signins: hits.length,
          all_signins: recent.length,
          share: Math.round((hits.length / recent.length) * 100) / 100,
          by_class: classes,
          addresses: topAddresses(hits),
          example_signin_ids: hits.slice(0, 5).map((s) => s.id),
        },
        fact_keys: Object.keys(classes).map((c) => `signin-ip-class:${c}:${p.personId}`),
        ...timeRange(hits.map((s) => s.iso)),
      },
    ];
  },
);
