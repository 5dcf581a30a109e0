/**
 * Recent sign-ins on a time axis, one row per country: a change of country, a failure burst or a
 * VPN run is visible at a glance. Each dot is one sign-in.
 */
import type { PersonDetail } from '../api/types';

export function SigninTimeline({ recent }: { recent: PersonDetail['signins']['recent'] }) {
  if (recent.length === 0) return <p className="muted">No sign-ins on record.</p>;
  const times = recent.map((r) => Date.parse(r.occurred_at)).filter((t) => !Number.isNaN(t));
  const t0 = Math.min(...times);
  const t1 = Math.max(...times);
  const counts = new Map<string, number>();
  for (const r of recent) counts.set(r.country ?? '??', (counts.get(r.country ?? '??') ?? 0) + 1);
  const rows = [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([c]) => c);
  const W = 760;
  const L = 48;
  const rowH = 22;
  const H = rows.length * rowH + 24;
  const x = (t: number) => L + (t1 === t0 ? (W - L) / 2 : ((t - t0) / (t1 - t0)) * (W - L - 10));
  return (
    <figure className="timeline" data-testid="signin-timeline">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label="Sign-in timeline by country">
        {rows.map((c, i) => (
          <g key={c}>
            <text x={4} y={i * rowH + 15} className="tl-label">{c}</text>
            <line x1={L} x2={W} y1={i * rowH + 11} y2={i * rowH + 11} className="tl-row" />
          </g>
        ))}
        {recent.map((r, i) => {
          const row = rows.indexOf(r.country ?? '??');
          if (row < 0) return null;
          const cls = r.outcome === 'failure' ? 'tl-fail' : ['vpn', 'hosting', 'tor'].includes(r.class ?? '') ? 'tl-risky' : 'tl-ok';
          return (
            <circle key={i} cx={x(Date.parse(r.occurred_at))} cy={row * rowH + 11} r={4} className={cls}>
              <title>{`${r.occurred_at} · ${r.source} · ${r.ip ?? ''} · ${r.city ?? ''} ${r.country ?? ''} · ${r.outcome}${r.class ? ` · ${r.class}` : ''}`}</title>
            </circle>
          );
        })}
        <text x={L} y={H - 4} className="tl-axis">{new Date(t0).toISOString().slice(0, 10)}</text>
        <text x={W - 4} y={H - 4} className="tl-axis" textAnchor="end">{new Date(t1).toISOString().slice(0, 10)}</text>
      </svg>
      <figcaption className="muted small">The {recent.length} most recent sign-ins. Red: failed; orange: from a VPN, hosting provider or Tor.</figcaption>
    </figure>
  );
}
