/** Cases: the list, and one case with its notes, attached evidence, assignment and closing. */
import { useState, type FormEvent } from 'react';
import { api, enc, qs } from '../api/client';
import type { Attachment, CaseDetail, CaseRow, Job, Page, PersonDetail } from '../api/types';
import { Empty, ErrorNote, Evidence, Link, Loading, Section, Severity, When } from '../components/common';
import { useResource } from '../stores/resource';
import { navigate, useQuery } from '../stores/router';
import { useCan, useSession } from '../stores/session';

export function CasesPage() {
  const status = useQuery().get('status') ?? 'active';
  const { data, error } = useResource<Page<CaseRow>>(`/api/cases${qs({ status: status === 'all' ? '' : status, limit: 200 })}`);
  return (
    <Section
      title="Cases"
      actions={
        <select value={status} onChange={(e) => navigate(`/cases?status=${e.target.value}`, { replace: true })} aria-label="Status">
          <option value="active">open and in progress</option>
          <option value="closed">closed</option>
          <option value="all">all</option>
        </select>
      }
    >
      <ErrorNote error={error} />
      {data && data.rows.length === 0 ? <Empty>No cases here. Open one from a person or a cluster.</Empty> : null}
      <table>
        <thead>
          <tr>
            <th>Case</th>
            <th>About</th>
            <th>Status</th>
            <th>Assignee</th>
            <th>Updated</th>
          </tr>
        </thead>
        <tbody>
          {(data?.rows ?? []).map((c) => (
            <tr key={c.id}>
              <td>
                <Link to={`/cases/${enc(c.id)}`}>{c.title}</Link>
              </td>
              <td>
                <Link to={c.subject_type === 'person' ? `/people/${enc(c.subject_id)}` : `/clusters/${enc(c.subject_id)}`}>{c.subject_name ?? c.subject_id}</Link>
              </td>
              <td>
                {c.status.replace('_', ' ')}
                {c.resolution ? ` (${c.resolution})` : ''}
              </td>
              <td>{c.assignee ?? <span className="muted">unassigned</span>}</td>
              <td>
                <When at={c.updated_at} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}

async function waitForJob(id: string, onProgress: (j: Job) => void): Promise<Job> {
  for (;;) {
    const job = await api.get<Job>(`/api/jobs/${enc(id)}`);
    onProgress(job);
    if (job.status === 'done' || job.status === 'failed') return job;
    await new Promise((r) => setTimeout(r, 500));
  }
}

export function CasePage({ id }: { id: string }) {
  const { data, error, reload } = useResource<CaseDetail>(`/api/cases/${enc(id)}`);
  const subject = data?.case.subject_type === 'person' ? `/api/people/${enc(data.case.subject_id)}` : null;
  const person = useResource<PersonDetail>(subject);
  const canWork = useCan('analyst');
  const session = useSession();
  const me = session.status === 'signed-in' ? session.me.user.username : '';
  const [note, setNote] = useState('');
  const [attach, setAttach] = useState<Set<string>>(new Set());
  const [resolution, setResolution] = useState<'benign' | 'confirmed'>('benign');
  const [reason, setReason] = useState('');
  const [assignee, setAssignee] = useState('');
  const [err, setErr] = useState<string | null>(null);
  const [job, setJob] = useState<Job | null>(null);

  if (error) return <ErrorNote error={error} />;
  if (!data) return <Loading />;
  const c = data.case;
  const closed = c.status === 'closed';
  const act = async (fn: () => Promise<unknown>) => {
    setErr(null);
    try {
      await fn();
      reload();
    } catch (e) {
      setErr((e as Error).message);
    }
  };
  const addNote = (e: FormEvent) => {
    e.preventDefault();
    const attachments: Attachment[] = [...attach].map((fid) => ({ type: 'finding', id: fid }));
    void act(async () => {
      await api.post(`/api/cases/${enc(id)}/notes`, { body: note, attachments });
      setNote('');
      setAttach(new Set());
    });
  };
  const close = (e: FormEvent) => {
    e.preventDefault();
    void act(async () => {
      const res = await api.post<{ rescore_job: string | null }>(`/api/cases/${enc(id)}/close`, { resolution, reason });
      if (res.rescore_job) await waitForJob(res.rescore_job, setJob);
      person.reload();
    });
  };
  const findings = person.data?.findings ?? [];

  return (
    <div>
      <header className="page-head">
        <div>
          <h1>{c.title}</h1>
          <p className="muted">
            About{' '}
            <Link to={c.subject_type === 'person' ? `/people/${enc(c.subject_id)}` : `/clusters/${enc(c.subject_id)}`} className="subject-link">
              {c.subject_name ?? c.subject_id}
            </Link>{' '}
            · opened by {c.created_by} <When at={c.created_at} />
          </p>
        </div>
        <div className="head-actions">
          <span className={`status status-${c.status}`} data-testid="case-status">
            {c.status.replace('_', ' ')}
            {c.resolution ? `: ${c.resolution}` : ''}
          </span>
          {person.data?.score ? (
            <span className="muted" data-testid="case-subject-score">
              current score {Math.round(person.data.score.score)} ({person.data.score.level})
            </span>
          ) : null}
        </div>
      </header>
      <ErrorNote error={err} />
      {job ? (
        <p className={job.status === 'failed' ? 'error' : 'note'} data-testid="rescore-job" data-status={job.status}>
          Re-scoring: {job.status}
          {job.progress ? ` · ${job.progress}` : ''}
          {job.error ? ` · ${job.error}` : ''}
        </p>
      ) : null}

      {canWork && !closed ? (
        <div className="grid">
          <Section title="Assignment and status">
            <p>
              Assigned to <strong>{c.assignee ?? 'nobody'}</strong>.{' '}
              <button type="button" onClick={() => act(() => api.patch(`/api/cases/${enc(id)}`, { assignee: me }))}>
                Assign to me
              </button>
            </p>
            <form
              onSubmit={(e) => {
                e.preventDefault();
                void act(() => api.patch(`/api/cases/${enc(id)}`, { assignee: assignee || null }));
              }}
            >
              <input placeholder="user name" value={assignee} onChange={(e) => setAssignee(e.target.value)} aria-label="Assignee" /> <button type="submit">Assign</button>
            </form>
            <p>
              {c.status === 'open' ? (
                <button type="button" onClick={() => act(() => api.patch(`/api/cases/${enc(id)}`, { status: 'in_progress' }))}>
                  Mark in progress
                </button>
              ) : (
                <button type="button" onClick={() => act(() => api.patch(`/api/cases/${enc(id)}`, { status: 'open' }))}>
                  Back to open
                </button>
              )}
            </p>
          </Section>
          <Section title="Close the case">
            <form onSubmit={close} aria-label="Close the case">
              <fieldset>
                <label>
                  <input type="radio" name="resolution" value="benign" checked={resolution === 'benign'} onChange={() => setResolution('benign')} /> benign: the evidence has an innocent explanation
                </label>
                <label>
                  <input type="radio" name="resolution" value="confirmed" checked={resolution === 'confirmed'} onChange={() => setResolution('confirmed')} /> confirmed: this is fraud
                </label>
              </fieldset>
              <textarea placeholder="Why (kept with the decision)" value={reason} onChange={(e) => setReason(e.target.value)} required minLength={3} aria-label="Reason" />
              <button type="submit">Close as {resolution}</button>
              <p className="muted small">Closing records the decision as feedback and re-scores: a benign decision stops exactly this evidence from counting until the data changes.</p>
            </form>
          </Section>
        </div>
      ) : null}

      <Section title="Notes">
        {data.notes.length === 0 ? <Empty>No notes yet.</Empty> : null}
        <ol className="notes">
          {data.notes.map((n) => (
            <li key={n.id}>
              <p className="muted small">
                {n.author} · <When at={n.created_at} />
              </p>
              <p className="note-body">{n.body}</p>
              {n.attachments.length ? (
                <ul className="small">
                  {n.attachments.map((a, i) => {
                    const f = data.attached_findings.find((x) => x.id === a.id);
                    return <li key={i}>{f ? <><Severity severity={f.severity} /> {f.summary} <span className="mono muted">{f.rule_id}</span></> : `${a.type} ${a.label ?? a.id}`}</li>;
                  })}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
        {canWork ? (
          <form onSubmit={addNote} className="note-form">
            <textarea placeholder="Add a note" value={note} onChange={(e) => setNote(e.target.value)} required aria-label="Note" />
            {findings.length ? (
              <details>
                <summary>Attach evidence ({attach.size} selected)</summary>
                {findings.map((f) => (
                  <label key={f.id} className="attach">
                    <input
                      type="checkbox"
                      checked={attach.has(f.id)}
                      onChange={() => {
                        const next = new Set(attach);
                        if (next.has(f.id)) next.delete(f.id);
                        else next.add(f.id);
                        setAttach(next);
                      }}
                    />{' '}
                    <Severity severity={f.severity} /> {f.summary}
                  </label>
                ))}
              </details>
            ) : null}
            <button type="submit">Add note</button>
          </form>
        ) : null}
      </Section>
      {data.attached_findings.length ? (
        <Section title="Attached evidence">
          {data.attached_findings.map((f) => (
            <div key={f.id} className="finding">
              <Severity severity={f.severity} /> <strong>{f.summary}</strong>
              <Evidence value={f.evidence} />
            </div>
          ))}
        </Section>
      ) : null}
    </div>
  );
}
