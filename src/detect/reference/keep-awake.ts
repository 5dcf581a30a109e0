/**
 * Mouse-jiggler and keep-awake signatures (catalog/detect/keep-awake.yaml): software matched like
 * the remote-access tools, USB hardware by the words it names itself with.
 */
import { z } from 'zod';
import { loadCatalogFile } from './load.js';
import { ToolCatalog, type RemoteAccessTool } from './remote-access-tools.js';

const names = z.array(z.string()).default([]);
const platformEntry = z.object({ processes: names, programs: names, apps: names, bundle_ids: names, packages: names }).strict().optional();

export const keepAwakeFileSchema = z
  .object({
    software: z
      .array(
        z
          .object({ id: z.string().regex(/^[a-z0-9_]+$/), name: z.string().min(1), weak: z.boolean().default(false), windows: platformEntry, darwin: platformEntry, linux: platformEntry })
          .strict(),
      )
      .min(1),
    usb: z.object({ strings: z.array(z.string().min(3)).min(1) }).strict(),
  })
  .strict();
export type KeepAwakeCatalog = z.infer<typeof keepAwakeFileSchema>;

export interface KeepAwake {
  catalog: KeepAwakeCatalog;
  /** Software entries reuse the tool matcher; `weak` ones are kept in this set. */
  software: ToolCatalog;
  weak: Set<string>;
  matchUsb(c: Record<string, string>): string | null;
}

let cached: KeepAwake | null = null;
export function keepAwakeCatalog(): KeepAwake {
  if (cached) return cached;
  const catalog = loadCatalogFile('keep-awake.yaml', keepAwakeFileSchema);
  const empty = { processes: [], programs: [], apps: [], bundle_ids: [], packages: [] };
  const asTools: RemoteAccessTool[] = catalog.software.map((s) => ({
    id: s.id,
    name: s.name,
    vendor: '',
    kind: 'rmm',
    builtin: false,
    windows: { ...empty, ...s.windows },
    darwin: { ...empty, ...s.darwin },
    linux: { ...empty, ...s.linux },
    domains: [],
    relay_ports: [],
    listen_ports: [],
    relay_ips: [],
    network_orgs: [],
    source: 'unmask',
  }));
  const needles = catalog.usb.strings.map((s) => s.toLowerCase());
  cached = {
    catalog,
    software: new ToolCatalog(asTools),
    weak: new Set(catalog.software.filter((s) => s.weak).map((s) => s.id)),
    matchUsb(c) {
      const text = [c.vendor, c.model, c.manufacturer, c.product].filter(Boolean).join(' ').toLowerCase();
      return needles.find((n) => text.includes(n)) ?? null;
    },
  };
  return cached;
}
