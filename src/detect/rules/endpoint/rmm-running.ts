import { deviceLabel, deviceRule, deviceSubject } from '../../define.js';
import { toolEvidence, toolsOnDevice } from '../../helpers/inventory.js';
import { SRC } from '../../sources.js';

export const rule = deviceRule(
  {
    id: 'endpoint.rmm.running',
    title: 'Remote-access tool running',
    description: 'A process of a remote-access or remote-management tool from the catalog runs on a company device, including portable tools that were never installed and tools built into the operating system (Quick Assist, macOS Screen Sharing).',
    rationale: 'A running remote-access agent is the channel through which a remote operator uses a farmed laptop; portable versions leave no installed-software trace.',
    sources: [SRC.doj2025, SRC.psa2024, SRC.mandiant, SRC.redcanary, SRC.t1219, SRC.lolrmm],
    severity: 'medium',
    data_needed: ['osquery:processes', 'devices.csv'],
    false_positives: ['The company\'s own support tool (detect.approved_remote_access_tools)', 'A support session the help desk started', 'Browser tabs on a vendor\'s website are not the tool itself and are not matched'],
    params: {},
    attack: ['T1219'],
  },
  (ctx, d) =>
    [...toolsOnDevice(d, ctx.data.tools, ['processes']).values()]
      .filter((t) => !ctx.data.approval(t.tool.id, d.personId, d.serial))
      .map((t) => ({
        ...deviceSubject(d),
        summary: `${t.tool.name} is running on ${deviceLabel(d)}`,
        discriminator: `${d.key}:${t.tool.id}`,
        evidence: { device: d.key, hostname: d.device?.hostname ?? null, ...toolEvidence(t) },
        fact_keys: [`rmm-tool:${t.tool.id}:${d.key}`],
        first_seen: t.first,
        last_seen: t.last,
      })),
);
