/** Dates as the lists write them (`18 Feb 1962`, `circa 1947`, `1955 to 1957`, `1962-02-18`) → `BirthDate`. */
import type { BirthDate } from './model.js';

const MONTHS: Record<string, string> = {
  jan: '01', feb: '02', mar: '03', apr: '04', may: '05', jun: '06', jul: '07', aug: '08', sep: '09', oct: '10', nov: '11', dec: '12',
};

/** One date: `18 Feb 1962` → 1962-02-18, `Feb 1962` → 1962-02, `1962` → 1962, ISO forms kept. Null if not a date. */
export function parseOneDate(raw: string): string | null {
  const s = raw.trim().replace(/\.$/, '');
  let m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s);
  if (m) return [m[1], m[2], m[3]].filter(Boolean).join('-');
  m = /^(?:(\d{1,2}) )?([A-Za-z]{3})[a-z]* (\d{4})$/.exec(s);
  if (m) {
    const mon = MONTHS[m[2]!.toLowerCase()];
    if (!mon) return null;
    return m[1] ? `${m[3]}-${mon}-${m[1].padStart(2, '0')}` : `${m[3]}-${mon}`;
  }
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  if (m) return `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return null;
}

/** A date of birth with `circa` and ranges (`1955 to 1957`, `between 1955 and 1957`). */
export function parseBirthDate(raw: string): BirthDate | null {
  let s = raw.trim();
  let circa = false;
  const c = /^(?:circa|approximately|approx\.?|about|ca\.?)\s+/i.exec(s);
  if (c) {
    circa = true;
    s = s.slice(c[0].length);
  }
  const range = /^(?:between\s+)?(.+?)\s+(?:to|and|-)\s+(.+)$/i.exec(s);
  if (range) {
    const from = parseOneDate(range[1]!);
    const to = parseOneDate(range[2]!);
    if (from && to) return circa ? { date: from, to, circa } : { date: from, to };
  }
  const one = parseOneDate(s);
  if (!one) return null;
  return circa ? { date: one, circa } : { date: one };
}
