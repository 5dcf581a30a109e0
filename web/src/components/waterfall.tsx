/**
 * The score as a waterfall: each contribution moves the running total from the left (zero) to the
 * final score, so the parts visibly add up. Negative parts (decisions, mitigations) step back.
 */
import type { Contribution } from '../api/types';

export function Waterfall({ parts, total }: { parts: Contribution[]; total: number }) {
  const rows: Array<{ label: string; from: number; to: number; detail?: string | null; source: string }> = [];
  let run = 0;
  for (const p of parts) {
    rows.push({ label: p.label, from: run, to: run + p.points, detail: p.detail, source: p.source });
    run += p.points;
  }
  const max = Math.max(100, run, total, ...rows.map((r) => Math.max(r.from, r.to)));
  const W = 520;
  const x = (v: number) => (Math.max(0, v) / max) * W;
  return (
    <div className="waterfall" data-testid="waterfall">
      {rows.length === 0 ? <p className="muted">No contributions: nothing counted towards this score.</p> : null}
      <table>
        <tbody>
          {rows.map((r, i) => {
            const up = r.to >= r.from;
            return (
              <tr key={i} title={r.detail ?? r.source}>
                <td className="wf-label">
                  {r.label}
                  <div className="muted small">{r.source}</div>
                </td>
                <td className="wf-points">{up ? '+' : ''}{Math.round((r.to - r.from) * 10) / 10}</td>
                <td className="wf-bar">
                  <svg viewBox={`0 0 ${W} 14`} preserveAspectRatio="none" width="100%" height={14} role="img" aria-label={`${r.label}: ${r.from.toFixed(1)} to ${r.to.toFixed(1)}`}>
                    <rect x={0} y={6} width={W} height={2} fill="#eee" />
                    <rect x={x(Math.min(r.from, r.to))} y={1} width={Math.max(1, Math.abs(x(r.to) - x(r.from)))} height={12} className={up ? 'wf-up' : 'wf-down'} />
                  </svg>
                </td>
              </tr>
            );
          })}
          <tr className="wf-total">
            <td className="wf-label">Score</td>
            <td className="wf-points">{Math.round(total)}</td>
            <td className="wf-bar">
              <svg viewBox={`0 0 ${W} 14`} preserveAspectRatio="none" width="100%" height={14}>
                <rect x={0} y={1} width={Math.max(1, x(total))} height={12} className="wf-final" />
              </svg>
            </td>
          </tr>
        </tbody>
      </table>
      {Math.abs(run - total) > 0.5 && rows.length ? <p className="muted small">The parts add up to {run.toFixed(1)}; the score is capped to {Math.round(total)}.</p> : null}
    </div>
  );
}
