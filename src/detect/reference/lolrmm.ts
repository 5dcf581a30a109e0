/**
 * Reading a LOLRMM checkout (magicsword-io/LOLRMM, Apache-2.0): its `yaml/` folder holds one file
 * per tool. Each becomes a catalog entry with the facts the rules can use: executable names (PE
 * metadata and installation paths), macOS app names, domains, relay addresses and ports. LOLRMM
 * lists 443/80 for most tools; those say nothing and are left out of the relay ports.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { parseIp } from '../../enrich/ipaddr.js';
import { baseName } from './patterns.js';
import { remoteAccessToolSchema, type RemoteAccessTool } from './remote-access-tools.js';

const GENERIC_PORTS = new Set([80, 443, 8080]);

export interface LolrmmImport {
  tools: RemoteAccessTool[];
  /** Files that could not be read, with the reason. */
  skipped: Array<{ file: string; reason: string }>;
}

export function slug(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);

/** One LOLRMM document → a catalog entry (null when it names nothing a rule can match). */
export function toolFromLolrmm(doc: Record<string, any>, file: string): RemoteAccessTool | null {
  const name = str(doc.Name);
  if (!name) throw new Error('no Name');
  const details = (doc.Details ?? {}) as Record<string, unknown>;
  const windows = new Set<string>();
  const darwinApps = new Set<string>();
  const linux = new Set<string>();
  for (const pe of asList(details.PEMetadata)) {
    for (const k of ['Filename', 'OriginalFileName']) {
      const f = str((pe as Record<string, unknown> | null)?.[k]);
      if (f && /\.exe$/i.test(f)) windows.add(f);
    }
  }
  for (const p of asList(details.InstallationPaths)) {
    const path = str(p);
    if (!path) continue;
    const file = baseName(path.replace(/[\\/]\*?$/, ''));
    if (/\.exe$/i.test(file) && !/[%<>]/.test(file)) windows.add(file);
    else if (/\.app$/i.test(file)) darwinApps.add(file.replace(/\.app$/i, ''));
    else if (path.startsWith('/usr/') || path.startsWith('/opt/')) {
      if (file && !file.includes('*') && !file.includes('.')) linux.add(file);
    }
  }
  const domains = new Set<string>();
  const ips = new Set<string>();
  const ports = new Set<number>();
  for (const n of asList((doc.Artifacts as Record<string, unknown> | undefined)?.Network)) {
    for (const d of asList((n as Record<string, unknown> | null)?.Domains)) {
      const v = str(d);
      if (!v || v === 'user_managed') continue;
      const host = v.replace(/:\d+$/, '');
      if (parseIp(host)) ips.add(host);
      else domains.add(host);
    }
    for (const p of asList((n as Record<string, unknown> | null)?.Ports)) {
      const port = Number(p);
      if (Number.isInteger(port) && port > 0 && port < 65536 && !GENERIC_PORTS.has(port)) ports.add(port);
    }
  }
  if (!windows.size && !darwinApps.size && !linux.size && !ips.size && !ports.size) return null;
  const raw = {
    id: slug(name),
    name,
    vendor: str((doc.CodeSigning as any)?.certificates?.[0]?.signer_name) ?? '',
    kind: /rmm/i.test(String(doc.Category ?? '')) ? 'rmm' : 'remote_desktop',
    windows: { processes: [...windows] },
    darwin: { processes: [...darwinApps], apps: [...darwinApps] },
    linux: { processes: [...linux] },
    domains: [...domains],
    relay_ports: [...ports],
    relay_ips: [...ips],
    source: `lolrmm:${file}`,
  };
  return remoteAccessToolSchema.parse(raw);
}

/** Read every `*.yaml`/`*.yml` of a LOLRMM checkout (`DIR` or `DIR/yaml`). */
export function readLolrmm(dir: string): LolrmmImport {
  const yamlDir = statSync(join(dir, 'yaml'), { throwIfNoEntry: false })?.isDirectory() ? join(dir, 'yaml') : dir;
  const files = readdirSync(yamlDir).filter((f) => /\.ya?ml$/i.test(f)).sort();
  if (!files.length) throw new Error(`${yamlDir}: no LOLRMM .yaml files (expected a LOLRMM checkout or its yaml/ folder)`);
  const tools = new Map<string, RemoteAccessTool>();
  const skipped: LolrmmImport['skipped'] = [];
  for (const f of files) {
    try {
      const doc = parseYaml(readFileSync(join(yamlDir, f), 'utf8')) as Record<string, unknown>;
      const t = toolFromLolrmm(doc, basename(f));
      if (!t) skipped.push({ file: f, reason: 'names no executable, app, address or port' });
      else if (tools.has(t.id)) skipped.push({ file: f, reason: `duplicate of ${tools.get(t.id)!.source}` });
      else tools.set(t.id, t);
    } catch (e) {
      skipped.push({ file: f, reason: e instanceof Error ? e.message.split('\n')[0]! : String(e) });
    }
  }
  return { tools: [...tools.values()], skipped };
}
