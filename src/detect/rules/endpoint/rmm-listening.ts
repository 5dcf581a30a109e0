import { deviceLabel, deviceRule, deviceSubject } from '../../define.js';
import { isLoopback, processesByPid } from '../../helpers/inventory.js';
import type { RemoteAccessTool } from '../../reference/remote-access-tools.js';
import { SRC } from '../../sources.js';

export const rule = deviceRule(
  {
    id: 'endpoint.rmm.listening',
    title: 'Remote-access tool listening for connections',
    description: 'A remote-access tool accepts inbound connections on a company device: a listening port owned by a catalog tool\'s process, or one of a catalog tool\'s own service ports, on a non-loopback address.',
    rationale: 'A listening remote-access service lets someone reach the laptop directly, the set-up of a laptop kept on a facilitator\'s network for remote use.',
    sources: [SRC.doj2025, SRC.mandiant, SRC.t1219, SRC.lolrmm],
    severity: 'high',
    data_needed: ['osquery:listening_ports', 'osquery:processes'],
    false_positives: ['The company\'s own support tool (detect.approved_remote_access_tools)', 'Another program that happens to use a tool\'s default port (the evidence names the process)'],
    params: {},
    attack: ['T1219'],
  },
  (ctx, d) => {
    const procs = processesByPid(d);
    const found = new Map<string, { tool: RemoteAccessTool; ports: Array<{ port: string; protocol?: string; address?: string; pid?: string; process?: string; row_id: string; observed_at: string }>; times: string[] }>();
    for (const r of d.tables.get('listening_ports') ?? []) {
      const c = r.columns;
      if (isLoopback(c.address)) continue;
      const proc = c.pid ? procs.get(c.pid) : undefined;
      const byProcess = proc ? ctx.data.tools.matchRow('processes', proc.columns)?.tool : undefined;
      const tool = byProcess ?? (proc ? undefined : ctx.data.tools.toolsOnListenPort(Number(c.port))[0]);
      if (!tool || ctx.data.approval(tool.id, d.personId, d.serial)) continue;
      let e = found.get(tool.id);
      if (!e) found.set(tool.id, (e = { tool, ports: [], times: [] }));
      e.times.push(r.observed_at);
      if (!e.ports.some((p) => p.port === c.port && p.address === c.address) && e.ports.length < 10)
        e.ports.push({ port: c.port ?? '', protocol: c.protocol, address: c.address, pid: c.pid, process: proc?.columns.name, row_id: r.id, observed_at: r.observed_at });
    }
    return [...found.values()].map((e) => ({
      ...deviceSubject(d),
      summary: `${e.tool.name} listens on port ${[...new Set(e.ports.map((p) => p.port))].join(', ')} on ${deviceLabel(d)}`,
      discriminator: `${d.key}:${e.tool.id}`,
      evidence: { device: d.key, hostname: d.device?.hostname ?? null, tool: e.tool.id, name: e.tool.name, matched_by: e.ports.some((p) => p.process) ? 'listening process' : 'tool service port', listening: e.ports },
      fact_keys: [`rmm-listening:${e.tool.id}:${d.key}`],
      first_seen: e.times.sort()[0],
      last_seen: e.times[e.times.length - 1],
    }));
  },
);
