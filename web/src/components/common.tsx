/** Small shared pieces: links, level badges, dates, sections, loading and error states. */
import type { MouseEvent, ReactNode } from 'react';
import { navigate } from '../stores/router';

export function Link({ to, children, className, title }: { to: string; children: ReactNode; className?: string; title?: string }) {
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    navigate(to);
  };
  return (
    <a href={to} onClick={onClick} className={className} title={title}>
      {children}
    </a>
  );
}

export function Level({ level, score }: { level: string | null; score?: number | null }) {
  const l = level ?? 'unscored';
  return (
    <span className={`level level-${l}`} data-level={l}>
      {score !== undefined && score !== null ? `${Math.round(score)} · ` : ''}
      {l}
    </span>
  );
}

export function Severity({ severity }: { severity: string }) {
  return <span className={`sev sev-${severity}`}>{severity}</span>;
}

export function When({ at }: { at: string | null | undefined }) {
  if (!at) return <span className="muted">—</span>;
  const d = new Date(at);
  return <time dateTime={at} title={at}>{Number.isNaN(d.getTime()) ? at : d.toISOString().slice(0, 16).replace('T', ' ')}</time>;
}

export function Section({ title, children, id, actions }: { title: string; children: ReactNode; id?: string; actions?: ReactNode }) {
  return (
    <section className="card" id={id} aria-label={title}>
      <header className="card-head">
        <h2>{title}</h2>
        {actions}
      </header>
      {children}
    </section>
  );
}

export function Loading() {
  return <p className="muted">Loading…</p>;
}

export function ErrorNote({ error }: { error: string | null }) {
  return error ? <p className="error" role="alert">{error}</p> : null;
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="muted">{children}</p>;
}

/** Evidence as a rule recorded it: a compact key/value view of a JSON object. */
export function Evidence({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <span className="muted">—</span>;
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v !== 'object' || v === null)) return <span>{value.map(String).join(', ')}</span>;
    return (
      <ol className="ev-list">
        {value.slice(0, 50).map((v, i) => (
          <li key={i}>
            <Evidence value={v} />
          </li>
        ))}
        {value.length > 50 ? <li className="muted">… {value.length - 50} more</li> : null}
      </ol>
    );
  }
  if (typeof value === 'object') {
    return (
      <dl className="ev">
        {Object.entries(value as Record<string, unknown>).map(([k, v]) => (
          <div key={k}>
            <dt>{k.replace(/_/g, ' ')}</dt>
            <dd>
              <Evidence value={v} />
            </dd>
          </div>
        ))}
      </dl>
    );
  }
  return <span>{String(value)}</span>;
}
