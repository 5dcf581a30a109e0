/** Data: sources and freshness, ingest runs, quarantined records, and uploads for ingest or scan. */
import { useState, type FormEvent } from 'react';
import { api, enc, qs } from '../api/client';
import type { Job, Page, SourceRow } from '../api/types';
import { Empty, ErrorNote, Loading, Section, When } from '../components/common';
import { useResource } from '../stores/resource';
import { useCan } from '../stores/session';

interface IngestRun {
  id: string;
  started_at: string;
  finished_at: string | null;
  target: string;
  files: Array<{ file: string; source: string; records_read: number; accepted: number; rejected: number; duplicates: number }>;
}
interface QRow {
  id: string;
  source: string;
  file: string;
  line: number;
  reason: string;
  raw: string;
}

function Upload({ onDone }: { onDone: () => void }) {
  const [files, setFiles] = useState<FileList | null>(null);
  const [kind, setKind] = useState<'scan' | 'ingest'>('scan');
  const [job, setJob] = useState<Job | null>(null);
  const [err, setErr] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!files?.length) return;
    setErr(null);
    const form = new FormData();
    for (const f of Array.from(files)) form.append('files', f, (f as File & { webkitRelativePath?: string }).webkitRelativePath || f.name);
    try {
      let j = await api.post<Job>(`/api/${kind}`, form);
      setJob(j);
      while (j.status === 'queued' || j.status === 'running') {
        await new Promise((r) => setTimeout(r, 700));
        j = await api.get<Job>(`/api/jobs/${enc(j.id)}`);
        setJob(j);
      }
      onDone();
    } catch (e2) {
      setErr((e2 as Error).message);
    }
  };
  return (
    <form onSubmit={submit} className="upload">
      <p className="muted">Upload a data folder as a .zip, or its files (laid out as in the data contract: people.csv, okta/, osquery/ …).</p>
      <input type="file" multiple onChange={(e) => setFiles(e.target.files)} aria-label="Data files" />
      <select value={kind} onChange={(e) => setKind(e.target.value as 'scan' | 'ingest')} aria-label="What to do">
        <option value="scan">scan (ingest, enrich, detect, link, score)</option>
        <option value="ingest">ingest only</option>
      </select>
      <button type="submit" disabled={!files?.length}>
        Upload
      </button>
      <ErrorNote error={err} />
      {job ? (
        <div className="job" data-status={job.status}>
          <strong>{job.kind}: {job.status}</strong> {job.progress ? <span className="muted">{job.progress}</span> : null}
          {job.error ? <p className="error">{job.error}</p> : null}
          <pre className="small">{job.log.slice(-12).join('\n')}</pre>
        </div>
      ) : null}
    </form>
  );
}

export function DataPage() {
  const sources = useResource<{ rows: SourceRow[] }>('/api/data/sources');
  const runs = useResource<{ rows: IngestRun[] }>('/api/data/ingest-runs?limit=10');
  const [qSource, setQSource] = useState('');
  const [offset, setOffset] = useState(0);
  const quarantine = useResource<Page<QRow>>(`/api/data/quarantine${qs({ source: qSource, limit: 50, offset })}`);
  const canUpload = useCan('analyst');
  const reload = () => {
    sources.reload();
    runs.reload();
    quarantine.reload();
  };
  return (
    <div>
      <Section title="Sources">
        <ErrorNote error={sources.error} />
        {!sources.data ? <Loading /> : sources.data.rows.length === 0 ? <Empty>Nothing ingested yet.</Empty> : null}
        <table>
          <thead>
            <tr>
              <th>Source</th>
              <th>Files</th>
              <th>Records read</th>
              <th>Accepted</th>
              <th>Rejected</th>
              <th>Quarantined</th>
              <th>Last ingest</th>
            </tr>
          </thead>
          <tbody>
            {(sources.data?.rows ?? []).map((s) => (
              <tr key={s.source}>
                <td>{s.source}</td>
                <td className="num">{s.files}</td>
                <td className="num">{s.records_read.toLocaleString()}</td>
                <td className="num">{s.accepted.toLocaleString()}</td>
                <td className="num">{s.rejected.toLocaleString()}</td>
                <td className="num">
                  <button type="button" className="linklike" onClick={() => setQSource(s.source)}>
                    {s.quarantined.toLocaleString()}
                  </button>
                </td>
                <td>
                  <When at={s.last_ingest} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="muted small">Enrichment data: IP geolocation by DB-IP (db-ip.com, CC BY 4.0); country shapes from Natural Earth (public domain). See docs/enrichment.md for every dataset and its licence.</p>
      </Section>
      {canUpload ? (
        <Section title="Upload data">
          <Upload onDone={reload} />
        </Section>
      ) : null}
      <Section title="Ingest runs">
        {(runs.data?.rows ?? []).map((r) => (
          <details key={r.id}>
            <summary>
              <When at={r.started_at} /> · {r.target} · {r.files.length} files · {r.files.reduce((a, f) => a + f.accepted, 0).toLocaleString()} records accepted, {r.files.reduce((a, f) => a + f.rejected, 0)} rejected
            </summary>
            <table className="small">
              <tbody>
                {r.files.map((f) => (
                  <tr key={f.file}>
                    <td className="mono">{f.file}</td>
                    <td>{f.source}</td>
                    <td className="num">{f.accepted}</td>
                    <td className="num">{f.rejected}</td>
                    <td className="num">{f.duplicates} dup.</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        ))}
      </Section>
      <Section
        title={`Quarantine${qSource ? `: ${qSource}` : ''} (${quarantine.data?.total ?? 0})`}
        actions={qSource ? <button type="button" onClick={() => setQSource('')}>all sources</button> : undefined}
      >
        <p className="muted">Records set aside by ingest, with the file, line and reason: fix the export and ingest again.</p>
        <table className="small">
          <thead>
            <tr>
              <th>File</th>
              <th>Line</th>
              <th>Reason</th>
              <th>Record</th>
            </tr>
          </thead>
          <tbody>
            {(quarantine.data?.rows ?? []).map((q) => (
              <tr key={q.id}>
                <td className="mono">{q.file}</td>
                <td className="num">{q.line}</td>
                <td>{q.reason}</td>
                <td className="mono raw">{q.raw.slice(0, 200)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="pager">
          <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - 50))}>
            ← previous
          </button>
          <button type="button" disabled={offset + 50 >= (quarantine.data?.total ?? 0)} onClick={() => setOffset(offset + 50)}>
            next →
          </button>
        </div>
      </Section>
    </div>
  );
}
