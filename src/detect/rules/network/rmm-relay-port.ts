import { connectionGroups } from '../../../store/repositories/detect.js';
import { timeRange } from '../../define.js';
import { connectionEvidence, connectionsByTool } from '../../helpers/connections.js';
import { isNonPublic } from '../../helpers/signins.js';
import { expandPorts } from '../../reference/patterns.js';
import type { FindingDraft, Rule } from '../../rule.js';
import { SRC } from '../../sources.js';

export const rule: Rule = {
  meta: {
    id: 'network.rmm.relay_port',
    title: 'Connections to remote-access relay ports',
    description: 'A company device connects to a public address on a remote-access tool\'s relay or broker port (TeamViewer 5938, AnyDesk 7070/6568, RustDesk 21115-21117 and the others in the tool catalog), unless the tool is approved.',
    rationale: 'Remote-access tools reach their relays on characteristic ports; seeing them in network logs shows a tool in use even where no endpoint inventory exists.',
    sources: [SRC.mandiant, SRC.redcanary, SRC.t1219, SRC.lolrmm],
    severity: 'medium',
    data_needed: ['zeek:conn.log', 'devices.csv (to name the device\'s user)'],
    false_positives: ['The company\'s own approved tool', 'Other services that use the same port numbers (the evidence lists the destinations)'],
    params: { min_connections: { default: 1, description: 'Fewest connections to one relay that fire.' } },
    attack: ['T1219'],
  },
  async run(ctx) {
    const ports = new Map<number, string[]>();
    for (const t of ctx.data.tools.tools) for (const p of expandPorts(t.relay_ports)) (ports.get(p) ?? ports.set(p, []).get(p)!).push(t.id);
    if (!ports.size) return [];
    const found = connectionsByTool(ctx.data, await connectionGroups(ctx.store, { ports: [...ports.keys()] }), ctx.params.min_connections, (c, base) => {
      if (c.resp_p === null || isNonPublic(c.resp_h)) return null;
      return (ports.get(c.resp_p) ?? []).find((t) => !ctx.data.approval(t, base.personId, base.device)) ?? null;
    });
    const out: FindingDraft[] = [];
    for (const { base, tool, groups, total: n } of found) {
      const t = ctx.data.tools.byId.get(tool)!;
      const { device, personId, ...subject } = base;
      void personId;
      out.push({
        ...subject,
        summary: `${n} connection${n === 1 ? '' : 's'} to ${t.name} relay port${groups.length > 1 ? 's' : ''} ${[...new Set(groups.map((g) => g.resp_p))].join(', ')}`,
        discriminator: tool,
        evidence: { tool, name: t.name, device, connections: groups.slice(0, 20).map(connectionEvidence), total_connections: n },
        fact_keys: [`rmm-network:${tool}:${device ?? subject.subject_id}`],
        ...timeRange(groups.flatMap((g) => [g.first, g.last])),
      });
    }
    return out;
  },
};
