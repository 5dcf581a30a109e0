/** The people table: server-side filters, sort and paging; the URL holds the state (shareable). */
import { useEffect, useState } from 'react';
import { enc, qs } from '../api/client';
import type { Facets, Page, PersonRow } from '../api/types';
import { ErrorNote, Level, Link } from '../components/common';
import { useResource } from '../stores/resource';
import { navigate, useQuery } from '../stores/router';

const PAGE = 50;
const LEVELS = ['critical', 'high', 'medium', 'low', 'unscored'];

export function PeoplePage() {
  const query = useQuery();
  const get = (k: string) => query.get(k) ?? '';
  const params = { q: get('q'), level: get('level'), rule: get('rule'), department: get('department'), kind: get('kind'), cluster: get('cluster'), sort: get('sort') || 'score', order: get('order') || 'desc', offset: Number(get('offset') || 0) };
  const set = (patch: Partial<typeof params>) => navigate(`/people${qs({ ...params, offset: 0, ...patch })}`, { replace: true });
  const facets = useResource<Facets>('/api/people/facets');
  const list = useResource<Page<PersonRow>>(`/api/people${qs({ ...params, limit: PAGE })}`);
  const [search, setSearch] = useState(params.q);
  useEffect(() => {
    const t = setTimeout(() => search !== params.q && set({ q: search }), 250);
    return () => clearTimeout(t);
  }, [search]);

  const sortBy = (key: string) => set({ sort: key, order: params.sort === key && params.order === 'desc' ? 'asc' : key === 'score' ? 'desc' : params.sort === key ? 'desc' : 'asc' });
  const arrow = (key: string) => (params.sort === key ? (params.order === 'desc' ? ' ▼' : ' ▲') : '');
  const levels = new Set(params.level.split(',').filter(Boolean));
  const toggleLevel = (l: string) => {
    const next = new Set(levels);
    if (next.has(l)) next.delete(l);
    else next.add(l);
    set({ level: [...next].join(',') });
  };
  const total = list.data?.total ?? 0;

  return (
    <div>
      <div className="filters" role="search">
        <input type="search" placeholder="Search name, id, email, department…" value={search} onChange={(e) => setSearch(e.target.value)} aria-label="Search people" />
        <span className="chips">
          {LEVELS.map((l) => (
            <button key={l} type="button" className={`chip ${levels.has(l) ? 'on' : ''}`} onClick={() => toggleLevel(l)} aria-pressed={levels.has(l)}>
              {l} {facets.data ? <span className="muted">{(facets.data.levels[l] ?? 0).toLocaleString()}</span> : null}
            </button>
          ))}
        </span>
        <select value={params.kind} onChange={(e) => set({ kind: e.target.value })} aria-label="Kind">
          <option value="">all kinds</option>
          {Object.entries(facets.data?.kinds ?? {}).map(([k, n]) => (
            <option key={k} value={k}>
              {k} ({n})
            </option>
          ))}
        </select>
        <select value={params.department} onChange={(e) => set({ department: e.target.value })} aria-label="Department">
          <option value="">all departments</option>
          {(facets.data?.departments ?? []).map((d) => (
            <option key={d.value} value={d.value}>
              {d.value} ({d.n})
            </option>
          ))}
        </select>
        <select value={params.rule} onChange={(e) => set({ rule: e.target.value })} aria-label="Rule">
          <option value="">any rule</option>
          {(facets.data?.rules ?? []).map((r) => (
            <option key={r.value} value={r.value}>
              {r.value} ({r.n})
            </option>
          ))}
        </select>
        {params.cluster ? (
          <button type="button" className="chip on" onClick={() => set({ cluster: '' })}>
            cluster {params.cluster} ×
          </button>
        ) : null}
      </div>
      <ErrorNote error={list.error} />
      <table className="people" data-testid="people-table">
        <thead>
          <tr>
            <th onClick={() => sortBy('score')} className="sortable">Risk{arrow('score')}</th>
            <th onClick={() => sortBy('name')} className="sortable">Name{arrow('name')}</th>
            <th onClick={() => sortBy('source_id')} className="sortable">Id{arrow('source_id')}</th>
            <th onClick={() => sortBy('kind')} className="sortable">Kind{arrow('kind')}</th>
            <th onClick={() => sortBy('department')} className="sortable">Department{arrow('department')}</th>
            <th>Work email</th>
            <th>Rules fired</th>
          </tr>
        </thead>
        <tbody>
          {(list.data?.rows ?? []).map((p) => (
            <tr key={p.id}>
              <td>
                <Level level={p.level} score={p.score} />
              </td>
              <td>
                <Link to={`/people/${enc(p.id)}`}>{p.full_name}</Link>
              </td>
              <td className="mono">{p.source_id}</td>
              <td>{p.kind}</td>
              <td>{p.department ?? ''}</td>
              <td className="mono small">{p.work_email ?? ''}</td>
              <td className="small">{p.rules.join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="pager">
        <button type="button" disabled={params.offset === 0} onClick={() => set({ offset: Math.max(0, params.offset - PAGE) })}>
          ← previous
        </button>
        <span className="muted">
          {total === 0 ? 'no people match' : `${(params.offset + 1).toLocaleString()}–${Math.min(total, params.offset + PAGE).toLocaleString()} of ${total.toLocaleString()}`}
          {list.loading ? ' · loading…' : ''}
        </span>
        <button type="button" disabled={params.offset + PAGE >= total} onClick={() => set({ offset: params.offset + PAGE })}>
          next →
        </button>
      </div>
    </div>
  );
}
