import { SEVERITIES } from '../../../model/values.js';
import { members } from '../../helpers/people.js';
import type { FindingDraft, Rule } from '../../rule.js';
import { SRC } from '../../sources.js';
import { toPersonKey } from '../../data.js';

export const rule: Rule = {
  meta: {
    id: 'recruiting.referral.chain',
    title: 'Referrals that chain flagged people together',
    description: 'People flagged by other rules referred one another: a referral path connects two or more people who each have findings of at least medium severity.',
    rationale: 'Once one operator is hired, they refer the next; referral chains among suspect hires show a network, not a coincidence.',
    sources: [SRC.mandiant, SRC.okta, SRC.seal],
    severity: 'medium',
    data_needed: ['candidates.csv referred_by', 'findings of the other rules'],
    false_positives: ['Honest referrals of friends who happen to share a benign look-alike (same VPN provider, same agency)'],
    params: { min_severity: { default: 'medium', description: 'Findings at least this severe make a person "flagged".' } },
    phase: 'late',
  },
  async run(ctx) {
    const min = SEVERITIES.indexOf(ctx.params.min_severity);
    const flagged = new Map<string, Set<string>>();
    for (const f of await ctx.priorFindings()) {
      if (f.rule_id === rule.meta.id || f.subject_type !== 'person' || SEVERITIES.indexOf(f.severity) < min) continue;
      const h = ctx.data.humanOf(f.subject_id);
      (flagged.get(h) ?? flagged.set(h, new Set()).get(h)!).add(f.rule_id);
    }
    // Referral edges between flagged humans; components of them are the chains.
    const parent = new Map<string, string>();
    const find = (x: string): string => {
      while (parent.get(x) !== x) x = parent.get(x)!;
      return x;
    };
    const edges: Array<{ referrer: string; referred: string; record: string }> = [];
    for (const p of ctx.data.people.values()) {
      if (!p.referred_by) continue;
      const referrer = ctx.data.personKey(p.referred_by) ?? toPersonKey(p.referred_by);
      const a = ctx.data.humanOf(referrer);
      const b = ctx.data.humanOf(p.id);
      if (a === b || !flagged.has(a) || !flagged.has(b)) continue;
      for (const x of [a, b]) if (!parent.has(x)) parent.set(x, x);
      parent.set(find(a), find(b));
      edges.push({ referrer: a, referred: b, record: p.id });
    }
    const chains = new Map<string, string[]>();
    for (const x of parent.keys()) (chains.get(find(x)) ?? chains.set(find(x), []).get(find(x))!).push(x);
    const out: FindingDraft[] = [];
    for (const humans of chains.values()) {
      humans.sort();
      const chainEdges = edges.filter((e) => humans.includes(e.referrer));
      const fp = `referral-chain:${humans.join(',')}`;
      for (const h of humans) {
        out.push({
          subject_type: 'person',
          subject_id: h,
          summary: `Referral chain of ${humans.length} flagged people`,
          discriminator: fp,
          evidence: { people: members(ctx.data, humans).map((m) => ({ ...m, flagged_by: [...flagged.get(m.id)!].sort() })), referrals: chainEdges },
          fact_keys: [fp],
        });
      }
    }
    return out;
  },
};
