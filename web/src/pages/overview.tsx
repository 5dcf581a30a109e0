import type { Overview } from '../api/types';
import { enc } from '../api/client';
import { Empty, ErrorNote, Level, Link, Loading, Section, When } from '../components/common';
import { useResource } from '../stores/resource';

const LEVELS = ['critical', 'high', 'medium', 'low', 'unscored'];

export function OverviewPage() {
  const { data, error } = useResource<Overview>('/api/overview');
  if (error) return <ErrorNote error={error} />;
  if (!data) return <Loading />;
  const max = Math.max(1, ...LEVELS.map((l) => data.people.levels[l] ?? 0));
  return (
    <div className="grid">
      <Section title="People by risk level">
        <p className="muted">{data.people.total.toLocaleString()} people: {Object.entries(data.people.kinds).map(([k, n]) => `${n.toLocaleString()} ${k}s`).join(', ')}</p>
        <table className="bars">
          <tbody>
            {LEVELS.map((l) => (
              <tr key={l}>
                <td>
                  <Link to={`/people?level=${l}`}>
                    <Level level={l} />
                  </Link>
                </td>
                <td className="num">{(data.people.levels[l] ?? 0).toLocaleString()}</td>
                <td>
                  <div className={`bar level-bg-${l}`} style={{ width: `${(100 * (data.people.levels[l] ?? 0)) / max}%` }} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
      <Section title="Riskiest people">
        {data.top_people.length === 0 ? <Empty>No scores yet: run a scan.</Empty> : null}
        <ol className="toplist">
          {data.top_people.map((p) => (
            <li key={p.id}>
              <Link to={`/people/${enc(p.id)}`}>{p.full_name}</Link> <Level level={p.level} score={p.score} /> <span className="muted small">{p.rules.slice(0, 3).join(', ')}</span>
            </li>
          ))}
        </ol>
      </Section>
      <Section title="Riskiest clusters" actions={<Link to="/clusters">all clusters</Link>}>
        {data.top_clusters.length === 0 ? <Empty>No clusters.</Empty> : null}
        <ol className="toplist">
          {data.top_clusters.map((c) => (
            <li key={c.id}>
              <Link to={`/clusters/${enc(c.id)}`}>Cluster {c.id}</Link> <Level level={c.risk_level} score={c.risk_score} /> <span className="muted small">{c.size} people · {c.reasons.slice(0, 2).join('; ')}</span>
            </li>
          ))}
        </ol>
      </Section>
      <Section title="Open cases" actions={<Link to="/cases">all cases</Link>}>
        <p className="muted">{Object.entries(data.cases.by_status).map(([s, n]) => `${n} ${s.replace('_', ' ')}`).join(' · ') || 'No cases yet.'}</p>
        <ul className="toplist">
          {data.cases.open.map((c) => (
            <li key={c.id}>
              <Link to={`/cases/${enc(c.id)}`}>{c.title}</Link> <span className="muted small">{c.status.replace('_', ' ')} · {c.assignee ?? 'unassigned'}</span>
            </li>
          ))}
        </ul>
      </Section>
      <Section title="Data freshness" actions={<Link to="/data">data</Link>}>
        <p className="muted">Last scan: {data.last_scan ? <When at={data.last_scan.finished_at ?? data.last_scan.started_at} /> : 'never'}</p>
        <table>
          <thead>
            <tr>
              <th>Source</th>
              <th>Files</th>
              <th>Records</th>
              <th>Rejected</th>
              <th>Last ingest</th>
            </tr>
          </thead>
          <tbody>
            {data.sources.map((s) => (
              <tr key={s.source}>
                <td>{s.source}</td>
                <td className="num">{s.files}</td>
                <td className="num">{s.accepted.toLocaleString()}</td>
                <td className="num">{s.rejected.toLocaleString()}</td>
                <td>
                  <When at={s.last_ingest} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
    </div>
  );
}
