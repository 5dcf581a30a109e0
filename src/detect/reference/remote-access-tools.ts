/**
 * The remote-access tool catalog: the built-in catalog/detect/remote-access-tools.yaml plus tools
 * imported from a LOLRMM checkout (`unmask rules import-lolrmm`, stored in the database), and the
 * matchers the endpoint and network rules use. Matching is by exact name first (a map lookup) and
 * by glob only for patterns with `*`; results are cached per distinct name, since inventories
 * repeat the same names on every host.
 */
import { z } from 'zod';
import { loadCatalogFile } from './load.js';
import { baseName, compileGlobs, expandPorts } from './patterns.js';

const names = z.array(z.string()).default([]);
const platformEntry = z
  .object({ processes: names, programs: names, apps: names, bundle_ids: names, packages: names })
  .strict()
  .default({ processes: [], programs: [], apps: [], bundle_ids: [], packages: [] });
const portList = z.array(z.union([z.number().int().min(1).max(65535), z.string().regex(/^\d+(\s*-\s*\d+)?$/)])).default([]);

export const remoteAccessToolSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9_]+$/, 'tool ids are lowercase letters, digits and _'),
    name: z.string().min(1),
    vendor: z.string().default(''),
    kind: z.enum(['remote_desktop', 'rmm', 'vnc', 'support', 'tunnel']).default('rmm'),
    builtin: z.boolean().default(false),
    windows: platformEntry,
    darwin: platformEntry,
    linux: platformEntry,
    domains: names,
    relay_ports: portList,
    listen_ports: portList,
    relay_ips: names,
    network_orgs: names,
    /** Where the entry came from: `unmask` (built in) or `lolrmm:<file>` (imported). */
    source: z.string().default('unmask'),
  })
  .strict();
export type RemoteAccessTool = z.infer<typeof remoteAccessToolSchema>;

export const toolCatalogFileSchema = z.object({ tools: z.array(remoteAccessToolSchema).min(1) }).strict();

let builtin: RemoteAccessTool[] | null = null;
export function builtinTools(): RemoteAccessTool[] {
  if (!builtin) {
    builtin = loadCatalogFile('remote-access-tools.yaml', toolCatalogFileSchema).tools;
    const seen = new Set<string>();
    for (const t of builtin) {
      if (seen.has(t.id)) throw new Error(`remote-access-tools.yaml: duplicate tool id ${t.id}`);
      seen.add(t.id);
    }
  }
  return builtin;
}

export type MatchField = 'process' | 'program' | 'app' | 'bundle_id' | 'package';

/** Matches one kind of name against every tool: exact names in a map, globs tested in order. */
class NameIndex<T extends object> {
  private exact = new Map<string, T>();
  private globs: Array<{ re: RegExp; item: T }> = [];
  private cache = new Map<string, T | null>();
  add(pattern: string, item: T): void {
    const p = pattern.trim();
    if (!p) return;
    if (p.includes('*')) this.globs.push({ re: compileGlobs([p])!, item });
    else if (!this.exact.has(p.toLowerCase())) this.exact.set(p.toLowerCase(), item);
  }
  match(value: string | undefined | null): T | null {
    if (!value) return null;
    const key = value.trim().toLowerCase();
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    let found = this.exact.get(key) ?? null;
    if (!found) for (const g of this.globs) if (g.re.test(key)) { found = g.item; break; }
    if (this.cache.size < 200_000) this.cache.set(key, found);
    return found;
  }
}

export interface ToolHit {
  tool: RemoteAccessTool;
  via: MatchField;
  value: string;
}

export class ToolCatalog {
  readonly byId: Map<string, RemoteAccessTool>;
  private processes = new NameIndex<RemoteAccessTool>();
  private programs = new NameIndex<RemoteAccessTool>();
  private apps = new NameIndex<RemoteAccessTool>();
  private bundles = new NameIndex<RemoteAccessTool>();
  private packages = new NameIndex<RemoteAccessTool>();
  private relayPorts = new Map<number, RemoteAccessTool[]>();
  private listenPorts = new Map<number, RemoteAccessTool[]>();
  private relayIps = new Map<string, RemoteAccessTool>();
  private orgs: Array<{ needle: string; tool: RemoteAccessTool }> = [];

  constructor(readonly tools: RemoteAccessTool[]) {
    this.byId = new Map(tools.map((t) => [t.id, t]));
    for (const t of tools) {
      for (const p of [t.windows, t.darwin, t.linux]) {
        p.processes.forEach((n) => this.processes.add(n, t));
        p.programs.forEach((n) => this.programs.add(n, t));
        p.apps.forEach((n) => this.apps.add(n, t));
        p.bundle_ids.forEach((n) => this.bundles.add(n, t));
        p.packages.forEach((n) => this.packages.add(n, t));
      }
      for (const port of expandPorts(t.relay_ports)) (this.relayPorts.get(port) ?? this.relayPorts.set(port, []).get(port)!).push(t);
      for (const port of expandPorts(t.listen_ports)) (this.listenPorts.get(port) ?? this.listenPorts.set(port, []).get(port)!).push(t);
      for (const ip of t.relay_ips) this.relayIps.set(ip, t);
      for (const o of t.network_orgs) if (o.trim()) this.orgs.push({ needle: o.trim().toLowerCase(), tool: t });
    }
  }

  /**
   * Built-in tools plus imported ones. An imported tool with a built-in's id adds its names,
   * domains, addresses and ports to the built-in entry (the built-in keeps its name and kind).
   */
  static withImported(imported: RemoteAccessTool[]): ToolCatalog {
    const merged = new Map(builtinTools().map((t) => [t.id, t]));
    const union = <T>(a: T[], b: T[]) => [...new Set([...a, ...b])];
    for (const t of imported) {
      const base = merged.get(t.id);
      if (!base) {
        merged.set(t.id, t);
        continue;
      }
      const platform = (a: RemoteAccessTool['windows'], b: RemoteAccessTool['windows']) => ({
        processes: union(a.processes, b.processes),
        programs: union(a.programs, b.programs),
        apps: union(a.apps, b.apps),
        bundle_ids: union(a.bundle_ids, b.bundle_ids),
        packages: union(a.packages, b.packages),
      });
      merged.set(t.id, {
        ...base,
        windows: platform(base.windows, t.windows),
        darwin: platform(base.darwin, t.darwin),
        linux: platform(base.linux, t.linux),
        domains: union(base.domains, t.domains),
        relay_ports: union(base.relay_ports, t.relay_ports),
        listen_ports: union(base.listen_ports, t.listen_ports),
        relay_ips: union(base.relay_ips, t.relay_ips),
        network_orgs: union(base.network_orgs, t.network_orgs),
        source: `${base.source}+${t.source}`,
      });
    }
    return new ToolCatalog([...merged.values()]);
  }

  /** Which tool an osquery inventory row shows, if any (processes, programs, apps, deb/rpm packages). */
  matchRow(table: string, c: Record<string, string>): ToolHit | null {
    switch (table) {
      case 'processes': {
        const byName = this.processes.match(c.name);
        if (byName) return { tool: byName, via: 'process', value: c.name! };
        const file = c.path ? baseName(c.path) : '';
        const byPath = file && file !== c.name ? this.processes.match(file) : null;
        return byPath ? { tool: byPath, via: 'process', value: c.path! } : null;
      }
      case 'programs': {
        const t = this.programs.match(c.name);
        return t ? { tool: t, via: 'program', value: c.name! } : null;
      }
      case 'apps': {
        const byBundle = this.bundles.match(c.bundle_identifier);
        if (byBundle) return { tool: byBundle, via: 'bundle_id', value: c.bundle_identifier! };
        const app = (c.name ?? '').replace(/\.app$/i, '');
        const t = this.apps.match(app);
        return t ? { tool: t, via: 'app', value: c.name! } : null;
      }
      case 'deb_packages':
      case 'rpm_packages': {
        const t = this.packages.match(c.name);
        return t ? { tool: t, via: 'package', value: c.name! } : null;
      }
      default:
        return null;
    }
  }

  toolsOnRelayPort(port: number): RemoteAccessTool[] {
    return this.relayPorts.get(port) ?? [];
  }
  toolsOnListenPort(port: number): RemoteAccessTool[] {
    return this.listenPorts.get(port) ?? [];
  }
  toolForRelayIp(ip: string): RemoteAccessTool | null {
    return this.relayIps.get(ip) ?? null;
  }
  /** The tool whose relay network owner (AS organisation) this is. */
  toolForNetworkOrg(asOrg: string | null | undefined): RemoteAccessTool | null {
    if (!asOrg) return null;
    const o = asOrg.toLowerCase();
    return this.orgs.find((x) => o.includes(x.needle))?.tool ?? null;
  }
}
