/**
 * Recognising remote-access tools and USB devices in a device's inventory, for display on the
 * person page (the detection rules decide what is suspicious; this only labels what is there).
 * Product names are public facts; IP-KVM and remote-access products are common in laptop farms.
 */
const REMOTE_ACCESS: Array<[RegExp, string]> = [
  [/anydesk/i, 'AnyDesk'],
  [/teamviewer/i, 'TeamViewer'],
  [/rustdesk/i, 'RustDesk'],
  [/splashtop|srservice|strwinclt/i, 'Splashtop'],
  [/screenconnect|connectwise ?control/i, 'ConnectWise ScreenConnect'],
  [/chrome ?remote ?desktop|remoting_host|chromoting/i, 'Chrome Remote Desktop'],
  [/logmein|lmiguardian/i, 'LogMeIn'],
  [/gotoassist|goto ?resolve|g2ax/i, 'GoTo'],
  [/realvnc|vncserver|vnc ?viewer|tightvnc|ultravnc|tigervnc|x11vnc/i, 'VNC'],
  [/parsec/i, 'Parsec'],
  [/zoho ?assist|zohomeeting/i, 'Zoho Assist'],
  [/atera/i, 'Atera'],
  [/ninjarmm|ninjaone/i, 'NinjaOne'],
  [/supremo/i, 'Supremo'],
  [/aeroadmin/i, 'AeroAdmin'],
  [/ammyy/i, 'Ammyy Admin'],
  [/dwagent|dwservice/i, 'DWService'],
  [/meshagent|meshcentral/i, 'MeshCentral'],
  [/remote ?utilities|rutserv|rfusclient/i, 'Remote Utilities'],
  [/remotepc/i, 'RemotePC'],
  [/bomgar|beyondtrust/i, 'BeyondTrust'],
  [/kaseya|agentmon/i, 'Kaseya'],
  [/action1/i, 'Action1'],
  [/jump ?desktop/i, 'Jump Desktop'],
  [/nomachine|nxserver/i, 'NoMachine'],
  [/getscreen/i, 'Getscreen'],
  [/hoptodesk/i, 'HopToDesk'],
  [/remotely/i, 'Remotely'],
  [/xrdp/i, 'xrdp'],
];

export const INVENTORY_TABLES = ['programs', 'apps', 'deb_packages', 'rpm_packages', 'processes', 'usb_devices'] as const;

export function remoteAccessName(text: string): string | null {
  for (const [re, name] of REMOTE_ACCESS) if (re.test(text)) return name;
  return null;
}

export interface DeviceInventory {
  remote_access: Array<{ name: string; seen_as: string; table: string; last_seen: string }>;
  usb: Array<{ vendor: string | null; model: string | null; vendor_id: string | null; model_id: string | null; last_seen: string }>;
}

/** Summarise inventory rows (newest first) into distinct remote-access tools and USB devices. */
export function summariseInventory(rows: Array<{ table_name: string; columns: string; observed_at: string; action: string }>): DeviceInventory {
  const tools = new Map<string, DeviceInventory['remote_access'][number]>();
  const usb = new Map<string, DeviceInventory['usb'][number]>();
  for (const r of rows) {
    if (r.action === 'removed') continue;
    let c: Record<string, string>;
    try {
      c = JSON.parse(r.columns) as Record<string, string>;
    } catch {
      continue;
    }
    if (r.table_name === 'usb_devices') {
      const key = `${c.vendor_id ?? ''}:${c.model_id ?? ''}:${c.vendor ?? ''}:${c.model ?? ''}`;
      if (!usb.has(key)) usb.set(key, { vendor: c.vendor ?? null, model: c.model ?? null, vendor_id: c.vendor_id ?? null, model_id: c.model_id ?? null, last_seen: r.observed_at });
      continue;
    }
    const text = [c.name, c.path, c.bundle_identifier, c.publisher].filter(Boolean).join(' ');
    const name = remoteAccessName(text);
    if (name && !tools.has(name)) tools.set(name, { name, seen_as: c.name ?? c.path ?? text, table: r.table_name, last_seen: r.observed_at });
  }
  return { remote_access: [...tools.values()], usb: [...usb.values()] };
}
