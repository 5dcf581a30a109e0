import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import type { Me } from '../api/types';
import { signedIn, signIn } from '../stores/session';
import { navigate, useQuery } from '../stores/router';
import { ErrorNote } from '../components/common';
import { useResource } from '../stores/resource';

export function LoginPage() {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(username, password);
      if (location.pathname === '/login') navigate('/', { replace: true });
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <main className="auth">
      <form onSubmit={submit} className="card auth-card" aria-label="Sign in">
        <h1>Unmask</h1>
        <label>
          User name
          <input name="username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required autoFocus />
        </label>
        <label>
          Password
          <input name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
        </label>
        <ErrorNote error={error} />
        <button type="submit" disabled={busy}>
          Sign in
        </button>
      </form>
    </main>
  );
}

/** The page the one-time setup link opens: create the first admin. */
export function SetupPage() {
  const token = useQuery().get('token') ?? '';
  const status = useResource<{ needed: boolean; token_valid: boolean }>(`/api/setup/status?token=${encodeURIComponent(token)}`);
  const [username, setUsername] = useState('admin');
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (password !== again) return setError('the passwords differ');
    try {
      signedIn(await api.post<Me>('/api/setup', { token, username, password }));
      navigate('/', { replace: true });
    } catch (err) {
      setError((err as Error).message);
    }
  };
  if (status.data && !status.data.needed) {
    return (
      <main className="auth">
        <div className="card auth-card">
          <h1>Setup is done</h1>
          <p>An account exists already. <a href="/login">Sign in</a>.</p>
        </div>
      </main>
    );
  }
  return (
    <main className="auth">
      <form onSubmit={submit} className="card auth-card" aria-label="Create the first admin">
        <h1>Create the first admin</h1>
        {status.data && !status.data.token_valid ? <p className="error">This setup link is unknown, used or expired. Restart `unmask serve` for a new one.</p> : null}
        <label>
          User name
          <input value={username} onChange={(e) => setUsername(e.target.value)} required />
        </label>
        <label>
          Password (at least 10 characters)
          <input type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
        </label>
        <label>
          Again
          <input type="password" autoComplete="new-password" value={again} onChange={(e) => setAgain(e.target.value)} required />
        </label>
        <ErrorNote error={error} />
        <button type="submit">Create and sign in</button>
      </form>
    </main>
  );
}
