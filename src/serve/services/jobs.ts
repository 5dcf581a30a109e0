/**
 * Background jobs started through the API (ingest of an upload, a scan, a re-score after a case
 * closes). They run one at a time, in order, so two writers never race on the store; each keeps
 * its last progress lines for the job status endpoint. Jobs live in memory: a restart forgets them
 * (their effects are in the database: ingest_runs, scan_runs, risk_scores).
 */
import type { Logger } from '../../util/log.js';
import { orderedId } from '../security/tokens.js';

export type JobKind = 'ingest' | 'scan' | 'rescore';
export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

export interface Job {
  id: string;
  kind: JobKind;
  status: JobStatus;
  created_by: string;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  /** The latest progress line. */
  progress: string | null;
  log: string[];
  result: unknown;
  error: string | null;
}

export type JobWork = (log: Logger) => Promise<unknown>;

const KEEP_LINES = 200;
const KEEP_JOBS = 100;

export class JobQueue {
  readonly #jobs = new Map<string, Job>();
  #tail: Promise<void> = Promise.resolve();

  constructor(private readonly serverLog: Logger) {}

  start(kind: JobKind, createdBy: string, work: JobWork, cleanup?: () => void): Job {
    const job: Job = {
      id: orderedId(),
      kind,
      status: 'queued',
      created_by: createdBy,
      created_at: new Date().toISOString(),
      started_at: null,
      finished_at: null,
      progress: null,
      log: [],
      result: null,
      error: null,
    };
    this.#jobs.set(job.id, job);
    this.#trim();
    const line = (level: string) => (msg: string) => {
      job.progress = msg;
      job.log.push(`${level}${msg}`);
      if (job.log.length > KEEP_LINES) job.log.splice(0, job.log.length - KEEP_LINES);
    };
    const log: Logger = { info: line(''), warn: line('warning: '), error: line('error: '), progress: (m) => (job.progress = m), done() {} };
    this.#tail = this.#tail.then(async () => {
      job.status = 'running';
      job.started_at = new Date().toISOString();
      try {
        job.result = (await work(log)) ?? null;
        job.status = 'done';
      } catch (err) {
        job.status = 'failed';
        job.error = err instanceof Error ? err.message : String(err);
        this.serverLog.warn(`job ${job.kind} ${job.id} failed: ${job.error}`);
      } finally {
        job.finished_at = new Date().toISOString();
        try {
          cleanup?.();
        } catch {
          // temporary files only
        }
      }
    });
    return job;
  }

  get(id: string): Job | undefined {
    return this.#jobs.get(id);
  }

  list(): Job[] {
    return [...this.#jobs.values()].reverse();
  }

  /** Resolves when every job queued so far has finished (used on shutdown and in tests). */
  idle(): Promise<void> {
    return this.#tail;
  }

  #trim(): void {
    for (const [id, job] of this.#jobs) {
      if (this.#jobs.size <= KEEP_JOBS) break;
      if (job.status === 'done' || job.status === 'failed') this.#jobs.delete(id);
    }
  }
}
