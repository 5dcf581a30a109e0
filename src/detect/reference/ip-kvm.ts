/**
 * IP-KVM signatures (catalog/detect/ip-kvm.yaml) and the matcher for osquery usb_devices rows.
 * A named device matches on its manufacturer/product strings or its default serial on the known
 * USB id; an unnamed Linux USB gadget id matches with lower confidence.
 */
import { z } from 'zod';
import { loadCatalogFile } from './load.js';

const hex4 = z
  .string()
  .transform((s) => normalizeUsbId(s))
  .pipe(z.string().regex(/^[0-9a-f]{4}$/, 'a 4-digit hexadecimal USB id'));

const usbEntry = z
  .object({ vendor_id: hex4, product_id: hex4, manufacturer: z.string().default(''), product: z.string().default(''), serial: z.string().default('') })
  .strict();

export const ipKvmFileSchema = z
  .object({
    devices: z
      .array(
        z
          .object({
            id: z.string().regex(/^[a-z0-9_]+$/),
            name: z.string().min(1),
            usb: z.array(usbEntry).min(1),
            strings: z.array(z.string().min(2)).default([]),
            serials: z.array(z.string()).default([]),
          })
          .strict(),
      )
      .min(1),
    generic_gadgets: z.array(z.object({ vendor_id: hex4, product_id: hex4, description: z.string() }).strict()).default([]),
  })
  .strict();
export type IpKvmCatalog = z.infer<typeof ipKvmFileSchema>;

/** `0x1D6B`, `1d6b`, `7531` (decimal, as macOS prints it) → `1d6b`. */
export function normalizeUsbId(raw: string | number | null | undefined): string {
  if (raw === null || raw === undefined) return '';
  if (typeof raw === 'number') return raw.toString(16).padStart(4, '0');
  const s = raw.trim().toLowerCase().replace(/^0x/, '');
  return /^[0-9a-f]{1,4}$/.test(s) ? s.padStart(4, '0') : s;
}

let cached: IpKvmCatalog | null = null;
export function ipKvmCatalog(): IpKvmCatalog {
  return (cached ??= loadCatalogFile('ip-kvm.yaml', ipKvmFileSchema));
}

export interface IpKvmHit {
  device: string;
  name: string;
  confidence: 'high' | 'medium';
  /** What matched, for the evidence. */
  matched: string[];
}

export function matchIpKvm(c: Record<string, string>, catalog: IpKvmCatalog = ipKvmCatalog()): IpKvmHit | null {
  const vid = normalizeUsbId(c.vendor_id);
  const pid = normalizeUsbId(c.model_id ?? c.product_id);
  const text = [c.vendor, c.model, c.manufacturer, c.product].filter(Boolean).join(' ').toLowerCase();
  const serial = (c.serial ?? '').trim();
  for (const d of catalog.devices) {
    const idMatch = d.usb.find((u) => u.vendor_id === vid && u.product_id === pid);
    const str = d.strings.find((s) => text.includes(s.toLowerCase()));
    if (str) return { device: d.id, name: d.name, confidence: 'high', matched: [`name "${str}"`, ...(idMatch ? [`usb id ${vid}:${pid}`] : [])] };
    // An id that only this kind of device uses (not the shared Linux gadget id) is enough.
    const distinctive = idMatch && !catalog.generic_gadgets.some((g) => g.vendor_id === vid && g.product_id === pid);
    if (distinctive) return { device: d.id, name: d.name, confidence: 'high', matched: [`usb id ${vid}:${pid}`] };
  }
  const generic = catalog.generic_gadgets.find((g) => g.vendor_id === vid && g.product_id === pid);
  if (generic) {
    const bySerial = serial ? catalog.devices.filter((d) => d.serials.some((s) => s.toLowerCase() === serial.toLowerCase())) : [];
    if (bySerial.length)
      return {
        device: bySerial.map((d) => d.id).join('|'),
        name: bySerial.map((d) => d.name).join(' or '),
        confidence: 'high',
        matched: [`usb id ${vid}:${pid}`, `default serial "${serial}"`],
      };
    return { device: 'linux_usb_gadget', name: generic.description, confidence: 'medium', matched: [`usb id ${vid}:${pid}`] };
  }
  return null;
}
