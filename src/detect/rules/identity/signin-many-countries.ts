import { signInRule } from '../../define.js';
import { inWindow, locatable } from '../../helpers/signins.js';
import { SRC } from '../../sources.js';

export const rule = signInRule(
  {
    id: 'identity.signin.many_countries',
    title: 'Many countries within a short window',
    description: 'One account signs in from several different countries within a short window (by default three or more within 24 hours).',
    rationale: 'An account shared between a facilitator and a remote operator, or used through rotating exits, shows several countries a day; a traveller shows at most two.',
    sources: [SRC.psa2024, SRC.okta],
    severity: 'medium',
    data_needed: ['okta | entra | google sign-ins', 'IP enrichment (geolocation)'],
    false_positives: ['Travel with layovers across several countries in a day', 'Geolocation errors near borders'],
    params: {
      window_days: { default: 90, description: 'Look-back window.' },
      window_hours: { default: 24, description: 'Length of the sliding window.' },
      min_countries: { default: 3, description: 'Fewest distinct countries inside one window that fire.' },
    },
  },
  (ctx, p) => {
    const located = inWindow(p, ctx.now, ctx.params.window_days).filter((s) => locatable(s) && s.net!.country);
    const span = ctx.params.window_hours * 3_600_000;
    let best: { start: number; end: number; countries: Map<string, string> } | null = null;
    const counts = new Map<string, number>();
    let lo = 0;
    for (let hi = 0; hi < located.length; hi++) {
      const c = located[hi]!.net!.country!;
      counts.set(c, (counts.get(c) ?? 0) + 1);
      while (located[hi]!.at - located[lo]!.at > span) {
        const old = located[lo]!.net!.country!;
        const n = counts.get(old)! - 1;
        if (n) counts.set(old, n);
        else counts.delete(old);
        lo++;
      }
      if (counts.size >= ctx.params.min_countries && (!best || counts.size > best.countries.size)) {
        const firstIn = new Map<string, string>();
        for (let i = lo; i <= hi; i++) if (!firstIn.has(located[i]!.net!.country!)) firstIn.set(located[i]!.net!.country!, located[i]!.id);
        best = { start: lo, end: hi, countries: firstIn };
      }
    }
    if (!best) return [];
    const from = located[best.start]!;
    const to = located[best.end]!;
    return [
      {
        subject_type: 'person',
        subject_id: p.personId,
        summary: `${best.countries.size} countries within ${ctx.params.window_hours} h: ${[...best.countries.keys()].join(', ')}`,
        evidence: {
          countries: [...best.countries.keys()],
          signin_ids: Object.fromEntries(best.countries),
          window_start: from.iso,
          window_end: to.iso,
          window_hours: ctx.params.window_hours,
        },
        fact_keys: [`signin-many-countries:${p.personId}`],
        first_seen: from.iso,
        last_seen: to.iso,
      },
    ];
  },
);
