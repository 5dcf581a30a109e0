/** Helpers the network rules share: who a connection belongs to, and connections per tool. */
import type { ConnectionGroup } from '../../store/repositories/detect.js';
import type { DetectData } from '../data.js';
import type { FindingDraft } from '../rule.js';

/** The subject of a connection: the device's user, else the device, else the source address. */
export type ConnectionSubject = Pick<FindingDraft, 'subject_type' | 'subject_id' | 'also_subjects'> & { device: string | null; personId: string | null };

export function connectionSubject(data: DetectData, c: Pick<ConnectionGroup, 'device_serial' | 'orig_h'>): ConnectionSubject {
  const { device, personId } = data.deviceOwner(c.device_serial);
  const serial = device?.serial ?? c.device_serial ?? null;
  if (personId) return { subject_type: 'person', subject_id: personId, also_subjects: serial ? [serial] : [], device: serial, personId };
  if (serial) return { subject_type: 'device', subject_id: serial, also_subjects: [], device: serial, personId: null };
  return { subject_type: 'identifier', subject_id: `ip:${c.orig_h}`, also_subjects: [c.orig_h], device: null, personId: null };
}

export const connectionEvidence = (c: ConnectionGroup) => ({
  source: c.orig_h,
  device_serial: c.device_serial,
  destination: c.resp_h,
  port: c.resp_p,
  connections: c.n,
  bytes: c.bytes,
  first: c.first,
  last: c.last,
  example_uid: c.example_uid,
});

export interface ToolConnections {
  base: ConnectionSubject;
  tool: string;
  groups: ConnectionGroup[];
  /** Connections over all groups. */
  total: number;
}

/**
 * Gather connections per subject and remote-access tool, keeping the subjects with at least
 * `minConnections`. `toolFor` names the (unapproved) tool a connection shows, or null to skip it.
 */
export function connectionsByTool(
  data: DetectData,
  connections: ConnectionGroup[],
  minConnections: number,
  toolFor: (c: ConnectionGroup, base: ConnectionSubject) => string | null,
): ToolConnections[] {
  const bySubject = new Map<string, ToolConnections>();
  for (const c of connections) {
    const base = connectionSubject(data, c);
    const tool = toolFor(c, base);
    if (!tool) continue;
    const key = `${base.subject_id}|${tool}`;
    let e = bySubject.get(key);
    if (!e) bySubject.set(key, (e = { base, tool, groups: [], total: 0 }));
    e.groups.push(c);
    e.total += c.n;
  }
  return [...bySubject.values()].filter((e) => e.total >= minConnections);
}
