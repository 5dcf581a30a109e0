import { signInRule, timeRange } from '../../define.js';
import { inWindow } from '../../helpers/signins.js';
import { SRC } from '../../sources.js';
import { localClock, zoneOffsetMinutes } from '../../timezones.js';

/** Share of events falling on a Monday-Friday working day between `start` and `end` hours. */
function fit(times: number[], offsetOf: (ms: number) => number, start: number, end: number): number {
  let n = 0;
  for (const t of times) {
    const { hour, weekday } = localClock(t, offsetOf(t));
    if (weekday >= 1 && weekday <= 5 && hour >= start && hour < end) n++;
  }
  return times.length ? n / times.length : 0;
}

export const rule = signInRule(
  {
    id: 'identity.signin.foreign_working_hours',
    title: 'Working hours that fit another time zone',
    description: 'The person\'s activity falls almost entirely in office hours (Monday to Friday) of UTC+8/UTC+9, and hardly at all in office hours of the time zone they claim.',
    rationale: 'Advisories note DPRK IT workers keep the working day of where they really are (China, Russia, North Korea). Weekday alignment matters: a week that starts on Sunday evening locally starts on Monday morning in UTC+9.',
    sources: [SRC.mandiant, SRC.okta, SRC.gtig],
    severity: 'low',
    data_needed: ['okta | entra | google sign-ins', 'people.csv timezone'],
    false_positives: ['Night-shift and evening-shift workers (record the shift in an HR column such as `shift`, which the rule reads)', 'People supporting teams in Asia', 'Easy to evade: a careful operator keeps the claimed hours'],
    params: {
      window_days: { default: 90, description: 'Look-back window.' },
      min_events: { default: 40, description: 'Fewest sign-ins needed to judge working hours.' },
      candidate_offsets: { default: [8, 9], description: 'UTC offsets (hours) of the time zones compared with the claimed one.' },
      work_start: { default: 8, description: 'Office hours start (local hour).' },
      work_end: { default: 19, description: 'Office hours end (local hour, exclusive).' },
      min_fit: { default: 0.8, description: 'Smallest share of activity in the other zone\'s office hours.' },
      max_claimed_fit: { default: 0.35, description: 'Largest share of activity in the claimed zone\'s office hours.' },
      shift_fields: { default: ['shift', 'work_shift', 'schedule'], description: 'HR columns that may record a night or evening shift; such people are skipped.' },
    },
  },
  (ctx, p) => {
    const zone = p.person?.timezone;
    if (!zone || zoneOffsetMinutes(zone, ctx.now.getTime()) === null) return [];
    const extra = p.person?.extra ?? {};
    if ((ctx.params.shift_fields as string[]).some((f) => /night|overnight|graveyard|evening|late/i.test(extra[f] ?? ''))) return [];
    const list = inWindow(p, ctx.now, ctx.params.window_days);
    if (list.length < ctx.params.min_events) return [];
    const times = list.map((s) => s.at);
    const { work_start: a, work_end: b } = ctx.params;
    const claimed = fit(times, (t) => zoneOffsetMinutes(zone, t)!, a, b);
    if (claimed > ctx.params.max_claimed_fit) return [];
    // Ties (UTC+8 and UTC+9 both cover a 10:00-18:00 day) go to the zone that centres the day best.
    const middle = (a + b) / 2;
    const centre = (h: number) => Math.abs(times.reduce((sum, t) => sum + localClock(t, h * 60).hour, 0) / times.length + 0.5 - middle);
    const best = (ctx.params.candidate_offsets as number[])
      .map((h) => ({ offset: h, fit: fit(times, () => h * 60, a, b), off_centre: centre(h) }))
      .sort((x, y) => y.fit - x.fit || x.off_centre - y.off_centre)[0];
    if (!best || best.fit < ctx.params.min_fit) return [];
    const hist = new Array<number>(24).fill(0);
    for (const t of times) hist[localClock(t, zoneOffsetMinutes(zone, t)!).hour]!++;
    const label = `UTC${best.offset >= 0 ? '+' : ''}${best.offset}`;
    return [
      {
        subject_type: 'person',
        subject_id: p.personId,
        summary: `${Math.round(best.fit * 100)}% of activity falls in ${label} office hours, ${Math.round(claimed * 100)}% in office hours of the claimed ${zone}`,
        evidence: {
          claimed_timezone: zone,
          claimed_office_hours_share: Math.round(claimed * 100) / 100,
          best_fitting_offset: label,
          best_fit_share: Math.round(best.fit * 100) / 100,
          events: times.length,
          hour_histogram_claimed_zone: hist,
          office_hours: `${a}:00-${b}:00 Mon-Fri`,
        },
        fact_keys: [`signin-working-hours:${label}:${p.personId}`],
        ...timeRange(list.map((s) => s.iso)),
      },
    ];
  },
);
