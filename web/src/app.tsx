/** The shell: navigation by role, the signed-in user, and the page for the current URL. */
import { useEffect, type ReactNode } from 'react';
import { Link } from './components/common';
import { AuditPage, UsersPage } from './pages/admin';
import { CasePage, CasesPage } from './pages/cases';
import { ClusterPage, ClustersPage } from './pages/clusters';
import { DataPage } from './pages/data';
import { LoginPage, SetupPage } from './pages/login';
import { OverviewPage } from './pages/overview';
import { PeoplePage } from './pages/people';
import { PersonPage } from './pages/person';
import { RulesPage } from './pages/rules';
import { match, useLocation } from './stores/router';
import { loadSession, signOut, useCan, useSession } from './stores/session';

function route(path: string): ReactNode {
  let m: Record<string, string> | null;
  if (path === '/' || path === '') return <OverviewPage />;
  if (path === '/people') return <PeoplePage />;
  if ((m = match('/people/:id', path))) return <PersonPage key={m.id} id={m.id!} />;
  if (path === '/clusters') return <ClustersPage />;
  if ((m = match('/clusters/:id', path))) return <ClusterPage key={m.id} id={m.id!} />;
  if (path === '/cases') return <CasesPage />;
  if ((m = match('/cases/:id', path))) return <CasePage key={m.id} id={m.id!} />;
  if (path === '/rules') return <RulesPage />;
  if (path === '/data') return <DataPage />;
  if (path === '/users') return <UsersPage />;
  if (path === '/audit') return <AuditPage />;
  return <p>No page here. <Link to="/">Overview</Link></p>;
}

export function App() {
  const session = useSession();
  const { path } = useLocation();
  const isAdmin = useCan('admin');
  useEffect(() => {
    void loadSession();
  }, []);

  if (path === '/setup') return <SetupPage />;
  if (session.status === 'loading') return <p className="muted">Loading…</p>;
  if (session.status === 'anonymous') return <LoginPage />;

  const nav = [
    ['/', 'Overview'],
    ['/people', 'People'],
    ['/clusters', 'Clusters'],
    ['/cases', 'Cases'],
    ['/rules', 'Rules'],
    ['/data', 'Data'],
    ...(isAdmin ? [['/users', 'Users'], ['/audit', 'Audit']] : []),
  ];
  const active = (to: string) => (to === '/' ? path === '/' : path === to || path.startsWith(`${to}/`));
  return (
    <div className="shell">
      <nav className="top" aria-label="Main">
        <span className="brand">Unmask</span>
        {nav.map(([to, label]) => (
          <Link key={to} to={to!} className={active(to!) ? 'active' : ''}>
            {label}
          </Link>
        ))}
        <span className="spacer" />
        <span className="who" data-testid="who">
          {session.me.user.username} · {session.me.user.role}
          {session.me.user.role === 'viewer' ? ' (personal data masked)' : ''}
        </span>
        <button type="button" className="linklike" onClick={() => void signOut()}>
          Sign out
        </button>
      </nav>
      <main className="content">{route(path)}</main>
      <footer className="muted small">
        Unmask looks for misrepresentation, never for ethnicity or national origin. IP geolocation: DB-IP (db-ip.com), CC BY 4.0. Country shapes: Natural Earth (public domain).
      </footer>
    </div>
  );
}
