import { haversineKm } from '../../../enrich/geo.js';
import type { SignInView } from '../../data.js';
import { signInRule, timeRange } from '../../define.js';
import { inWindow, locatable } from '../../helpers/signins.js';
import { SRC } from '../../sources.js';

export const rule = signInRule(
  {
    id: 'identity.signin.impossible_travel',
    title: 'Impossible travel between consecutive sign-ins',
    description: 'Two consecutive sign-ins of one account are farther apart than anyone could travel in the time between them (faster than an airliner).',
    rationale: 'An account used from two continents within hours is shared, or one of the sign-ins comes through a remote-access path: the person and the laptop are not in the same place.',
    sources: [SRC.psa2024, SRC.mandiant, SRC.okta],
    severity: 'medium',
    data_needed: ['okta | entra | google sign-ins', 'IP enrichment (geolocation)'],
    false_positives: ['Geolocation databases placing an address in the wrong country', 'Split-tunnel or mobile networks whose exit is far from the user', 'VPN, hosting and corporate addresses are left out for this reason'],
    params: {
      window_days: { default: 90, description: 'Look-back window.' },
      max_kmh: { default: 900, description: 'Fastest plausible travel speed.' },
      min_km: { default: 500, description: 'Shortest distance considered (geolocation is imprecise below it).' },
      min_events: { default: 1, description: 'Fewest impossible hops that fire.' },
    },
  },
  (ctx, p) => {
    const located = inWindow(p, ctx.now, ctx.params.window_days).filter((s) => locatable(s) && s.net!.lat !== null && s.net!.lon !== null);
    const hops: Array<{ from: SignInView; to: SignInView; km: number; kmh: number | null }> = [];
    for (let i = 1; i < located.length; i++) {
      const a = located[i - 1]!;
      const b = located[i]!;
      const km = haversineKm(a.net!.lat!, a.net!.lon!, b.net!.lat!, b.net!.lon!);
      if (km < ctx.params.min_km) continue;
      const hours = (b.at - a.at) / 3_600_000;
      const kmh = hours > 0 ? km / hours : null;
      if (kmh === null || kmh > ctx.params.max_kmh) hops.push({ from: a, to: b, km, kmh });
    }
    if (hops.length < ctx.params.min_events) return [];
    const where = (s: SignInView) => ({ signin_id: s.id, at: s.iso, ip: s.ip, country: s.net!.country, city: s.net!.city });
    return [
      {
        subject_type: 'person',
        subject_id: p.personId,
        summary: `${hops.length} impossible hop${hops.length === 1 ? '' : 's'}, e.g. ${hops[0]!.from.net!.country} → ${hops[0]!.to.net!.country}, ${Math.round(hops[0]!.km)} km in ${Math.round((hops[0]!.to.at - hops[0]!.from.at) / 60_000)} min`,
        evidence: {
          hops: hops.slice(0, 10).map((h) => ({ from: where(h.from), to: where(h.to), km: Math.round(h.km), kmh: h.kmh === null ? 'simultaneous' : Math.round(h.kmh) })),
          total_hops: hops.length,
          max_kmh: ctx.params.max_kmh,
        },
        fact_keys: [`signin-impossible-travel:${p.personId}`],
        ...timeRange(hops.flatMap((h) => [h.from.iso, h.to.iso])),
      },
    ];
  },
);
