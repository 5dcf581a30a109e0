/**
 * Building blocks for rule files: the two streaming rule shapes (per person's sign-ins, per
 * device's inventory) and small helpers that every family uses for evidence.
 */
import { endpointRowsByDevice, signInsByPerson, type EndpointRowLite } from '../store/repositories/detect.js';
import type { DetectData, DeviceRows, PersonSignIns } from './data.js';
import type { FindingDraft, Rule, RuleContext, RuleMeta } from './rule.js';

/** The osquery tables the endpoint rules read (see the osquery pack in src/ingest/osquery-pack.ts). */
export const DEVICE_TABLES = ['programs', 'apps', 'deb_packages', 'rpm_packages', 'processes', 'usb_devices', 'listening_ports', 'locale', 'egress_ip'];

export function toPersonSignIns(data: DetectData, g: { personId: string; rows: Parameters<DetectData['signInView']>[0][] }): PersonSignIns {
  const personId = data.personKey(g.personId) ?? g.personId;
  return { personId, person: data.people.get(personId), signins: g.rows.map((r) => data.signInView(r)) };
}

export function toDeviceRows(data: DetectData, g: { serial: string | null; host: string; rows: EndpointRowLite[] }): DeviceRows {
  const { device, personId } = data.deviceOwner(g.serial, g.host);
  const tables = new Map<string, EndpointRowLite[]>();
  for (const r of g.rows) (tables.get(r.table_name) ?? tables.set(r.table_name, []).get(r.table_name)!).push(r);
  const serial = g.serial ?? device?.serial ?? null;
  return { key: serial ?? `host:${g.host}`, serial, host: g.host, device, personId, person: personId ? data.people.get(personId) : undefined, tables };
}

/** A rule that looks at one person's sign-ins at a time. */
export function signInRule(meta: RuleMeta, perPerson: (ctx: RuleContext, p: PersonSignIns) => FindingDraft[]): Rule {
  return {
    meta,
    perPerson,
    async run(ctx) {
      const out: FindingDraft[] = [];
      for await (const g of signInsByPerson(ctx.store)) out.push(...perPerson(ctx, toPersonSignIns(ctx.data, g)));
      return out;
    },
  };
}

/** A rule that looks at one device's inventory at a time. */
export function deviceRule(meta: RuleMeta, perDevice: (ctx: RuleContext, d: DeviceRows) => FindingDraft[]): Rule {
  return {
    meta,
    perDevice,
    async run(ctx) {
      const out: FindingDraft[] = [];
      for await (const g of endpointRowsByDevice(ctx.store, DEVICE_TABLES)) out.push(...perDevice(ctx, toDeviceRows(ctx.data, g)));
      return out;
    },
  };
}

/** Endpoint findings are about the person who holds the laptop when known, else the device itself. */
export function deviceSubject(d: DeviceRows): Pick<FindingDraft, 'subject_type' | 'subject_id' | 'also_subjects'> {
  return d.personId
    ? { subject_type: 'person', subject_id: d.personId, also_subjects: [d.key] }
    : { subject_type: 'device', subject_id: d.key, also_subjects: [] };
}

export function deviceLabel(d: DeviceRows): string {
  return d.device?.hostname ?? d.host ?? d.key;
}

/** Earliest and latest of some ISO times. */
export function timeRange(times: Array<string | null | undefined>): { first_seen: string | null; last_seen: string | null } {
  let first: string | null = null;
  let last: string | null = null;
  for (const t of times) {
    if (!t) continue;
    if (!first || t < first) first = t;
    if (!last || t > last) last = t;
  }
  return { first_seen: first, last_seen: last };
}

export const DAY_MS = 86_400_000;

export function daysBetween(a: string | number, b: string | number): number {
  const ta = typeof a === 'number' ? a : Date.parse(a);
  const tb = typeof b === 'number' ? b : Date.parse(b);
  return (tb - ta) / DAY_MS;
}

/** A person's name and HR id for summaries (never secrets). */
export function who(data: DetectData, personId: string): string {
  const p = data.people.get(personId);
  return p ? `${p.full_name} (${p.source_id})` : personId;
}
