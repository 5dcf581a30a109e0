import { deviceLabel, deviceRule, deviceSubject } from '../../define.js';
import { SOFTWARE_TABLES, toolEvidence, toolsOnDevice } from '../../helpers/inventory.js';
import { SRC } from '../../sources.js';

export const rule = deviceRule(
  {
    id: 'endpoint.rmm.installed',
    title: 'Remote-access tool installed',
    description: 'A remote-access or remote-management tool from the catalog is installed on a company device (Windows programs, macOS apps, Linux packages) and is not one the company approves.',
    rationale: 'Facilitators install AnyDesk, TeamViewer and similar tools on the laptops they host so the real worker can operate them from abroad; this is how the DOJ describes every laptop farm.',
    sources: [SRC.doj2025, SRC.psa2024, SRC.mandiant, SRC.redcanary, SRC.t1219, SRC.lolrmm],
    severity: 'medium',
    data_needed: ['osquery:programs', 'osquery:apps', 'osquery:deb_packages', 'osquery:rpm_packages', 'devices.csv'],
    false_positives: ['The company\'s own support tool: list it in detect.approved_remote_access_tools', 'IT and help-desk staff who support others (approve tools per department)', 'Installers left behind after a one-off support session'],
    params: {},
    attack: ['T1219'],
  },
  (ctx, d) =>
    [...toolsOnDevice(d, ctx.data.tools, SOFTWARE_TABLES).values()]
      .filter((t) => !t.tool.builtin && !ctx.data.approval(t.tool.id, d.personId, d.serial))
      .map((t) => ({
        ...deviceSubject(d),
        summary: `${t.tool.name} is installed on ${deviceLabel(d)}`,
        discriminator: `${d.key}:${t.tool.id}`,
        evidence: { device: d.key, hostname: d.device?.hostname ?? null, ...toolEvidence(t) },
        fact_keys: [`rmm-tool:${t.tool.id}:${d.key}`],
        first_seen: t.first,
        last_seen: t.last,
      })),
);
