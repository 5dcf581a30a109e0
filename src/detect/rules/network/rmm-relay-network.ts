import { connectionDestinations, connectionGroups } from '../../../store/repositories/detect.js';
import { timeRange } from '../../define.js';
import { connectionEvidence, connectionsByTool } from '../../helpers/connections.js';
import type { FindingDraft, Rule } from '../../rule.js';
import { SRC } from '../../sources.js';

export const rule: Rule = {
  meta: {
    id: 'network.rmm.relay_network',
    title: 'Connections to a remote-access vendor\'s network',
    description: 'A company device connects to addresses that belong to a remote-access vendor\'s own network (by the enriched network owner, e.g. TeamViewer, AnyDesk, Splashtop) or to relay addresses listed in the tool catalog, on any port.',
    rationale: 'Relays often run on port 443 and are missed by port rules; the network owner gives the tool away. Zeek connection logs carry addresses, not names, so vendor domains cannot be matched here.',
    sources: [SRC.mandiant, SRC.redcanary, SRC.t1219, SRC.lolrmm],
    severity: 'medium',
    data_needed: ['zeek:conn.log', 'IP enrichment (network owner)'],
    false_positives: ['The company\'s own approved tool', 'Visits to the vendor\'s website from the same network'],
    params: { min_connections: { default: 1, description: 'Fewest connections that fire.' } },
    attack: ['T1219'],
  },
  async run(ctx) {
    const toolOf = new Map<string, string>();
    for (const ip of await connectionDestinations(ctx.store)) {
      const t = ctx.data.tools.toolForRelayIp(ip) ?? ctx.data.tools.toolForNetworkOrg(ctx.data.ip(ip)?.as_org);
      if (t) toolOf.set(ip, t.id);
    }
    if (!toolOf.size) return [];
    const found = connectionsByTool(ctx.data, await connectionGroups(ctx.store, { hosts: [...toolOf.keys()] }), ctx.params.min_connections, (c, base) => {
      const tool = toolOf.get(c.resp_h);
      return tool && !ctx.data.approval(tool, base.personId, base.device) ? tool : null;
    });
    const out: FindingDraft[] = [];
    for (const { base, tool, groups, total: n } of found) {
      const t = ctx.data.tools.byId.get(tool)!;
      const { device, personId, ...subject } = base;
      void personId;
      out.push({
        ...subject,
        summary: `${n} connection${n === 1 ? '' : 's'} to ${t.name}'s network (${[...new Set(groups.map((g) => g.resp_h))].slice(0, 3).join(', ')})`,
        discriminator: tool,
        evidence: {
          tool,
          name: t.name,
          device,
          network_owner: [...new Set(groups.map((g) => ctx.data.ip(g.resp_h)?.as_org).filter(Boolean))],
          connections: groups.slice(0, 20).map(connectionEvidence),
          total_connections: n,
        },
        fact_keys: [`rmm-network:${tool}:${device ?? subject.subject_id}`],
        ...timeRange(groups.flatMap((g) => [g.first, g.last])),
      });
    }
    return out;
  },
};
