/** Helpers the payroll rules share. */
import { maskLast4 } from '../../config/secret.js';
import type { PayAccount } from '../../model/index.js';
import { sharedPayDestinations } from '../../store/repositories/detect.js';
import type { FindingDraft, RuleContext } from '../rule.js';
import { addTo, benignGroup, members } from './people.js';

/** How a pay destination is shown: method, bank and masked number, never the number itself. */
export function describeDestination(a: PayAccount) {
  const secret = (a.method === 'crypto' ? a.wallet : null) ?? a.account ?? a.iban ?? a.wallet ?? null;
  return {
    pay_account_id: a.id,
    effective_date: a.effective_date,
    method: a.method,
    bank_name: a.bank_name ?? null,
    bank_country: a.bank_country ?? null,
    account: secret ? maskLast4(secret.last4) : null,
    /** A short prefix of the keyed hash: enough to tell destinations apart, useless to anyone else. */
    account_ref: secret ? secret.hash.slice(0, 12) : null,
  };
}

/** The destination's identity, for counting changes: the sealed number, else method and bank. */
export function destinationKey(a: PayAccount): string {
  const s = a.account ?? a.iban ?? a.wallet;
  return s ? s.hash : `${a.method}|${a.bank_name ?? ''}|${a.bank_country ?? ''}`;
}

export async function sharedDestinationFindings(ctx: RuleContext, kinds: Array<'account' | 'iban' | 'wallet'>, label: string): Promise<FindingDraft[]> {
  const groups = new Map<string, Set<string>>();
  const uses = new Map<string, Array<{ person: string; first: string; last: string; records: number }>>();
  const last4 = new Map<string, string | null>();
  for (const r of await sharedPayDestinations(ctx.store)) {
    if (!kinds.includes(r.kind)) continue;
    const pid = ctx.data.personKey(r.person_id);
    if (!pid) continue;
    const key = `${r.kind}:${r.hash}`;
    const human = ctx.data.humanOf(pid);
    addTo(groups, key, human);
    last4.set(key, r.last4);
    (uses.get(key) ?? uses.set(key, []).get(key)!).push({ person: human, first: r.first, last: r.last, records: r.n });
  }
  const out: FindingDraft[] = [];
  for (const [key, set] of groups) {
    const humans = [...set].sort();
    if (humans.length < ctx.params.min_people) continue;
    if (benignGroup(ctx.data, humans, { households: ctx.params.ignore_households, agencies: ctx.params.ignore_same_agency })) continue;
    const [kind, hash] = key.split(':') as [string, string];
    const u = uses.get(key)!;
    for (const h of humans) {
      out.push({
        subject_type: 'person',
        subject_id: h,
        summary: `${label} ${maskLast4(last4.get(key))} also receives pay for ${humans.length - 1} other ${humans.length === 2 ? 'person' : 'people'}`,
        discriminator: key,
        evidence: { kind, account: maskLast4(last4.get(key)), account_ref: hash.slice(0, 12), people: members(ctx.data, humans), uses: u },
        fact_keys: [`pay-destination:${key}`],
        first_seen: u.map((x) => x.first).sort()[0],
        last_seen: u.map((x) => x.last).sort().at(-1),
      });
    }
  }
  return out;
}
