/** Helpers the endpoint rules share: tool matches on one device's inventory, and their evidence. */
import type { EndpointRowLite } from '../../store/repositories/detect.js';
import type { DeviceRows } from '../data.js';
import type { RemoteAccessTool, ToolCatalog, ToolHit } from '../reference/remote-access-tools.js';

export const SOFTWARE_TABLES = ['programs', 'apps', 'deb_packages', 'rpm_packages'];

export interface ToolOnDevice {
  tool: RemoteAccessTool;
  hits: Array<{ table: string; via: ToolHit['via']; value: string; row_id: string; observed_at: string; action: string; pid?: string; path?: string; version?: string }>;
  first: string;
  last: string;
}

/** Tools seen in some tables of one device, by tool id. */
export function toolsOnDevice(d: DeviceRows, catalog: ToolCatalog, tables: string[]): Map<string, ToolOnDevice> {
  const out = new Map<string, ToolOnDevice>();
  for (const table of tables) {
    for (const r of d.tables.get(table) ?? []) {
      const hit = catalog.matchRow(table, r.columns);
      if (!hit) continue;
      let t = out.get(hit.tool.id);
      if (!t) out.set(hit.tool.id, (t = { tool: hit.tool, hits: [], first: r.observed_at, last: r.observed_at }));
      if (r.observed_at < t.first) t.first = r.observed_at;
      if (r.observed_at > t.last) t.last = r.observed_at;
      // Keep the evidence short: one line per distinct value and table.
      if (!t.hits.some((h) => h.table === table && h.value === hit.value) && t.hits.length < 20) {
        t.hits.push({
          table,
          via: hit.via,
          value: hit.value,
          row_id: r.id,
          observed_at: r.observed_at,
          action: r.action,
          ...(r.columns.pid ? { pid: r.columns.pid } : {}),
          ...(r.columns.path ? { path: r.columns.path } : {}),
          ...(r.columns.version || r.columns.bundle_short_version ? { version: r.columns.version ?? r.columns.bundle_short_version } : {}),
        });
      }
    }
  }
  return out;
}

export function isLoopback(address: string | undefined): boolean {
  const a = (address ?? '').trim().toLowerCase();
  return a.startsWith('127.') || a === '::1' || a === 'localhost' || a === '::ffff:127.0.0.1';
}

/** Processes of a device by pid, for naming the owner of a listening port. */
export function processesByPid(d: DeviceRows): Map<string, EndpointRowLite> {
  const m = new Map<string, EndpointRowLite>();
  for (const r of d.tables.get('processes') ?? []) if (r.columns.pid) m.set(r.columns.pid, r);
  return m;
}

export const toolEvidence = (t: ToolOnDevice) => ({ tool: t.tool.id, name: t.tool.name, vendor: t.tool.vendor, kind: t.tool.kind, catalog_source: t.tool.source, seen: t.hits });
