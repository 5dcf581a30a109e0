import { signInRule, timeRange } from '../../define.js';
import { inWindow, locatable, topAddresses, utcDay } from '../../helpers/signins.js';
import { SRC } from '../../sources.js';

export const rule = signInRule(
  {
    id: 'identity.signin.country_mismatch',
    title: 'Persistent sign-ins from a country other than the HR record\'s',
    description: 'On many distinct days, and on most of the days the person is seen, their sign-ins come from a country other than the home country on their HR record. Persistence is what counts: a trip abroad stays under the thresholds.',
    rationale: 'A worker who claims to live in one country but works from another is misrepresenting where they are, the core of the IT-worker scheme. Counting days, not sign-ins, keeps a one-off trip from looking like a move.',
    sources: [SRC.guidance2022, SRC.psa2024, SRC.mandiant, SRC.okta],
    severity: 'high',
    data_needed: ['okta | entra | google sign-ins', 'people.csv home_country', 'IP enrichment (geolocation)'],
    false_positives: ['Long assignments or extended stays abroad that HR has not recorded', 'Contractors who legitimately work from another country with an out-of-date HR record', 'Geolocation errors for mobile carriers near borders'],
    params: {
      window_days: { default: 90, description: 'Look-back window.' },
      min_days: { default: 10, description: 'Fewest distinct days with a foreign sign-in.' },
      min_share: { default: 0.5, description: 'Smallest share of the person\'s located days that must be foreign.' },
    },
  },
  (ctx, p) => {
    const home = p.person?.home?.country?.toUpperCase();
    if (!home) return [];
    const located = inWindow(p, ctx.now, ctx.params.window_days).filter((s) => locatable(s) && s.net!.country);
    const days = new Set<string>();
    const foreignDays = new Set<string>();
    const byCountry: Record<string, number> = {};
    const foreign = [];
    for (const s of located) {
      const day = utcDay(s.at);
      days.add(day);
      if (s.net!.country!.toUpperCase() !== home) {
        foreignDays.add(day);
        foreign.push(s);
        byCountry[s.net!.country!] = (byCountry[s.net!.country!] ?? 0) + 1;
      }
    }
    const share = foreignDays.size / Math.max(1, days.size);
    if (foreignDays.size < ctx.params.min_days || share < ctx.params.min_share) return [];
    const main = Object.entries(byCountry).sort((a, b) => b[1] - a[1])[0]![0];
    return [
      {
        subject_type: 'person',
        subject_id: p.personId,
        summary: `Signs in from ${Object.keys(byCountry).join(', ')} on ${foreignDays.size} of ${days.size} days; HR record says ${home}`,
        evidence: {
          hr_country: home,
          foreign_days: foreignDays.size,
          located_days: days.size,
          share_of_days: Math.round(share * 100) / 100,
          signins_by_country: byCountry,
          addresses: topAddresses(foreign),
          example_signin_ids: foreign.slice(0, 5).map((s) => s.id),
        },
        fact_keys: [`signin-country:${main}:${p.personId}`],
        ...timeRange(foreign.map((s) => s.iso)),
      },
    ];
  },
);
