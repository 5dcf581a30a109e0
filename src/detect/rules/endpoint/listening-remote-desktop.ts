import { deviceLabel, deviceRule, deviceSubject, timeRange } from '../../define.js';
import { isLoopback, processesByPid } from '../../helpers/inventory.js';
import { SRC } from '../../sources.js';

export const rule = deviceRule(
  {
    id: 'endpoint.listening.remote_desktop',
    title: 'Remote desktop (RDP or VNC) listening',
    description: 'The laptop accepts remote-desktop connections: something listens on the RDP or VNC ports (3389, 5900, 5901 by default) on a non-loopback address.',
    rationale: 'Enabling RDP or VNC on a laptop lets a second machine on the facilitator\'s network (or a tunnel) drive it, without any third-party tool installed.',
    sources: [SRC.mandiant, SRC.doj2025, SRC.t1219],
    severity: 'medium',
    data_needed: ['osquery:listening_ports', 'osquery:processes'],
    false_positives: ['IT-managed machines with remote desktop enabled for support (approve the tool or exempt the device)', 'Developers running a local VNC server for testing (usually bound to loopback, which is ignored)'],
    params: { ports: { default: [3389, 5900, 5901], description: 'Remote-desktop ports.' } },
    attack: ['T1021.001', 'T1021.005'],
  },
  (ctx, d) => {
    const ports = new Set((ctx.params.ports as number[]).map(String));
    const procs = processesByPid(d);
    const hits = [];
    for (const r of d.tables.get('listening_ports') ?? []) {
      if (!ports.has(r.columns.port ?? '') || isLoopback(r.columns.address)) continue;
      const proc = r.columns.pid ? procs.get(r.columns.pid) : undefined;
      const tool = proc ? ctx.data.tools.matchRow('processes', proc.columns)?.tool : undefined;
      if (tool && ctx.data.approval(tool.id, d.personId, d.serial)) continue;
      hits.push({ row_id: r.id, observed_at: r.observed_at, port: r.columns.port, protocol: r.columns.protocol, address: r.columns.address, pid: r.columns.pid, process: proc?.columns.name ?? null, process_path: proc?.columns.path ?? null });
    }
    if (!hits.length) return [];
    const list = [...new Set(hits.map((h) => h.port))];
    return [
      {
        ...deviceSubject(d),
        summary: `${list.map((p) => (p === '3389' ? 'RDP (3389)' : `VNC (${p})`)).join(', ')} listening on ${deviceLabel(d)}`,
        discriminator: d.key,
        evidence: { device: d.key, hostname: d.device?.hostname ?? null, listening: hits.slice(0, 10) },
        fact_keys: list.map((p) => `listening-remote-desktop:${p}:${d.key}`),
        ...timeRange(hits.map((h) => h.observed_at)),
      },
    ];
  },
);
