import { daysBetween, deviceLabel, deviceRule, deviceSubject } from '../../define.js';
import type { DeviceRows } from '../../data.js';
import { SOFTWARE_TABLES, toolsOnDevice } from '../../helpers/inventory.js';
import type { RuleContext } from '../../rule.js';
import { SRC } from '../../sources.js';

/** When the device reached its user: its delivered/shipped shipment, else enrolment, else the hire date. */
function deliveredAt(ctx: RuleContext, d: DeviceRows): { at: string; basis: string } | null {
  const shipped = ctx.data.shipments
    .filter((s) => s.device_serial && s.device_serial === d.serial && s.shipped_at && s.status !== 'returned')
    .sort((a, b) => a.shipped_at!.localeCompare(b.shipped_at!))[0];
  if (shipped) return { at: shipped.shipped_at!, basis: `shipment ${shipped.id}` };
  if (d.device?.enrolled_at) return { at: d.device.enrolled_at, basis: 'device enrolment' };
  if (d.person?.hire_date) return { at: `${d.person.hire_date}T00:00:00.000Z`, basis: 'hire date' };
  return null;
}

export const rule = deviceRule(
  {
    id: 'endpoint.rmm.after_delivery',
    title: 'Remote-access tool appears soon after the laptop is delivered',
    description: 'A remote-access tool (not approved) is first seen on a device within a few weeks after the device was shipped to its user (or enrolled, or the user was hired).',
    rationale: 'In the laptop-farm cases the facilitator installs remote-access software as soon as the new laptop arrives, so the worker abroad can start on day one. Advisories call RMM tools on a new hire\'s laptop in its first weeks a strong signal.',
    sources: [SRC.doj2025, SRC.mandiant, SRC.psa2024, SRC.t1219],
    severity: 'high',
    data_needed: ['osquery:programs', 'osquery:apps', 'osquery:processes', 'shipments.csv or devices.csv enrolled_at or people.csv hire_date'],
    false_positives: ['Onboarding sessions run by the help desk with its approved tool (approve it)', 'Tools installed by an MDM profile at enrolment'],
    params: { max_days: { default: 30, description: 'Days after delivery within which a first sighting fires.' } },
    attack: ['T1219'],
  },
  (ctx, d) => {
    const delivery = deliveredAt(ctx, d);
    if (!delivery) return [];
    return [...toolsOnDevice(d, ctx.data.tools, [...SOFTWARE_TABLES, 'processes']).values()]
      .filter((t) => !t.tool.builtin && !ctx.data.approval(t.tool.id, d.personId, d.serial))
      .map((t) => ({ t, days: daysBetween(delivery.at, t.first) }))
      .filter(({ days }) => days >= 0 && days <= ctx.params.max_days)
      .map(({ t, days }) => ({
        ...deviceSubject(d),
        summary: `${t.tool.name} first seen ${Math.round(days * 10) / 10} days after ${deviceLabel(d)} was delivered`,
        discriminator: `${d.key}:${t.tool.id}`,
        evidence: { device: d.key, hostname: d.device?.hostname ?? null, tool: t.tool.id, name: t.tool.name, delivered_at: delivery.at, delivery_basis: delivery.basis, first_seen: t.first, days_after_delivery: Math.round(days * 10) / 10, seen: t.hits.slice(0, 5) },
        fact_keys: [`rmm-tool:${t.tool.id}:${d.key}`, `rmm-early:${d.key}`],
        first_seen: delivery.at,
        last_seen: t.first,
      }));
  },
);
