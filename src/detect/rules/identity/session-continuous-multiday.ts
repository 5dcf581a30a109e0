import { signInRule } from '../../define.js';
import { inWindow } from '../../helpers/signins.js';
import { SRC } from '../../sources.js';

export const rule = signInRule(
  {
    id: 'identity.session.continuous_multiday',
    title: 'Activity for days without a break',
    description: 'The account is active for two days or more with no gap long enough to sleep (by default no gap over 4 hours for 48 hours).',
    rationale: 'One identity worked in shifts by several operators, or a laptop kept awake for remote use, never rests; a person does, whatever their shift.',
    sources: [SRC.mandiant, SRC.okta, SRC.gtig],
    severity: 'medium',
    data_needed: ['okta | entra | google sign-ins and session events'],
    false_positives: ['Automated jobs running under a person\'s account', 'On-call periods with activity every few hours'],
    params: {
      window_days: { default: 90, description: 'Look-back window.' },
      max_gap_hours: { default: 4, description: 'A gap longer than this ends a stretch of activity.' },
      min_span_hours: { default: 48, description: 'Shortest stretch that fires.' },
    },
  },
  (ctx, p) => {
    const list = inWindow(p, ctx.now, ctx.params.window_days);
    const gap = ctx.params.max_gap_hours * 3_600_000;
    const stretches: Array<{ from: number; to: number; events: number }> = [];
    let start = 0;
    for (let i = 1; i <= list.length; i++) {
      if (i === list.length || list[i]!.at - list[i - 1]!.at > gap) {
        const hours = (list[i - 1]!.at - list[start]!.at) / 3_600_000;
        if (hours >= ctx.params.min_span_hours) stretches.push({ from: start, to: i - 1, events: i - start });
        start = i;
      }
    }
    if (!stretches.length) return [];
    const longest = stretches.reduce((a, b) => (list[b.to]!.at - list[b.from]!.at > list[a.to]!.at - list[a.from]!.at ? b : a));
    const hours = (l: { from: number; to: number }) => Math.round((list[l.to]!.at - list[l.from]!.at) / 360_000) / 10;
    return [
      {
        subject_type: 'person',
        subject_id: p.personId,
        summary: `Active for ${hours(longest)} hours without a break longer than ${ctx.params.max_gap_hours} h (${stretches.length} such stretch${stretches.length === 1 ? '' : 'es'})`,
        evidence: {
          stretches: stretches.slice(0, 10).map((s) => ({ start: list[s.from]!.iso, end: list[s.to]!.iso, hours: hours(s), events: s.events, first_signin_id: list[s.from]!.id, last_signin_id: list[s.to]!.id })),
          max_gap_hours: ctx.params.max_gap_hours,
        },
        fact_keys: [`signin-continuous-activity:${p.personId}`],
        first_seen: list[longest.from]!.iso,
        last_seen: list[longest.to]!.iso,
      },
    ];
  },
);
