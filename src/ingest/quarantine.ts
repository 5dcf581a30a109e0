/**
 * Quarantine: records that could not be read are kept with file, line, reason and raw text, under a
 * stable id (re-ingesting the same bad record stores it once). Raw text from pay files is redacted
 * first: account numbers, IBANs and wallets never reach the store in clear, not even here.
 */
import { contentId } from '../model/ids.js';
import type * as m from '../model/index.js';
import type { SourceName } from './types.js';

/** How much raw text a quarantined record keeps. */
export const QUARANTINE_RAW_LIMIT = 16 * 1024;

/** `[redacted …1234]`: the last four characters of the normalised value, never more. */
export function redactField(value: string): string {
  const norm = value.replace(/[\s-]/g, '');
  if (!norm) return value;
  return `[redacted …${norm.slice(-4)}]`;
}

/**
 * Redact anything that could be an account number, IBAN or wallet in text whose columns are not
 * known (a row with the wrong column count, a broken line): runs of letters, digits, spaces and
 * dashes holding six or more digits, or long letter-digit tokens (wallets).
 */
export function redactText(text: string): string {
  return text
    .replace(/[A-Za-z0-9][A-Za-z0-9 -]{4,}[A-Za-z0-9]/g, (run) => ((run.match(/\d/g)?.length ?? 0) >= 6 ? redactField(run) : run))
    .replace(/\b(?=[A-Za-z0-9]*\d)(?=[A-Za-z0-9]*[A-Za-z])[A-Za-z0-9]{20,}\b/g, (tok) => redactField(tok));
}

export function quarantineRecord(source: SourceName, file: string, line: number, reason: string, raw: string, runId: string): m.Quarantined {
  // A copy, not a slice: a line's text may be a slice of its whole 1 MB read chunk (stream/lines.ts),
  // which a pending quarantine row would otherwise keep alive.
  const kept = raw.length > QUARANTINE_RAW_LIMIT ? `${raw.slice(0, QUARANTINE_RAW_LIMIT)}… [truncated: ${raw.length} characters]` : Buffer.from(raw, 'utf8').toString('utf8');
  return {
    // Not the run id: the same bad record in the same file is one quarantine entry however often it is read.
    id: contentId('quarantine', source, file, line, raw),
    source,
    file,
    line,
    reason,
    raw: kept,
    ingest_run_id: runId,
    created_at: new Date().toISOString(),
  };
}
