import { listPayAccounts } from '../../../store/repositories/records.js';
import type { PayAccount } from '../../../model/index.js';
import { daysBetween } from '../../define.js';
import { describeDestination, destinationKey } from '../../helpers/pay.js';
import type { FindingDraft, Rule } from '../../rule.js';
import { SRC } from '../../sources.js';

export const rule: Rule = {
  meta: {
    id: 'payroll.destination.frequent_changes',
    title: 'Pay destination changed often, or right after hire',
    description: 'The person changes where their pay goes several times within a few months, or changes it within the first weeks after hire.',
    rationale: 'Facilitators move pay between accounts as accounts are flagged or as the money is passed on; an early change often swaps the worker\'s account for the facilitator\'s.',
    sources: [SRC.dojRevgen, SRC.psa2024, SRC.guidance2022],
    severity: 'medium',
    data_needed: ['pay_accounts.csv', 'people.csv hire_date'],
    false_positives: ['A new employee correcting a mistyped account', 'People switching banks after a move'],
    params: {
      window_days: { default: 180, description: 'Window in which changes are counted.' },
      max_changes: { default: 2, description: 'This many changes within the window fire.' },
      early_days: { default: 30, description: 'A change within this many days of hire fires.' },
    },
  },
  async run(ctx) {
    const byPerson = new Map<string, PayAccount[]>();
    for (const a of await listPayAccounts(ctx.store)) {
      const pid = ctx.data.personKey(a.person_id);
      if (pid) (byPerson.get(pid) ?? byPerson.set(pid, []).get(pid)!).push(a);
    }
    const out: FindingDraft[] = [];
    for (const [pid, list] of byPerson) {
      list.sort((a, b) => a.effective_date.localeCompare(b.effective_date));
      // A change is a new destination, not a repeated row for the current one.
      const changes: PayAccount[] = [];
      for (let i = 1; i < list.length; i++) if (destinationKey(list[i]!) !== destinationKey(list[i - 1]!)) changes.push(list[i]!);
      if (!changes.length) continue;
      let burst: PayAccount[] = [];
      for (let i = 0; i < changes.length; i++) {
        const inWindow = changes.filter((c) => daysBetween(changes[i]!.effective_date, c.effective_date) >= 0 && daysBetween(changes[i]!.effective_date, c.effective_date) <= ctx.params.window_days);
        if (inWindow.length > burst.length) burst = inWindow;
      }
      const hire = ctx.data.people.get(pid)?.hire_date;
      const early = hire ? changes.find((c) => daysBetween(hire, c.effective_date) >= 0 && daysBetween(hire, c.effective_date) <= ctx.params.early_days) : undefined;
      const frequent = burst.length >= ctx.params.max_changes;
      if (!frequent && !early) continue;
      out.push({
        subject_type: 'person',
        subject_id: pid,
        summary: frequent
          ? `Pay destination changed ${burst.length} times within ${ctx.params.window_days} days`
          : `Pay destination changed ${Math.round(daysBetween(hire!, early!.effective_date))} days after hire`,
        severity: frequent && early ? 'high' : undefined,
        discriminator: 'changes',
        evidence: { hire_date: hire ?? null, destinations: list.map(describeDestination), changes_in_window: burst.length, early_change: early ? describeDestination(early) : null },
        fact_keys: [`pay-changes:${pid}`],
        first_seen: `${list[0]!.effective_date}T00:00:00.000Z`,
        last_seen: `${list[list.length - 1]!.effective_date}T00:00:00.000Z`,
      });
    }
    return out;
  },
};
