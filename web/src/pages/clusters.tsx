import { enc } from '../api/client';
import type { ClusterDetail, ClusterRow, Page } from '../api/types';
import { Empty, ErrorNote, Level, Link, Loading, Section, When } from '../components/common';
import { ForceGraph } from '../components/force-graph';
import { Waterfall } from '../components/waterfall';
import { useResource } from '../stores/resource';
import { api } from '../api/client';
import { navigate } from '../stores/router';
import { useCan } from '../stores/session';
import type { CaseRow } from '../api/types';
import { useState } from 'react';

export function ClustersPage() {
  const { data, error } = useResource<Page<ClusterRow>>('/api/clusters?limit=200');
  if (error) return <ErrorNote error={error} />;
  if (!data) return <Loading />;
  return (
    <Section title={`Clusters (${data.total})`}>
      {data.rows.length === 0 ? <Empty>No clusters: no group of people shares enough to be linked.</Empty> : null}
      <table>
        <thead>
          <tr>
            <th>Risk</th>
            <th>Cluster</th>
            <th>People</th>
            <th>Why</th>
            <th>Hubs</th>
          </tr>
        </thead>
        <tbody>
          {data.rows.map((c) => (
            <tr key={c.id}>
              <td>
                <Level level={c.risk_level} score={c.risk_score} />
              </td>
              <td>
                <Link to={`/clusters/${enc(c.id)}`}>{c.id}</Link>
              </td>
              <td className="num">{c.size}</td>
              <td className="small">{c.reasons.slice(0, 3).join('; ')}</td>
              <td className="small">{c.hubs.map((h) => `${h.type.replace(/_/g, ' ')} ×${h.members}`).join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}

export function ClusterPage({ id }: { id: string }) {
  const { data, error } = useResource<ClusterDetail>(`/api/clusters/${enc(id)}`);
  const canWork = useCan('analyst');
  const [err, setErr] = useState<string | null>(null);
  if (error) return <ErrorNote error={error} />;
  if (!data) return <Loading />;
  const c = data.cluster;
  const active = data.cases.find((x) => x.status !== 'closed');
  const open = async () => {
    try {
      const created = await api.post<CaseRow>('/api/cases', { subject_type: 'cluster', subject_id: c.id });
      navigate(`/cases/${enc(created.id)}`);
    } catch (e) {
      setErr((e as Error).message);
    }
  };
  return (
    <div>
      <header className="page-head">
        <div>
          <h1>Cluster {c.id}</h1>
          <p className="muted">
            {c.size} people · <Link to={`/people?cluster=${enc(c.id)}`}>list them</Link>
          </p>
        </div>
        <div className="head-actions">
          <Level level={c.risk_level} score={c.risk_score} />
          {active ? (
            <Link className="button" to={`/cases/${enc(active.id)}`}>
              Open case: {active.title}
            </Link>
          ) : canWork ? (
            <button type="button" onClick={open}>
              Open a case
            </button>
          ) : null}
        </div>
      </header>
      <ErrorNote error={err} />
      <Section title="Graph">
        <ForceGraph nodes={data.nodes} edges={data.edges} />
      </Section>
      <div className="grid">
        <Section title="Why these people belong together">
          <ul>
            {c.reasons.map((r, i) => (
              <li key={i}>{r}</li>
            ))}
          </ul>
          {c.hubs.length ? (
            <>
              <h3>Hubs</h3>
              <ul>
                {c.hubs.map((h, i) => (
                  <li key={i}>
                    {h.type.replace(/_/g, ' ')} <span className="mono">{h.value}</span>: {h.members} people
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </Section>
        <Section title="Score and explanation">
          <Waterfall parts={c.explanation} total={c.risk_score} />
        </Section>
      </div>
      <Section title="Cases">
        {data.cases.length === 0 ? <Empty>No case yet.</Empty> : null}
        <ul>
          {data.cases.map((x) => (
            <li key={x.id}>
              <Link to={`/cases/${enc(x.id)}`}>{x.title}</Link> <span className="muted small">{x.status}{x.resolution ? ` · ${x.resolution}` : ''} · <When at={x.updated_at} /></span>
            </li>
          ))}
        </ul>
      </Section>
    </div>
  );
}
