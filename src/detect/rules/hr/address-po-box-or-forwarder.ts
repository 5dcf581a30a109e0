import { normalizeAddress } from '../../../enrich/address.js';
import type { PostalAddress } from '../../../model/index.js';
import type { FindingDraft, Rule } from '../../rule.js';
import { SRC } from '../../sources.js';

export const rule: Rule = {
  meta: {
    id: 'hr.address.po_box_or_forwarder',
    title: 'PO box, mail drop or parcel forwarder',
    description: 'A home or shipping address is a PO box, a private mailbox at a commercial mail-receiving agency (UPS Store, PMB) or a parcel forwarder.',
    rationale: 'Workers abroad cannot give a real home; they give mail drops, and laptops sent to re-shippers and forwarders end up outside the country (49 laptops re-shipped abroad in the 2025 case).',
    sources: [SRC.dojRevgen, SRC.doj2025, SRC.psa2024, SRC.mandiant],
    severity: 'medium',
    data_needed: ['people.csv home address', 'shipments.csv'],
    false_positives: ['Rural residents who only receive mail at a PO box', 'People who use a mailbox service for privacy'],
    params: {},
  },
  async run(ctx) {
    const out: FindingDraft[] = [];
    const check = (pid: string, a: PostalAddress | null | undefined, role: 'home' | 'shipping', record: string, at: string | null) => {
      if (!a?.street) return;
      const info = normalizeAddress(a);
      if (!info.po_box && !info.cmra) return;
      const what = info.forwarder ? `parcel forwarder (${info.mail_service})` : info.cmra ? (info.mail_service ?? 'mail-receiving agency') : 'PO box';
      out.push({
        subject_type: 'person',
        subject_id: ctx.data.humanOf(pid),
        summary: `${role === 'home' ? 'Home' : 'Shipping'} address is a ${what}: ${info.normalized}`,
        severity: role === 'shipping' && (info.forwarder || info.cmra) ? 'high' : undefined,
        discriminator: `${role}:${record}`,
        evidence: { role, record, address: info.normalized, po_box: info.po_box, cmra: info.cmra, mail_service: info.mail_service, forwarder: info.forwarder },
        fact_keys: [`address-maildrop:${info.key ?? info.normalized}`],
        first_seen: at,
        last_seen: at,
      });
    };
    for (const p of ctx.data.people.values()) check(p.id, p.home, 'home', p.id, null);
    for (const s of ctx.data.shipments) {
      const pid = ctx.data.personKey(s.person_id);
      if (pid) check(pid, s.address, 'shipping', s.id, s.shipped_at ?? null);
    }
    return out;
  },
};
