/** One rule body for "one MFA device / device fingerprint used by several people". */
import { sharedSignInValues } from '../../store/repositories/detect.js';
import { timeRange } from '../define.js';
import type { FindingDraft, RuleContext } from '../rule.js';
import { addTo, benignGroup, members } from './people.js';

export async function sharedSignInValueFindings(ctx: RuleContext, column: 'mfa_device' | 'device_fingerprint', label: string): Promise<FindingDraft[]> {
  const ignore = new Set((ctx.params.ignore_values as string[]).map((v) => v.toLowerCase()));
  const groups = new Map<string, Set<string>>();
  const uses = new Map<string, Array<{ person: string; signins: number; first: string; last: string }>>();
  for (const r of await sharedSignInValues(ctx.store, column)) {
    if (ignore.has(r.value.trim().toLowerCase())) continue;
    const human = ctx.data.humanOf(ctx.data.personKey(r.person_id) ?? r.person_id);
    addTo(groups, r.value, human);
    (uses.get(r.value) ?? uses.set(r.value, []).get(r.value)!).push({ person: human, signins: r.n, first: r.first, last: r.last });
  }
  const out: FindingDraft[] = [];
  for (const [value, set] of groups) {
    const humans = [...set].sort();
    if (humans.length < ctx.params.min_people) continue;
    if (ctx.params.ignore_households && benignGroup(ctx.data, humans, { households: true })) continue;
    const u = uses.get(value)!;
    for (const h of humans) {
      out.push({
        subject_type: 'person',
        subject_id: h,
        summary: `${label} ${value} is also used by ${humans.length - 1} other ${humans.length === 2 ? 'person' : 'people'}`,
        discriminator: value,
        evidence: { [column]: value, people: members(ctx.data, humans), uses: u },
        fact_keys: [`shared-${column.replace('_', '-')}:${value}`],
        ...timeRange(u.flatMap((x) => [x.first, x.last])),
      });
    }
  }
  return out;
}
