/** Admin pages: users and the audit trail. */
import { useState, type FormEvent } from 'react';
import { api, enc, qs } from '../api/client';
import type { AuditEntry, Role, UserRow } from '../api/types';
import { ErrorNote, Loading, Section, When } from '../components/common';
import { useResource } from '../stores/resource';

export function UsersPage() {
  const { data, error, reload } = useResource<{ rows: UserRow[] }>('/api/users');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>('analyst');
  const [err, setErr] = useState<string | null>(null);
  const act = async (fn: () => Promise<unknown>) => {
    setErr(null);
    try {
      await fn();
      reload();
    } catch (e) {
      setErr((e as Error).message);
    }
  };
  const add = (e: FormEvent) => {
    e.preventDefault();
    void act(async () => {
      await api.post('/api/users', { username, password, role });
      setUsername('');
      setPassword('');
    });
  };
  if (error) return <ErrorNote error={error} />;
  if (!data) return <Loading />;
  return (
    <div>
      <Section title="Users">
        <ErrorNote error={err} />
        <table>
          <thead>
            <tr>
              <th>User</th>
              <th>Role</th>
              <th>State</th>
              <th>Since</th>
            </tr>
          </thead>
          <tbody>
            {data.rows.map((u) => (
              <tr key={u.id}>
                <td>{u.username}</td>
                <td>
                  <select value={u.role} onChange={(e) => act(() => api.patch(`/api/users/${enc(u.id)}`, { role: e.target.value }))} aria-label={`Role of ${u.username}`}>
                    <option value="viewer">viewer</option>
                    <option value="analyst">analyst</option>
                    <option value="admin">admin</option>
                  </select>
                </td>
                <td>
                  <button type="button" onClick={() => act(() => api.patch(`/api/users/${enc(u.id)}`, { disabled: !u.disabled }))}>
                    {u.disabled ? 'disabled: enable' : 'active: disable'}
                  </button>
                </td>
                <td>
                  <When at={u.created_at} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
      <Section title="Add a user">
        <form onSubmit={add} className="inline-form">
          <input placeholder="user name" value={username} onChange={(e) => setUsername(e.target.value)} required aria-label="User name" />
          <input placeholder="password (10+ characters)" type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} required aria-label="Password" />
          <select value={role} onChange={(e) => setRole(e.target.value as Role)} aria-label="Role">
            <option value="viewer">viewer: reads, personal data masked</option>
            <option value="analyst">analyst: cases, feedback, scans</option>
            <option value="admin">admin: also users and configuration</option>
          </select>
          <button type="submit">Add</button>
        </form>
      </Section>
    </div>
  );
}

export function AuditPage() {
  const [actor, setActor] = useState('');
  const [action, setAction] = useState('');
  const [before, setBefore] = useState<string | undefined>(undefined);
  const { data, error } = useResource<{ rows: AuditEntry[] }>(`/api/audit${qs({ actor, action, before, limit: 100 })}`);
  return (
    <Section title="Audit trail">
      <p className="muted">Who viewed which person and who changed what. Append-only: the database refuses changes to it.</p>
      <div className="filters">
        <input placeholder="actor" value={actor} onChange={(e) => setActor(e.target.value)} aria-label="Actor" />
        <select value={action} onChange={(e) => setAction(e.target.value)} aria-label="Action">
          <option value="">all actions</option>
          {['person.view', 'cluster.view', 'case.open', 'case.update', 'case.note', 'case.close', 'feedback.add', 'user.create', 'user.update', 'config.view', 'config.update', 'auth.login', 'auth.login_failed', 'auth.logout', 'scan.start', 'ingest.start', 'setup.complete'].map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
      </div>
      <ErrorNote error={error} />
      <table className="small" data-testid="audit-table">
        <thead>
          <tr>
            <th>When</th>
            <th>Who</th>
            <th>What</th>
            <th>Subject</th>
            <th>Detail</th>
          </tr>
        </thead>
        <tbody>
          {(data?.rows ?? []).map((r) => (
            <tr key={r.id}>
              <td>
                <When at={r.at} />
              </td>
              <td>{r.actor}</td>
              <td>{r.action}</td>
              <td className="mono">{r.subject_type ? `${r.subject_type} ${r.subject_id}` : ''}</td>
              <td className="mono raw">{JSON.stringify(r.detail)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {data && data.rows.length === 100 ? (
        <button type="button" onClick={() => setBefore(data.rows[data.rows.length - 1]!.id)}>
          older →
        </button>
      ) : null}
    </Section>
  );
}
