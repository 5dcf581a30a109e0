import type { RuleRow } from '../api/types';
import { ErrorNote, Link, Loading, Section, Severity, When } from '../components/common';
import { useResource } from '../stores/resource';

export function RulesPage() {
  const { data, error } = useResource<{ rows: RuleRow[] }>('/api/rules');
  if (error) return <ErrorNote error={error} />;
  if (!data) return <Loading />;
  return (
    <Section title={`Rules (${data.rows.length})`}>
      <p className="muted">Every rule with why it matters and how often it fired in the stored findings. Rules look for misrepresentation, never for ethnicity or national origin.</p>
      <table className="rules" data-testid="rules-table">
        <thead>
          <tr>
            <th>Rule</th>
            <th>Severity</th>
            <th>Fired</th>
            <th>Rationale</th>
          </tr>
        </thead>
        <tbody>
          {data.rows.map((r) => (
            <tr key={r.id}>
              <td>
                <strong>{r.title}</strong>
                <div className="mono small muted">{r.id}</div>
                {!r.enabled ? <div className="small muted">{r.in_catalog ? 'disabled' : 'not in the catalog any more'}</div> : null}
              </td>
              <td>
                <Severity severity={r.severity} />
              </td>
              <td className="num">
                {r.findings ? <Link to={`/people?rule=${encodeURIComponent(r.id)}`}>{r.findings.toLocaleString()}</Link> : 0}
                <div className="small muted">{r.subjects ? `${r.subjects} subjects` : ''}</div>
                {r.last_fired ? <div className="small muted"><When at={r.last_fired} /></div> : null}
              </td>
              <td className="small">
                <p>{r.description}</p>
                <details>
                  <summary>Why, and false positives</summary>
                  <p>{r.rationale}</p>
                  {r.false_positives.length ? <p><strong>Benign look-alikes:</strong> {r.false_positives.join('; ')}</p> : null}
                  {r.data_needed.length ? <p><strong>Needs:</strong> {r.data_needed.join(', ')}</p> : null}
                  {r.attack.length ? <p><strong>ATT&amp;CK:</strong> {r.attack.join(', ')}</p> : null}
                  {r.sources.length ? (
                    <ul>
                      {r.sources.map((s) => (
                        <li key={s}>{s}</li>
                      ))}
                    </ul>
                  ) : null}
                </details>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}
