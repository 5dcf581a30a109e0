/**
 * Local wall-clock hour and weekday of instants in an IANA zone, fast enough for millions of
 * sign-ins: the zone's UTC offset is computed once per zone and UTC hour (offsets change only on
 * hour boundaries in practice) and cached.
 */
const formatters = new Map<string, Intl.DateTimeFormat | null>();
const offsets = new Map<string, Map<number, number>>();

function formatter(zone: string): Intl.DateTimeFormat | null {
  if (!formatters.has(zone)) {
    try {
      formatters.set(zone, new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' }));
    } catch {
      formatters.set(zone, null);
    }
  }
  return formatters.get(zone)!;
}

export function isValidZone(zone: string): boolean {
  return formatter(zone) !== null;
}

/** Minutes to add to UTC to get the zone's local time at `ms`; null for an unknown zone. */
export function zoneOffsetMinutes(zone: string, ms: number): number | null {
  const f = formatter(zone);
  if (!f) return null;
  const hour = Math.floor(ms / 3_600_000);
  let byHour = offsets.get(zone);
  if (!byHour) offsets.set(zone, (byHour = new Map()));
  const hit = byHour.get(hour);
  if (hit !== undefined) return hit;
  const at = hour * 3_600_000;
  const parts = Object.fromEntries(f.formatToParts(new Date(at)).map((p) => [p.type, p.value]));
  const local = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute));
  const off = Math.round((local - at) / 60_000);
  if (byHour.size > 100_000) byHour.clear();
  byHour.set(hour, off);
  return off;
}

/** Local hour (0-23) and weekday (0 = Sunday) at `ms` for a fixed offset in minutes. */
export function localClock(ms: number, offsetMinutes: number): { hour: number; weekday: number } {
  const d = new Date(ms + offsetMinutes * 60_000);
  return { hour: d.getUTCHours(), weekday: d.getUTCDay() };
}
