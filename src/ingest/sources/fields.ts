/** Small helpers every source uses to read vendor values safely and fail with a clear reason. */
import { RecordError } from '../types.js';
import type { CsvRow } from '../stream/csv.js';

export type Obj = Record<string, unknown>;

export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The record itself, which must be a JSON object. */
export function asObject(v: unknown): Obj {
  if (!isObj(v)) throw new RecordError(`not a JSON object (found ${Array.isArray(v) ? 'an array' : v === null ? 'null' : typeof v})`);
  return v;
}

export function obj(v: unknown): Obj {
  return isObj(v) ? v : {};
}

/** A non-empty trimmed string, or null. Numbers and booleans become their text. */
export function str(v: unknown): string | null {
  if (typeof v === 'string') {
    const t = v.trim();
    return t === '' ? null : t;
  }
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v === 'boolean') return String(v);
  return null;
}

export function num(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' && v.trim() !== '') {
    const n = Number(v);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

export function int(v: unknown): number | null {
  const n = num(v);
  return n === null ? null : Math.trunc(n);
}

export function bool(v: unknown): boolean | null {
  if (typeof v === 'boolean') return v;
  if (v === 'true' || v === 'True' || v === 'T' || v === 1) return true;
  if (v === 'false' || v === 'False' || v === 'F' || v === 0) return false;
  return null;
}

const DIGITS_AT = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18, 20, 21, 22];
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * True for `YYYY-MM-DDTHH:MM:SS.mmmZ` naming a real instant (a real calendar day, hours 00-23),
 * i.e. text that `new Date(Date.parse(v)).toISOString()` gives back unchanged. Checked character
 * by character: it runs once per log record, where a regex and two Date objects showed up.
 */
function isCanonicalUtc(v: string): boolean {
  if (v.length !== 24) return false;
  if (v.charCodeAt(4) !== 45 || v.charCodeAt(7) !== 45 || v.charCodeAt(10) !== 84 || v.charCodeAt(13) !== 58 || v.charCodeAt(16) !== 58 || v.charCodeAt(19) !== 46 || v.charCodeAt(23) !== 90) {
    return false;
  }
  for (const i of DIGITS_AT) {
    const c = v.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  const two = (i: number) => (v.charCodeAt(i) - 48) * 10 + (v.charCodeAt(i + 1) - 48);
  const year = two(0) * 100 + two(2);
  const month = two(5);
  const day = two(8);
  if (month < 1 || month > 12 || two(11) > 23 || two(14) > 59 || two(17) > 59) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day >= 1 && day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!);
}

/** A date or date-time as ISO 8601 UTC; throws a RecordError naming the field when unparsable. */
export function isoTime(v: unknown, field: string): string {
  // Fast path: most vendor times are already canonical UTC (Okta's `published`). Anything else,
  // valid or not, takes the general path below.
  if (typeof v === 'string' && isCanonicalUtc(v)) return v;
  const s = str(v);
  if (s === null) throw new RecordError(`missing ${field}`);
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?)?$/i.exec(s);
  // A date-time without a zone is read as UTC (Date.parse would take the machine's zone).
  let t = !m ? NaN : m[2] ? Date.parse(`${m[1]}T${m[2]}${m[3] ?? 'Z'}`) : Date.parse(m[1]!);
  // Date.parse rolls 2024-02-30 over to March 1st; a real date keeps its day (checked where the zone is UTC).
  if (m && !Number.isNaN(t) && (!m[3] || /^z$/i.test(m[3])) && new Date(t).getUTCDate() !== Number(m[1]!.slice(8, 10))) t = NaN;
  if (Number.isNaN(t)) throw new RecordError(`unparsable date in ${field}: ${JSON.stringify(s.slice(0, 60))} (expected ISO 8601)`);
  return new Date(t).toISOString();
}

/** A date in any form `Date.parse` reads (e.g. osquery's calendarTime); UTC unless it says otherwise. */
export function looseTime(v: string, field: string): string {
  const t = Date.parse(v);
  if (Number.isNaN(t)) throw new RecordError(`unparsable date in ${field}: ${JSON.stringify(v.slice(0, 60))}`);
  return new Date(t).toISOString();
}

export function isoTimeOpt(v: unknown, field: string): string | null {
  return str(v) === null ? null : isoTime(v, field);
}

/** Seconds since the epoch (number or numeric text) as ISO 8601 UTC. */
export function epochSeconds(v: unknown, field: string): string {
  const n = num(v);
  if (n === null) throw new RecordError(`unparsable time in ${field}: ${JSON.stringify(String(v ?? '').slice(0, 60))}`);
  const d = new Date(Math.round(n * 1000));
  if (Number.isNaN(d.getTime())) throw new RecordError(`time out of range in ${field}: ${n}`);
  return d.toISOString();
}

/** A calendar date YYYY-MM-DD (a date-time is cut to its date). */
export function isoDay(v: unknown, field: string): string | null {
  const s = str(v);
  if (s === null) return null;
  if (!/^\d{4}-\d{2}-\d{2}(T.*)?$/.test(s) || Number.isNaN(Date.parse(s.slice(0, 10)))) {
    throw new RecordError(`unparsable date in ${field}: ${JSON.stringify(s.slice(0, 60))} (expected YYYY-MM-DD)`);
  }
  const day = s.slice(0, 10);
  // Date.parse rolls 2024-02-30 over to March; a real calendar date survives the round trip.
  if (new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) !== day) throw new RecordError(`not a real calendar date in ${field}: ${day}`);
  return day;
}

export function oneOf<T extends string>(v: string | null, allowed: readonly T[], field: string, aliases: Record<string, T> = {}): T | null {
  if (v === null) return null;
  const low = v.toLowerCase();
  if ((allowed as readonly string[]).includes(low)) return low as T;
  if (low in aliases) return aliases[low]!;
  throw new RecordError(`unknown ${field} ${JSON.stringify(v)} (expected one of: ${allowed.join(', ')})`);
}

export function country(v: string | null, field: string): string | null {
  if (v === null) return null;
  const c = v.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(c)) throw new RecordError(`${field} must be an ISO 3166-1 alpha-2 code, found ${JSON.stringify(v)}`);
  return c;
}

/** CSV access: the trimmed cell of a column, or null when absent or empty. */
export function cell(row: CsvRow, col: string): string | null {
  const v = row.fields[col];
  if (v === undefined) return null;
  const t = v.trim();
  return t === '' ? null : t;
}

export function requiredCell(row: CsvRow, col: string): string {
  const v = cell(row, col);
  if (v === null) throw new RecordError(`missing required field ${col}`);
  return v;
}

/** Unknown columns, kept as extra attributes. */
export function extraColumns(row: CsvRow, known: readonly string[]): Record<string, string> {
  const extra: Record<string, string> = {};
  for (const c of row.columns) {
    if (!known.includes(c) && c !== '') {
      const v = row.fields[c]?.trim();
      if (v) extra[c] = v;
    }
  }
  return extra;
}

export function splitList(v: string | null): string[] {
  return v === null ? [] : v.split(';').map((s) => s.trim()).filter(Boolean);
}
