/** One person: why they score as they do, shown on the data, and what has been decided about them. */
import { useState } from 'react';
import { api, enc } from '../api/client';
import type { CaseRow, PersonDetail } from '../api/types';
import { Empty, ErrorNote, Evidence, Level, Link, Loading, Section, Severity, When } from '../components/common';
import { SigninTimeline } from '../components/signin-timeline';
import { Waterfall } from '../components/waterfall';
import { WorldMap } from '../components/world-map';
import { useResource } from '../stores/resource';
import { navigate } from '../stores/router';
import { useCan } from '../stores/session';

export function PersonPage({ id }: { id: string }) {
  const { data, error } = useResource<PersonDetail>(`/api/people/${enc(id)}`);
  const canWork = useCan('analyst');
  const [opening, setOpening] = useState<string | null>(null);
  if (error) return <ErrorNote error={error} />;
  if (!data) return <Loading />;
  const p = data.person;
  const activeCase = data.cases.find((c) => c.status !== 'closed');
  const openCase = async () => {
    try {
      const c = await api.post<CaseRow>('/api/cases', { subject_type: 'person', subject_id: p.id });
      navigate(`/cases/${enc(c.id)}`);
    } catch (e) {
      setOpening((e as Error).message);
    }
  };

  return (
    <div className="person">
      <header className="page-head">
        <div>
          <h1>{p.full_name}</h1>
          <p className="muted">
            {p.kind} {p.source_id}
            {p.title ? ` · ${p.title}` : ''}
            {p.department ? ` · ${p.department}` : ''}
            {p.agency ? ` · via ${p.agency}` : ''}
            {p.hire_date ? ` · hired ${p.hire_date}` : ''}
          </p>
        </div>
        <div className="head-actions">
          <span className="big-score" data-testid="person-score" data-score={data.score?.score ?? ''}>
            <Level level={data.score?.level ?? null} score={data.score?.score ?? null} />
          </span>
          {activeCase ? (
            <Link to={`/cases/${enc(activeCase.id)}`} className="button">
              Open case: {activeCase.title}
            </Link>
          ) : canWork ? (
            <button type="button" onClick={openCase}>
              Open a case
            </button>
          ) : null}
        </div>
      </header>
      <ErrorNote error={opening} />

      <div className="grid">
        <Section title="Score and explanation">{data.score ? <Waterfall parts={data.score.explanation} total={data.score.score} /> : <Empty>Not scored yet.</Empty>}</Section>
        <Section title="On file">
          <dl className="facts">
            <dt>Work email</dt>
            <dd>{p.work_email ?? '—'}</dd>
            <dt>Personal email</dt>
            <dd>{p.personal_email ?? '—'}</dd>
            <dt>Phone</dt>
            <dd>{p.phone ?? '—'}</dd>
            <dt>Home</dt>
            <dd>{[p.home.street, p.home.city, p.home.region, p.home.postal_code, p.home.country].filter(Boolean).join(', ') || '—'}</dd>
            <dt>Time zone</dt>
            <dd>{p.timezone ?? '—'}</dd>
            {p.interview_flags.length ? (
              <>
                <dt>Interview flags</dt>
                <dd>{p.interview_flags.join(', ')}</dd>
              </>
            ) : null}
            {data.cluster ? (
              <>
                <dt>Cluster</dt>
                <dd>
                  <Link to={`/clusters/${enc(data.cluster.id)}`}>
                    {data.cluster.id} ({data.cluster.size} people)
                  </Link>{' '}
                  <Level level={data.cluster.risk_level} score={data.cluster.risk_score} />
                </dd>
              </>
            ) : null}
          </dl>
        </Section>
      </div>

      <Section title={`Findings (${data.findings.length})`} id="findings">
        {data.findings.length === 0 ? <Empty>No rule fired on this person or their devices.</Empty> : null}
        <ul className="findings" data-testid="findings">
          {data.findings.map((f) => (
            <li key={f.id} className="finding">
              <details>
                <summary>
                  <Severity severity={f.severity} /> <strong>{f.summary}</strong> <span className="muted small mono">{f.rule_id}</span>
                  {f.subject_type === 'device' ? <span className="muted small"> · device {f.subject_id}</span> : null}
                </summary>
                <div className="finding-body">
                  {f.rule_title ? <p className="muted">{f.rule_title}</p> : null}
                  <p className="muted small">
                    seen <When at={f.first_seen} /> – <When at={f.last_seen} />
                  </p>
                  <Evidence value={f.evidence} />
                </div>
              </details>
            </li>
          ))}
        </ul>
      </Section>

      <Section title="Sign-ins, home and shipping addresses">
        <p className="muted">
          {data.signins.total.toLocaleString()} sign-ins ({data.signins.failures} failed) from {data.signins.ips.length} addresses in {data.signins.countries.map((c) => `${c.country} (${c.n})`).join(', ') || 'no known country'}
          {data.signins.first ? (
            <>
              , <When at={data.signins.first} /> to <When at={data.signins.last} />
            </>
          ) : null}
          .
        </p>
        <WorldMap detail={data} />
        <SigninTimeline recent={data.signins.recent} />
        <details>
          <summary>Sign-in addresses ({data.signins.ips.length})</summary>
          <table>
            <thead>
              <tr>
                <th>IP</th>
                <th>Place</th>
                <th>Network</th>
                <th>Class</th>
                <th>Sign-ins</th>
                <th>Last</th>
              </tr>
            </thead>
            <tbody>
              {data.signins.ips.map((i) => (
                <tr key={i.ip ?? 'none'}>
                  <td className="mono">{i.ip ?? '—'}</td>
                  <td>{[i.city, i.country].filter(Boolean).join(', ')}</td>
                  <td className="small">{i.asn ? `AS${i.asn} ${i.as_org ?? ''}` : ''}</td>
                  <td>{i.class ?? ''}{i.provider ? ` (${i.provider})` : ''}</td>
                  <td className="num">{i.n}{i.failures ? ` (${i.failures} failed)` : ''}</td>
                  <td>
                    <When at={i.last} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
        {data.shipments.length ? (
          <table>
            <thead>
              <tr>
                <th>Shipped</th>
                <th>Device</th>
                <th>To</th>
                <th>Status</th>
              </tr>
            </thead>
            <tbody>
              {data.shipments.map((s) => (
                <tr key={s.id}>
                  <td>
                    <When at={s.shipped_at} />
                  </td>
                  <td className="mono">{s.device_serial ?? s.asset_tag ?? ''}</td>
                  <td>
                    {[s.street, s.city, s.region, s.postal_code, s.country].filter(Boolean).join(', ')}
                    {s.mail_service ? <strong> · {s.mail_service}</strong> : null}
                  </td>
                  <td>{s.status ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </Section>

      <div className="grid">
        <Section title="Devices">
          {data.devices.length === 0 ? <Empty>No devices on record.</Empty> : null}
          {data.devices.map((d) => (
            <div key={d.serial} className="device">
              <h3>
                {d.hostname ?? d.serial} <span className="muted small">{d.platform ?? ''} · serial {d.serial}{d.assigned_to_person ? '' : ' · shipped to them'}</span>
              </h3>
              <p>
                <strong>Remote-access tools:</strong> {d.remote_access.length ? d.remote_access.map((t) => `${t.name} (${t.seen_as}, ${t.table})`).join('; ') : <span className="muted">none seen</span>}
              </p>
              <p>
                <strong>USB devices:</strong>{' '}
                {d.usb.length ? d.usb.map((u) => `${u.vendor ?? '?'} ${u.model ?? ''} [${u.vendor_id ?? '?'}:${u.model_id ?? '?'}]`).join('; ') : <span className="muted">none seen</span>}
              </p>
            </div>
          ))}
        </Section>
        <Section title="Pay destinations">
          {data.pay_accounts.length === 0 ? <Empty>None on record.</Empty> : null}
          <table>
            <tbody>
              {data.pay_accounts.map((a) => (
                <tr key={a.id}>
                  <td>{a.effective_date}</td>
                  <td>{a.method.replace('_', ' ')}</td>
                  <td>
                    {a.bank_name ?? ''} {a.bank_country ? `(${a.bank_country})` : ''}
                  </td>
                  <td className="mono">{a.account ?? a.iban ?? a.wallet ?? '—'}</td>
                  <td className="small">{a.account_holder ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted small">Account numbers are kept only as keyed hashes; the last four characters are shown.</p>
        </Section>
      </div>

      <div className="grid">
        <Section title={`Linked people (${data.linked.length})`}>
          {data.linked.length === 0 ? <Empty>No links to other people.</Empty> : null}
          <ul className="toplist">
            {data.linked.map((l) => (
              <li key={l.id + l.link_kind}>
                <Link to={`/people/${enc(l.id)}`}>{l.full_name}</Link> <Level level={l.level} score={l.score} /> <span className="muted small">{l.link_kind} · strength {l.link_score.toFixed(2)} · {l.reasons.join('; ')}</span>
              </li>
            ))}
          </ul>
        </Section>
        <Section title="Identifiers">
          <table>
            <tbody>
              {data.identifiers.map((i, n) => (
                <tr key={n}>
                  <td>{i.type.replace(/_/g, ' ')}</td>
                  <td className="mono small">{i.value}</td>
                  <td className="small">{i.shared_with ? <strong>shared with {i.shared_with} other(s)</strong> : <span className="muted">only them</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Section>
      </div>

      <Section title="Cases">
        {data.cases.length === 0 ? <Empty>No case yet.</Empty> : null}
        <ul className="toplist">
          {data.cases.map((c) => (
            <li key={c.id}>
              <Link to={`/cases/${enc(c.id)}`}>{c.title}</Link> <span className="muted small">{c.status}{c.resolution ? ` · ${c.resolution}` : ''} · <When at={c.updated_at} /></span>
            </li>
          ))}
        </ul>
      </Section>
    </div>
  );
}
