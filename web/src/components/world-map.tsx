/**
 * Where a person signs in from, against where they say they live and where their laptop went.
 * Sign-in locations come from the IP enrichment (or the identity provider's own guess); home and
 * shipping addresses from the offline gazetteer, else the centre of their country (drawn hollow).
 */
import { useMemo, useState } from 'react';
import type { PersonDetail } from '../api/types';
import { countryCentre, countryShapes, MAP_H, MAP_W, project } from '../geo/countries';

interface Marker {
  kind: 'signin' | 'home' | 'shipping';
  x: number;
  y: number;
  approx: boolean;
  label: string;
  r: number;
  risky?: boolean;
}

const RISKY_CLASSES = new Set(['vpn', 'hosting', 'tor']);

function place(lat: number | null, lon: number | null, country: string | null): { xy: [number, number]; approx: boolean } | null {
  if (lat !== null && lon !== null) return { xy: project(lon, lat), approx: false };
  const c = countryCentre(country);
  return c ? { xy: project(c[0], c[1]), approx: true } : null;
}

export function WorldMap({ detail }: { detail: PersonDetail }) {
  const shapes = useMemo(() => countryShapes(), []);
  const [hover, setHover] = useState<Marker | null>(null);
  const markers = useMemo(() => {
    const out: Marker[] = [];
    const maxN = Math.max(1, ...detail.signins.ips.map((i) => i.n));
    for (const ip of detail.signins.ips) {
      const p = place(ip.lat, ip.lon, ip.country);
      if (!p) continue;
      out.push({
        kind: 'signin',
        x: p.xy[0],
        y: p.xy[1],
        approx: p.approx,
        r: 3 + 6 * Math.sqrt(ip.n / maxN),
        risky: RISKY_CLASSES.has(ip.class ?? ''),
        label: `${ip.ip ?? 'no IP'} · ${[ip.city, ip.country].filter(Boolean).join(', ') || 'unknown place'} · ${ip.n} sign-in(s)${ip.class ? ` · ${ip.class}` : ''}${ip.provider ? ` (${ip.provider})` : ''}`,
      });
    }
    const h = detail.person.home;
    const hp = place(h.lat, h.lon, h.country);
    if (hp) out.push({ kind: 'home', x: hp.xy[0], y: hp.xy[1], approx: hp.approx, r: 6, label: `home: ${[h.city, h.region, h.country].filter(Boolean).join(', ')}${hp.approx ? ' (country only)' : ''}` });
    for (const s of detail.shipments) {
      const sp = place(s.lat, s.lon, s.country);
      if (sp) out.push({ kind: 'shipping', x: sp.xy[0], y: sp.xy[1], approx: sp.approx, r: 6, label: `laptop shipped to: ${[s.city, s.region, s.country].filter(Boolean).join(', ')}${s.mail_service ? ` (${s.mail_service})` : ''}${sp.approx ? ' (country only)' : ''}` });
    }
    return out;
  }, [detail]);
  const signinCountries = new Set(detail.signins.countries.map((c) => c.country));
  const home = markers.find((m) => m.kind === 'home');

  return (
    <figure className="map" data-testid="signin-map">
      <svg viewBox={`0 0 ${MAP_W} ${MAP_H}`} role="img" aria-label="Map of sign-in locations, home and shipping addresses">
        <rect width={MAP_W} height={MAP_H} className="map-sea" />
        {shapes.map((s) => (
          <path key={s.numeric + s.name} d={s.path} className={s.alpha2 && signinCountries.has(s.alpha2) ? 'map-land map-land-seen' : 'map-land'}>
            <title>{s.name}</title>
          </path>
        ))}
        {home
          ? markers
              .filter((m) => m.kind === 'signin')
              .map((m, i) => <line key={`l${i}`} x1={home.x} y1={home.y} x2={m.x} y2={m.y} className="map-line" />)
          : null}
        {markers.map((m, i) => (
          <g key={i} onMouseEnter={() => setHover(m)} onMouseLeave={() => setHover(null)} className={`mk mk-${m.kind}${m.risky ? ' mk-risky' : ''}${m.approx ? ' mk-approx' : ''}`} data-kind={m.kind}>
            {m.kind === 'signin' ? (
              <circle cx={m.x} cy={m.y} r={m.r} />
            ) : m.kind === 'home' ? (
              <rect x={m.x - m.r} y={m.y - m.r} width={m.r * 2} height={m.r * 2} />
            ) : (
              <polygon points={`${m.x},${m.y - m.r * 1.2} ${m.x + m.r},${m.y + m.r} ${m.x - m.r},${m.y + m.r}`} />
            )}
            <title>{m.label}</title>
          </g>
        ))}
      </svg>
      <figcaption>
        <span className="legend"><svg width="12" height="12"><circle cx="6" cy="6" r="5" className="mk-signin-swatch" /></svg> sign-in IP (size: count)</span>
        <span className="legend"><svg width="12" height="12"><circle cx="6" cy="6" r="5" className="mk-risky-swatch" /></svg> VPN / hosting / Tor</span>
        <span className="legend"><svg width="12" height="12"><rect x="1" y="1" width="10" height="10" className="mk-home-swatch" /></svg> home</span>
        <span className="legend"><svg width="12" height="12"><polygon points="6,0 12,12 0,12" className="mk-ship-swatch" /></svg> laptop shipped to</span>
        <span className="muted small"> Hollow: country only. {hover ? <strong>{hover.label}</strong> : 'Hover a marker for details.'}</span>
        <div className="muted small">
          Country shapes: Natural Earth (public domain), via world-atlas. {detail.attribution.length ? `Locations: ${detail.attribution.join('; ')}.` : 'Sign-in locations as the identity provider reported them.'}
        </div>
      </figcaption>
    </figure>
  );
}
