import { connectionDestinations, connectionGroups } from '../../../store/repositories/detect.js';
import { isAnonymizing } from '../../data.js';
import { timeRange } from '../../define.js';
import { connectionEvidence, connectionSubject } from '../../helpers/connections.js';
import { isAstrill } from '../../helpers/signins.js';
import type { FindingDraft, Rule } from '../../rule.js';
import { SRC } from '../../sources.js';

export const rule: Rule = {
  meta: {
    id: 'network.vpn.connection',
    title: 'Company device connects to a commercial VPN',
    description: 'A company device opens connections to known commercial VPN egress addresses (Astrill VPN at high severity), other than VPNs the company allows.',
    rationale: 'A laptop tunnelling out through a consumer VPN hides where its traffic really goes; Astrill is the VPN reports name for DPRK IT workers.',
    sources: [SRC.mandiant, SRC.okta, SRC.psa2024],
    severity: 'low',
    data_needed: ['zeek:conn.log', 'IP enrichment (VPN lists)'],
    false_positives: ['Personal VPN use on a company laptop against policy but without fraud', 'VPN lists go stale'],
    params: { min_connections: { default: 3, description: 'Fewest connections to VPN addresses that fire.' } },
    attack: ['T1090'],
  },
  async run(ctx) {
    const vpn = new Map<string, { provider: string | null; astrill: boolean }>();
    for (const ip of await connectionDestinations(ctx.store)) {
      const v = ctx.data.ip(ip);
      if (v && v.class === 'vpn' && isAnonymizing(v)) vpn.set(ip, { provider: v.provider ?? v.as_org, astrill: isAstrill(v) });
    }
    if (!vpn.size) return [];
    const bySubject = new Map<string, { base: ReturnType<typeof connectionSubject>; groups: Awaited<ReturnType<typeof connectionGroups>> }>();
    for (const c of await connectionGroups(ctx.store, { hosts: [...vpn.keys()] })) {
      const base = connectionSubject(ctx.data, c);
      let e = bySubject.get(base.subject_id);
      if (!e) bySubject.set(base.subject_id, (e = { base, groups: [] }));
      e.groups.push(c);
    }
    const out: FindingDraft[] = [];
    for (const { base, groups } of bySubject.values()) {
      const n = groups.reduce((s, g) => s + g.n, 0);
      if (n < ctx.params.min_connections) continue;
      const providers = [...new Set(groups.map((g) => vpn.get(g.resp_h)!.provider ?? 'unknown VPN'))];
      const astrill = groups.some((g) => vpn.get(g.resp_h)!.astrill);
      const { device, personId, ...subject } = base;
      void personId;
      out.push({
        ...subject,
        summary: `${n} connections from ${device ?? subject.subject_id} to ${providers.join(', ')}`,
        severity: astrill ? 'high' : undefined,
        discriminator: 'vpn',
        evidence: { device, providers, connections: groups.slice(0, 20).map((g) => ({ ...connectionEvidence(g), provider: vpn.get(g.resp_h)!.provider })), total_connections: n },
        fact_keys: [`network-vpn:${device ?? subject.subject_id}`, ...(astrill ? [`network-vpn-provider:astrill:${device ?? subject.subject_id}`] : [])],
        ...timeRange(groups.flatMap((g) => [g.first, g.last])),
      });
    }
    return out;
  },
};
