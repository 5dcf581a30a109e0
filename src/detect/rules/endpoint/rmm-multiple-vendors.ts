import { deviceLabel, deviceRule, deviceSubject } from '../../define.js';
import { SOFTWARE_TABLES, toolsOnDevice } from '../../helpers/inventory.js';
import { SRC } from '../../sources.js';

export const rule = deviceRule(
  {
    id: 'endpoint.rmm.multiple_vendors',
    title: 'Remote-access tools of two or more vendors on one device',
    description: 'Remote-access tools from at least two different vendors are installed or running on one device, leaving out approved tools and tools built into the operating system.',
    rationale: 'Operators of farmed laptops keep a second remote-access path in case one is blocked; a worker\'s own laptop rarely needs two vendors\' tools.',
    sources: [SRC.doj2025, SRC.mandiant, SRC.redcanary, SRC.t1219],
    severity: 'high',
    data_needed: ['osquery:programs', 'osquery:apps', 'osquery:deb_packages', 'osquery:processes'],
    false_positives: ['Help-desk technicians and managed-service staff who legitimately run several tools (approve them for the department in detect.approved_remote_access_tools)'],
    params: { min_vendors: { default: 2, description: 'Fewest distinct vendors that fire.' } },
    attack: ['T1219'],
  },
  (ctx, d) => {
    const tools = [...toolsOnDevice(d, ctx.data.tools, [...SOFTWARE_TABLES, 'processes']).values()].filter(
      (t) => !t.tool.builtin && !ctx.data.approval(t.tool.id, d.personId, d.serial),
    );
    const vendors = new Map<string, typeof tools>();
    for (const t of tools) {
      const v = (t.tool.vendor || t.tool.name).toLowerCase();
      (vendors.get(v) ?? vendors.set(v, []).get(v)!).push(t);
    }
    if (vendors.size < ctx.params.min_vendors) return [];
    const names = tools.map((t) => t.tool.name);
    return [
      {
        ...deviceSubject(d),
        summary: `${names.join(' and ')} on the same device (${deviceLabel(d)})`,
        discriminator: d.key,
        evidence: {
          device: d.key,
          hostname: d.device?.hostname ?? null,
          vendors: [...vendors.values()].map((ts) => ({ vendor: ts[0]!.tool.vendor, tools: ts.map((t) => ({ tool: t.tool.id, name: t.tool.name, first_seen: t.first, last_seen: t.last, seen: t.hits.slice(0, 3) })) })),
        },
        fact_keys: [`rmm-multi-vendor:${d.key}`],
        first_seen: tools.map((t) => t.first).sort()[0],
        last_seen: tools.map((t) => t.last).sort().at(-1),
      },
    ];
  },
);
