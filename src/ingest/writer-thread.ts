/**
 * A writer thread for SQLite: batches of rows are inserted on a second connection to the same
 * database file in a worker thread, so that reading and parsing (this thread) and writing (the
 * worker) overlap on two cores. The statements come from the ingest repository; the thread only
 * prepares and runs them, one transaction per batch, and answers with the number of rows changed.
 *
 * The worker's code is a string evaluated by `Worker(..., { eval: true })` so that it runs the same
 * from TypeScript sources (tests) and from the build, without a module loader.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 10000');
db.pragma('synchronous = NORMAL');
db.pragma('cache_size = -32768');
// Checkpoints are where WAL mode syncs to disk: a few large ones instead of one per 4 MB.
db.pragma('wal_autocheckpoint = 25000');
const statements = new Map();
const runBatch = db.transaction((stmt, rows) => {
  let changed = 0;
  for (const r of rows) changed += stmt.run(r).changes;
  return changed;
});
parentPort.on('message', (m) => {
  if (m.close) {
    try { db.pragma('wal_checkpoint(PASSIVE)'); } catch {}
    db.close();
    parentPort.postMessage({ closed: true });
    return;
  }
  try {
    let stmt = statements.get(m.sql);
    if (!stmt) { stmt = db.prepare(m.sql); statements.set(m.sql, stmt); }
    parentPort.postMessage({ id: m.id, changed: runBatch(stmt, m.rows) });
  } catch (e) {
    parentPort.postMessage({ id: m.id, error: String(e && e.message || e) });
  }
});
`;

/** Batches sent but not yet written; more waits for the oldest (memory stays bounded). */
const MAX_IN_FLIGHT = 3;

export class SqliteWriterThread {
  readonly #worker: Worker;
  #next = 0;
  readonly #waiting = new Map<number, { resolve(n: number): void; reject(e: Error): void }>();
  readonly #inFlight: Array<Promise<void>> = [];
  #failure: Error | null = null;

  constructor(file: string) {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    this.#worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, driver } });
    this.#worker.on('message', (m: { id?: number; changed?: number; error?: string }) => {
      if (m.id === undefined) return;
      const w = this.#waiting.get(m.id);
      this.#waiting.delete(m.id);
      if (!w) return;
      if (m.error !== undefined) w.reject(new Error(`database write failed: ${m.error}`));
      else w.resolve(m.changed ?? 0);
    });
    this.#worker.on('error', (e) => {
      this.#failure = e;
      for (const w of this.#waiting.values()) w.reject(e);
      this.#waiting.clear();
    });
  }

  /** Queue a batch (waiting while too many are queued); `written` gets the number of rows changed. */
  async write(sql: string, rows: unknown[][], written: (changed: number) => void): Promise<void> {
    if (this.#failure) throw this.#failure;
    while (this.#inFlight.length >= MAX_IN_FLIGHT) await this.#inFlight.shift();
    if (this.#failure) throw this.#failure;
    const id = this.#next++;
    const done = new Promise<number>((resolve, reject) => this.#waiting.set(id, { resolve, reject }));
    this.#worker.postMessage({ id, sql, rows });
    this.#inFlight.push(
      done.then(written, (e: Error) => {
        this.#failure ??= e;
      }),
    );
  }

  /** Wait until every queued batch is written. */
  async drain(): Promise<void> {
    while (this.#inFlight.length) await this.#inFlight.shift();
    if (this.#failure) throw this.#failure;
  }

  async close(): Promise<void> {
    await this.drain().catch(() => {});
    const closed = new Promise<void>((r) => this.#worker.once('message', () => r()));
    this.#worker.postMessage({ close: true });
    // The timer is cleared once the worker answers: a pending one would keep the process alive 5 s longer.
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([closed, new Promise((r) => (timer = setTimeout(r, 5000)))]);
    clearTimeout(timer);
    await this.#worker.terminate();
  }
}
