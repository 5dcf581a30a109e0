/**
 * What every reader shares: the record it hands over (raw text, line, parsed value or the reason it
 * could not be parsed), what a source maps it to, and the per-file report.
 */
import type { UnmaskConfig } from '../config/config.js';
import type { SecretKey } from '../config/secret.js';
import type * as m from '../model/index.js';
import type { Logger } from '../util/log.js';

export const SOURCE_NAMES = [
  'people',
  'candidates',
  'devices',
  'shipments',
  'pay_accounts',
  'payments',
  'okta',
  'entra',
  'google',
  'osquery',
  'zeek',
] as const;
export type SourceName = (typeof SOURCE_NAMES)[number];

export function isSourceName(s: string): s is SourceName {
  return (SOURCE_NAMES as readonly string[]).includes(s);
}

/** One record as a reader found it: where, its raw text, and either its parsed value or why it has none. */
export interface RawRecord {
  line: number;
  raw: string;
  value?: unknown;
  error?: string;
  /** A remark about the file at this point (not a record): e.g. a JSON array not closed at the end. */
  warning?: string;
}

/** What a source turns a record into: canonical records, plus facts learned on the way. */
export type Output =
  | { kind: 'person'; value: m.Person }
  | { kind: 'device'; value: m.Device }
  | { kind: 'signin'; value: m.SignIn }
  | { kind: 'endpoint'; value: m.EndpointRow }
  | { kind: 'net'; value: m.NetConnection }
  | { kind: 'pay_account'; value: m.PayAccount }
  | { kind: 'payment'; value: m.Payment }
  | { kind: 'shipment'; value: m.Shipment }
  /** A host identifier seen with a hardware serial (osquery decorations or system_info). */
  | { kind: 'host_serial'; host: string; serial: string; hostname?: string | null };

export interface MapResult {
  outputs: Output[];
  /** Set when the record is valid but not something Unmask keeps (e.g. an Okta group change). */
  skipped?: string;
}

/** A record that is malformed: it goes to quarantine with this reason. */
export class RecordError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'RecordError';
  }
}

/** A file that cannot be read at all (missing, unreadable, missing a required column). */
export class FileError extends Error {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'FileError';
  }
}

/** Lookups a source may use while mapping; memory is bounded by people and devices. */
export interface Lookups {
  personByEmail(email: string): string | undefined;
  serialByHost(host: string): string | undefined;
}

export interface MapContext {
  source: SourceName;
  /** The file as given (resolved to an absolute path). */
  file: string;
  line: number;
  key: SecretKey;
  config?: UnmaskConfig;
  lookups: Lookups;
  /** A non-fatal remark about this record (kept, but worth telling). */
  warn(message: string): void;
}

export interface Source {
  name: SourceName;
  /** Turn a file into raw records (streaming). Readers of pay files redact secrets in `raw`. */
  read(file: string, onBytes: (n: number) => void): AsyncIterable<RawRecord>;
  /** Map one parsed record; throw RecordError for a malformed one. */
  map(value: unknown, ctx: MapContext): MapResult | Promise<MapResult>;
}

export interface FileReport {
  file: string;
  source: SourceName;
  bytes: number;
  records_read: number;
  accepted: number;
  rejected: number;
  duplicates: number;
  skipped: number;
  unmatched_people: number;
  unmatched_devices: number;
  seconds: number;
  /** Reasons records were skipped, with counts. */
  skipped_reasons: Record<string, number>;
  warnings: string[];
  /** Set when the whole file could not be read. */
  error?: string;
  /** Set for an empty file. */
  note?: string;
}

export interface IngestReport {
  run_id: string;
  files: FileReport[];
  totals: Omit<FileReport, 'file' | 'source' | 'skipped_reasons' | 'warnings' | 'error' | 'note' | 'seconds'> & { files: number; failed_files: number };
  /** Records joined after the fact (rows stored earlier that now match a person or device). */
  rejoined: { signins: number; endpoint_rows: number; net_connections: number; devices: number };
  /** Indexes set aside for a bulk load and re-created at its end (SQLite). */
  deferred_indexes: string[];
  seconds: number;
}

export interface IngestOptions {
  key: SecretKey;
  log: Logger;
  strict?: boolean;
  config?: UnmaskConfig;
  /** Records per transaction (default 2000). */
  batchSize?: number;
  /** Write a file-backed SQLite store from a second thread (default true). */
  writerThread?: boolean;
  /** Rows (estimated from file sizes) from which a load counts as bulk and defers indexes (SQLite; default 200,000). */
  bulkMinRows?: number;
}
