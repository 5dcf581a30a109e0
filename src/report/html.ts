/**
 * The HTML report (`unmask scan DIR --html FILE`): one self-contained file (no scripts, no
 * external resources) a person can read and forward: the ranked clusters and people, each with its
 * reasons, evidence and the waterfall of its score, and the credits the data's licenses ask for.
 * Everything shown is escaped; secrets only ever appear masked, as the scan document has them.
 */
import type { ReportCluster, ReportPerson, ScanDocument } from './json.js';
import type { Contribution } from '../score/waterfall.js';

const esc = (s: unknown): string =>
  String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const LEVEL_COLORS: Record<string, string> = { low: '#5b7f5b', medium: '#b98b00', high: '#c5561b', critical: '#b3121b' };

function badge(level: string, score: number): string {
  return `<span class="badge" style="background:${LEVEL_COLORS[level] ?? '#666'}">${esc(level)} ${esc(score)}</span>`;
}

function waterfall(rows: Contribution[], total: number): string {
  if (!rows.length) return '<p class="muted">Nothing found: the score is 0.</p>';
  let running = 0;
  const lines = rows.map((r) => {
    const from = running;
    running += r.points;
    return `<tr><td class="num">+${esc(r.points)}</td><td><div class="bar"><span style="margin-left:${from}%;width:${r.points}%"></span></div></td><td>${esc(r.label)}<div class="muted small">${esc(r.source)}${r.detail ? ` — ${esc(r.detail)}` : ''}</div></td></tr>`;
  });
  return `<table class="waterfall"><tbody>${lines.join('')}<tr class="total"><td class="num">=${esc(total)}</td><td></td><td>score</td></tr></tbody></table>`;
}

function clusterSection(c: ReportCluster, names: Map<string, string>): string {
  const members = c.person_ids.map((p) => `<a href="#p-${esc(p)}">${esc(p)}</a>${names.has(p) ? ` (${esc(names.get(p))})` : ''}`).join(', ');
  const hubs = c.hubs.length ? `<p><b>Hubs:</b> ${c.hubs.map((h) => `${esc(h.type)} <code>${esc(h.value)}</code> (${esc(h.members)} members)`).join('; ')}</p>` : '';
  return `<section class="card" id="c-${esc(c.cluster_id)}">
<h3>${badge(c.risk_level, c.risk_score)} Cluster ${esc(c.cluster_id)} — ${esc(c.person_ids.length)} people</h3>
<ul>${c.reasons.map((r) => `<li>${esc(r)}</li>`).join('')}</ul>
${hubs}<p><b>Members:</b> ${members}</p>
<details><summary>Why this score</summary>${waterfall(c.explanation.filter((e) => e.points > 0), c.risk_score)}${zeroRows(c.explanation)}</details>
</section>`;
}

function zeroRows(rows: Contribution[]): string {
  const z = rows.filter((r) => r.points === 0);
  if (!z.length) return '';
  return `<p class="muted small">Considered, adding nothing:</p><ul class="muted small">${z.map((r) => `<li>${esc(r.label)}${r.detail ? ` — ${esc(r.detail)}` : ''}</li>`).join('')}</ul>`;
}

function personSection(p: ReportPerson): string {
  const findings = p.findings.length
    ? `<table class="findings"><thead><tr><th>severity</th><th>rule</th><th>what</th></tr></thead><tbody>${p.findings
        .map(
          (f) =>
            `<tr${f.suppressed ? ' class="suppressed"' : ''}><td>${esc(f.severity)}</td><td><code>${esc(f.rule_id)}</code></td><td>${esc(f.summary)}${
              f.suppressed ? `<div class="small">judged benign by ${esc(f.suppressed.decided_by)} on ${esc(f.suppressed.decided_at.slice(0, 10))}: ${esc(f.suppressed.reason)}</div>` : ''
            }<details><summary class="small">evidence</summary><pre>${esc(JSON.stringify(f.evidence, null, 2))}</pre></details></td></tr>`,
        )
        .join('')}</tbody></table>`
    : '<p class="muted">No findings.</p>';
  return `<section class="card" id="p-${esc(p.person_id)}">
<h3>${badge(p.risk_level, p.risk_score)} ${esc(p.person_id)} — ${esc(p.full_name)} <span class="muted small">(${esc(p.kind)}${p.records.length > 1 ? `; records ${esc(p.records.join(', '))}` : ''})</span></h3>
${p.cluster_id ? `<p>In cluster <a href="#c-${esc(p.cluster_id)}">${esc(p.cluster_id)}</a></p>` : ''}
${findings}
<details><summary>Why this score</summary>${waterfall(p.explanation.filter((e) => e.points > 0), p.risk_score)}${zeroRows(p.explanation)}</details>
</section>`;
}

export interface HtmlOptions {
  /** At most this many people in detail (all medium and above are always shown). */
  maxPeople?: number;
}

export function renderHtml(doc: ScanDocument, opts: HtmlOptions = {}): string {
  const max = opts.maxPeople ?? 200;
  const names = new Map(doc.people.map((p) => [p.person_id, p.full_name]));
  const shown = doc.people.filter((p, i) => p.risk_level !== 'low' || (i < max && (p.risk_score > 0 || p.findings.length > 0)));
  const hidden = doc.people.length - shown.length;
  const s = doc.summary;
  const ranked = shown
    .map((p, i) => `<tr><td class="num">${i + 1}</td><td>${badge(p.risk_level, p.risk_score)}</td><td><a href="#p-${esc(p.person_id)}">${esc(p.person_id)}</a></td><td>${esc(p.full_name)}</td><td>${esc(p.kind)}</td><td>${p.cluster_id ? `<a href="#c-${esc(p.cluster_id)}">${esc(p.cluster_id)}</a>` : ''}</td><td class="num">${p.findings.filter((f) => !f.suppressed).length}</td></tr>`)
    .join('');
  const credits = doc.data_sources.map((d) => `<li>${esc(d.attribution)} — ${esc(d.license)}${d.version ? `; version ${esc(d.version)}` : ''}${d.date ? `; data of ${esc(d.date)}` : ''}</li>`).join('');
  const ruleSources = doc.rules.map((r) => `<li><code>${esc(r.rule_id)}</code> ${esc(r.title)} (${esc(r.findings)} findings)${r.sources.length ? `<div class="muted small">${r.sources.map(esc).join('; ')}</div>` : ''}</li>`).join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Unmask report — ${esc(doc.generated_at.slice(0, 10))}</title>
<style>
body{font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0 auto;max-width:1100px;padding:1.5rem;color:#1d1d1f}
h1{margin-bottom:.2rem}h2{margin-top:2rem;border-bottom:1px solid #ddd}h3{margin:.2rem 0 .6rem}
.muted{color:#666}.small{font-size:12px}.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.badge{color:#fff;border-radius:3px;padding:1px 6px;font-size:12px;text-transform:uppercase;white-space:nowrap}
.card{border:1px solid #ddd;border-radius:6px;padding:.6rem 1rem;margin:.8rem 0}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #eee;padding:4px 6px;vertical-align:top;text-align:left}
.waterfall td:nth-child(2){width:30%}.bar{background:#f0f0f0;height:10px;width:100%}.bar span{display:block;height:10px;background:#c5561b}
.waterfall .total td{font-weight:bold;border-top:2px solid #999}
.suppressed{opacity:.55}pre{background:#f7f7f7;padding:.5rem;overflow:auto;max-height:320px;font-size:12px}
code{font-size:12px}
</style></head><body>
<h1>Unmask report</h1>
<p class="muted">Generated ${esc(doc.generated_at)} by Unmask ${esc(doc.unmask_version)}${doc.scan?.target ? ` from ${esc(doc.scan.target)}` : ''}.
Scores are 0–100; each comes with the list of what contributed and how much. Unmask looks for misrepresentation, never for ethnicity or national origin: a finding is a lead to check, not a verdict.</p>
<p><b>${esc(s.people)}</b> people and candidates (${esc(s.by_level.critical)} critical, ${esc(s.by_level.high)} high, ${esc(s.by_level.medium)} medium, ${esc(s.by_level.low)} low), <b>${esc(s.clusters)}</b> clusters, <b>${esc(s.findings)}</b> findings.</p>
<h2>Clusters</h2>
${doc.clusters.length ? doc.clusters.map((c) => clusterSection(c, names)).join('\n') : '<p class="muted">No clusters.</p>'}
<h2>People, ranked</h2>
<table><thead><tr><th>#</th><th>risk</th><th>id</th><th>name</th><th>kind</th><th>cluster</th><th>findings</th></tr></thead><tbody>${ranked}</tbody></table>
${hidden ? `<p class="muted">${esc(hidden)} more people scored low with nothing found; the JSON document lists everyone.</p>` : ''}
${shown.map(personSection).join('\n')}
<h2>Rules that fired</h2>
<ul>${ruleSources || '<li class="muted">none</li>'}</ul>
<h2>Data sources and credits</h2>
<ul>${credits}</ul>
</body></html>
`;
}
