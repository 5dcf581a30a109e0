/** One rule body for "one phone / email used by several people". */
import { addTo, benignGroup, members } from './people.js';
import type { FindingDraft, RuleContext } from '../rule.js';

export function sharedContactFindings(
  ctx: RuleContext,
  kind: 'phone' | 'email',
  valuesOf: (p: import('../../model/index.js').Person) => Array<{ value: string; field: string }>,
): FindingDraft[] {
  const groups = new Map<string, Set<string>>();
  const uses = new Map<string, Array<{ person: string; record: string; field: string }>>();
  for (const p of ctx.data.people.values()) {
    for (const { value, field } of valuesOf(p)) {
      const human = ctx.data.humanOf(p.id);
      addTo(groups, value, human);
      (uses.get(value) ?? uses.set(value, []).get(value)!).push({ person: human, record: p.id, field });
    }
  }
  const out: FindingDraft[] = [];
  for (const [value, set] of groups) {
    const humans = [...set].sort();
    if (humans.length < ctx.params.min_people) continue;
    const benign = benignGroup(ctx.data, humans, { households: ctx.params.ignore_households, agencies: ctx.params.ignore_same_agency });
    if (benign) continue;
    for (const h of humans) {
      out.push({
        subject_type: 'person',
        subject_id: h,
        summary: `The ${kind} ${value} is also given by ${humans.length - 1} other ${humans.length === 2 ? 'person' : 'people'}`,
        discriminator: value,
        evidence: { [kind]: value, people: members(ctx.data, humans), uses: uses.get(value)! },
        fact_keys: [`shared-${kind}:${value}`],
      });
    }
  }
  return out;
}
