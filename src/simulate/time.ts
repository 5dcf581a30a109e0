/**
 * Calendar arithmetic for the simulation: local wall-clock times in IANA zones (through the
 * runtime's own time-zone data, so DST is right), public holidays, and the timestamp formats the
 * vendors write.
 */

export const DAY_MS = 86_400_000;

/** Days as `YYYY-MM-DD` from `start` to `end` inclusive. */
export function daysBetween(start: string, end: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${start}T00:00:00Z`); t <= Date.parse(`${end}T00:00:00Z`); t += DAY_MS) out.push(isoDay(t));
  return out;
}

export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(day: string, n: number): string {
  return isoDay(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS);
}

/** 0 = Sunday .. 6 = Saturday. */
export function weekday(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay();
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsetCache = new Map<string, number>();

/** Minutes east of UTC that `tz` is at the instant `ms`. */
export function offsetMinutesAt(tz: string, ms: number): number {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(tz, f);
  }
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(new Date(ms))) if (part.type !== 'literal') p[part.type] = Number(part.value);
  const local = Date.UTC(p.year ?? 1970, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0, p.second ?? 0);
  return Math.round((local - Math.floor(ms / 1000) * 1000) / 60_000);
}

/**
 * Minutes east of UTC for a zone on a local calendar day (read at local noon). Cached: a day's
 * offset only changes on a DST night, which falls on a Sunday at 02:00 when nobody signs in.
 */
export function offsetMinutes(tz: string, day: string): number {
  const key = `${tz}|${day}`;
  let v = offsetCache.get(key);
  if (v === undefined) {
    v = offsetMinutesAt(tz, Date.parse(`${day}T12:00:00Z`));
    offsetCache.set(key, v);
  }
  return v;
}

/** The UTC instant (ms) of a local wall-clock time, `hours` after local midnight of `day` (may exceed 24). */
export function localToUtc(tz: string, day: string, hours: number): number {
  return Date.parse(`${day}T00:00:00Z`) + hours * 3_600_000 - offsetMinutes(tz, day) * 60_000;
}

/** Public holidays observed in the simulation period (2025), by country; enough to shape work rhythms. */
const HOLIDAYS: Record<string, string[]> = {
  US: ['2025-01-01', '2025-01-20', '2025-02-17', '2025-05-26', '2025-06-19', '2025-07-04', '2025-09-01', '2025-11-27', '2025-11-28', '2025-12-25'],
  CA: ['2025-01-01', '2025-02-17', '2025-04-18', '2025-05-19', '2025-07-01', '2025-09-01', '2025-10-13', '2025-12-25', '2025-12-26'],
  GB: ['2025-01-01', '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-08-25', '2025-12-25', '2025-12-26'],
  DE: ['2025-01-01', '2025-04-18', '2025-04-21', '2025-05-01', '2025-05-29', '2025-06-09', '2025-10-03', '2025-12-25', '2025-12-26'],
  PL: ['2025-01-01', '2025-01-06', '2025-04-21', '2025-05-01', '2025-05-03', '2025-06-19', '2025-08-15', '2025-11-11', '2025-12-25', '2025-12-26'],
  PT: ['2025-01-01', '2025-04-18', '2025-04-25', '2025-05-01', '2025-06-10', '2025-06-19', '2025-08-15', '2025-12-08', '2025-12-25'],
  IE: ['2025-01-01', '2025-02-03', '2025-03-17', '2025-04-21', '2025-05-05', '2025-06-02', '2025-08-04', '2025-12-25', '2025-12-26'],
  IN: ['2025-01-26', '2025-03-14', '2025-08-15', '2025-10-02', '2025-10-20'],
  MX: ['2025-01-01', '2025-02-03', '2025-03-17', '2025-05-01', '2025-09-16', '2025-11-17', '2025-12-25'],
  PH: ['2025-01-01', '2025-04-17', '2025-04-18', '2025-05-01', '2025-06-12', '2025-08-25', '2025-12-25', '2025-12-30'],
  CN: ['2025-01-01', '2025-01-28', '2025-01-29', '2025-01-30', '2025-04-04', '2025-05-01', '2025-05-02', '2025-05-31', '2025-06-02', '2025-10-01'],
  KR: ['2025-01-01', '2025-01-28', '2025-01-29', '2025-01-30', '2025-03-03', '2025-05-05', '2025-05-06', '2025-06-03', '2025-06-06', '2025-08-15'],
};

export function isHoliday(country: string, day: string): boolean {
  return HOLIDAYS[country]?.includes(day) ?? false;
}

export function isWeekend(day: string): boolean {
  const w = weekday(day);
  return w === 0 || w === 6;
}

/** ISO 8601 with milliseconds and Z, as Okta writes `published`. */
export function isoMs(ms: number): string {
  return new Date(ms).toISOString();
}

/** ISO 8601 with seven fractional digits, as Entra writes `createdDateTime`. */
export function isoTicks(ms: number, extraTicks: number): string {
  const s = new Date(ms).toISOString();
  return `${s.slice(0, 23)}${String(extraTicks).padStart(4, '0').slice(0, 4)}Z`;
}

const DOW = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** osquery's calendarTime: `Mon Jan  8 14:51:55 2018 UTC` (asctime, day padded with a space). */
export function osqueryCalendarTime(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${DOW[d.getUTCDay()]} ${MON[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${d.getUTCFullYear()} UTC`;
}
