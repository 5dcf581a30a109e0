/**
 * osquery result logs as osqueryd's filesystem logger writes them, one JSON object per line,
 * using the query names of Unmask's pack (`unmask_<table>`). Snapshot queries log
 * `"action":"snapshot"` with the whole result; differential queries log what changed, either
 * one row per line (`"action":"added"`, the default) or batched (`diffResults`, for hosts with
 * `--logger_event_type=false`: the Windows fleet here). A host is named by its hostname or its
 * hardware UUID, with a `hardware_serial` decoration on most hosts.
 */
import { deviceEgress } from '../activity.js';
import { localeRows, OS_VERSIONS, REMOTE_TOOLS, type Software, type UsbDevice } from '../catalog/software.js';
import { PERIOD, type SimDevice, type SimOrg, type SimPerson } from '../model.js';
import { Rng } from '../random.js';
import { DAY_MS, daysBetween, osqueryCalendarTime, weekday } from '../time.js';
import type { Sink } from './out.js';

type Row = Record<string, string>;

const SOFTWARE_TABLE = { windows: 'programs', darwin: 'apps', linux: 'deb_packages' } as const;

function softwareRow(d: SimDevice, s: Software, at: number): Row {
  const date = new Date(at);
  if (d.platform === 'windows') {
    const ymd = `${date.getUTCFullYear()}${String(date.getUTCMonth() + 1).padStart(2, '0')}${String(date.getUTCDate()).padStart(2, '0')}`;
    const loc = s.process ? s.process.path.slice(0, s.process.path.lastIndexOf('\\')) : '';
    return { name: s.name, version: s.version, publisher: s.vendor, install_location: loc, install_date: ymd, identifying_number: `{${Rng.from('msi', s.name).uuid().toUpperCase()}}` };
  }
  if (d.platform === 'darwin') {
    const path = `/Applications/${s.name}`;
    return { name: s.name, path, bundle_identifier: s.vendor, bundle_name: s.name.replace(/\.app$/, ''), bundle_short_version: s.version, bundle_version: s.version, last_opened_time: String(Math.floor(at / 1000)) };
  }
  return { name: s.name, version: s.version, source: s.vendor, arch: 'amd64', status: 'install ok installed', revision: '' };
}

function usbRow(u: UsbDevice, i: number): Row {
  return { usb_address: String(3 + i), usb_port: String(1 + (i % 4)), vendor: u.vendor, vendor_id: u.vendor_id, version: '1.00', model: u.model, model_id: u.model_id, serial: u.serial, class: u.class, subclass: u.subclass, protocol: u.protocol, removable: u.removable };
}

const SYSTEM_PROCESSES = {
  windows: [
    ['System', '', ''],
    ['smss.exe', 'C:\\Windows\\System32\\smss.exe', '\\SystemRoot\\System32\\smss.exe'],
    ['csrss.exe', 'C:\\Windows\\System32\\csrss.exe', '%SystemRoot%\\system32\\csrss.exe ObjectDirectory=\\Windows'],
    ['winlogon.exe', 'C:\\Windows\\System32\\winlogon.exe', 'winlogon.exe'],
    ['services.exe', 'C:\\Windows\\System32\\services.exe', 'C:\\Windows\\system32\\services.exe'],
    ['lsass.exe', 'C:\\Windows\\System32\\lsass.exe', 'C:\\Windows\\system32\\lsass.exe'],
    ['svchost.exe', 'C:\\Windows\\System32\\svchost.exe', 'C:\\Windows\\system32\\svchost.exe -k netsvcs -p'],
    ['explorer.exe', 'C:\\Windows\\explorer.exe', 'C:\\Windows\\Explorer.EXE'],
    ['MsMpEng.exe', 'C:\\ProgramData\\Microsoft\\Windows Defender\\Platform\\4.18.25050.5-0\\MsMpEng.exe', ''],
  ],
  darwin: [
    ['launchd', '/sbin/launchd', '/sbin/launchd'],
    ['kernel_task', '', ''],
    ['WindowServer', '/System/Library/PrivateFrameworks/SkyLight.framework/Versions/A/Resources/WindowServer', '/System/Library/PrivateFrameworks/SkyLight.framework/Resources/WindowServer -daemon'],
    ['Finder', '/System/Library/CoreServices/Finder.app/Contents/MacOS/Finder', '/System/Library/CoreServices/Finder.app/Contents/MacOS/Finder'],
    ['Dock', '/System/Library/CoreServices/Dock.app/Contents/MacOS/Dock', '/System/Library/CoreServices/Dock.app/Contents/MacOS/Dock'],
    ['osqueryd', '/opt/osquery/lib/osquery.app/Contents/MacOS/osqueryd', '/opt/osquery/lib/osquery.app/Contents/MacOS/osqueryd --flagfile=/var/osquery/osquery.flags'],
  ],
  linux: [
    ['systemd', '/usr/lib/systemd/systemd', '/sbin/init splash'],
    ['systemd-journald', '/usr/lib/systemd/systemd-journald', '/usr/lib/systemd/systemd-journald'],
    ['NetworkManager', '/usr/sbin/NetworkManager', '/usr/sbin/NetworkManager --no-daemon'],
    ['gnome-shell', '/usr/bin/gnome-shell', '/usr/bin/gnome-shell'],
    ['sshd', '/usr/sbin/sshd', 'sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups'],
  ],
} as const;

export class OsqueryWriter {
  lines = 0;

  constructor(
    private readonly org: SimOrg,
    private readonly eventSink: Sink,
    private readonly batchSink: Sink,
  ) {}

  async writeAll(): Promise<void> {
    for (const p of this.org.people) for (const d of p.devices) await this.device(p, d);
  }

  private async device(owner: SimPerson, d: SimDevice): Promise<void> {
    const r = Rng.from(this.org.seed, 'osquery', d.serial);
    const sink = d.platform === 'windows' ? this.batchSink : this.eventSink;
    const batched = d.platform === 'windows';
    const hostIdentifier = d.hostIdentifier === 'hostname' ? (d.platform === 'darwin' ? `${d.hostname}.local` : d.hostname) : d.uuid;
    const decorations = d.decorated ? { host_uuid: d.uuid, hostname: d.hostname, hardware_serial: d.serial } : undefined;
    const start = Math.max(d.enrolledAt + r.int(10, 40) * 60_000, Date.parse(`${PERIOD.start}T00:00:00Z`) + r.int(60, 1440) * 60_000);
    const endDay = owner.endDate && owner.endDate < PERIOD.end ? owner.endDate : PERIOD.end;
    const end = Date.parse(`${endDay}T23:00:00Z`);
    if (start >= end) return;
    const counters = new Map<string, number>();
    const line = async (name: string, at: number, body: Record<string, unknown>) => {
      const counter = counters.get(name) ?? 0;
      counters.set(name, counter + 1);
      const rec: Record<string, unknown> = { name, hostIdentifier, calendarTime: osqueryCalendarTime(at), unixTime: Math.floor(at / 1000), epoch: 0, counter, numerics: false };
      if (decorations) rec.decorations = decorations;
      this.lines++;
      await sink.write(`${JSON.stringify({ ...rec, ...body })}\n`);
    };
    const diff = async (name: string, at: number, added: Row[], removed: Row[] = []) => {
      if (added.length === 0 && removed.length === 0) return;
      if (batched) {
        await line(name, at, { diffResults: { added, removed } });
        return;
      }
      for (const row of removed) await line(name, at, { columns: row, action: 'removed' });
      for (const row of added) await line(name, at, { columns: row, action: 'added' });
    };
    const snapshot = (name: string, at: number, rows: Row[]) => line(name, at, { snapshot: rows, action: 'snapshot' });

    const softName = `unmask_${SOFTWARE_TABLE[d.platform]}`;
    const installedBy = (t: number) => d.installs.filter((i) => i.at <= t);
    const processRows = (t: number): Row[] => {
      const rows: Row[] = [];
      let pid = d.platform === 'windows' ? 4 : 1;
      for (const [name, path, cmdline] of SYSTEM_PROCESSES[d.platform]) {
        rows.push({ pid: String(pid), name, path, cmdline, parent: String(pid === 1 || pid === 4 ? 0 : 1) });
        pid += r.int(3, 90);
      }
      for (const s of [...d.software, ...installedBy(t).map((i) => i.software)]) {
        if (!s.process) continue;
        rows.push({ pid: String(pid), name: s.process.name, path: s.process.path, cmdline: `"${s.process.path}"${s.name.startsWith('AnyDesk') ? ' --service' : ''}`, parent: '1' });
        pid += r.int(3, 400);
      }
      return rows;
    };
    const listenRows = (t: number): Row[] => {
      const rows: Row[] = [];
      for (const i of installedBy(t)) {
        const tool = i.tool ? REMOTE_TOOLS[i.tool] : undefined;
        for (const port of tool?.listen ?? []) rows.push({ pid: String(1000 + port), port: String(port), protocol: '6', family: '2', address: '0.0.0.0' });
      }
      return rows;
    };
    const interfaces = (): Row[] => {
      const rows: Row[] = [
        { interface: d.platform === 'windows' ? '12' : 'lo0', address: '127.0.0.1', mask: '255.0.0.0', type: 'loopback', friendly_name: d.platform === 'windows' ? 'Loopback Pseudo-Interface 1' : '' },
        { interface: d.platform === 'windows' ? '7' : d.platform === 'darwin' ? 'en0' : 'wlp0s20f3', address: `192.168.${r.pick([0, 1, 1, 4, 86])}.${r.int(2, 250)}`, mask: '255.255.255.0', type: 'dhcp', friendly_name: d.platform === 'windows' ? 'Wi-Fi' : '' },
      ];
      if (d.tunnelIp) rows.push({ interface: d.platform === 'windows' ? '19' : d.platform === 'darwin' ? 'utun4' : 'gpd0', address: d.tunnelIp, mask: '255.255.255.255', type: 'manual', friendly_name: d.platform === 'windows' ? 'PANGP Virtual Ethernet Adapter Secure' : '' });
      return rows;
    };
    const egressRow = (t: number): Row[] => [{ address: deviceEgress(d, owner, new Date(t).toISOString().slice(0, 10), r).ip }];
    const os = OS_VERSIONS[d.platform];

    // First run after enrolment: every query reports everything.
    const t = start;
    await snapshot('unmask_system_info', t, [{ hostname: d.platform === 'darwin' ? `${d.hostname}.local` : d.hostname, uuid: d.uuid, cpu_brand: d.hardware.cpu, cpu_physical_cores: String(r.pick([8, 10, 12, 14])), physical_memory: String(r.pick([16, 32, 36]) * 1073741824), hardware_vendor: d.hardware.vendor, hardware_model: d.hardware.model, hardware_serial: d.serial, computer_name: d.hostname, local_hostname: d.hostname }]);
    await snapshot('unmask_os_version', t + 1000, [{ name: os.name, version: os.version, major: os.major, minor: os.minor, patch: '0', build: os.build, platform: os.platform, arch: d.platform === 'darwin' ? 'arm64' : 'x86_64' }]);
    await snapshot(`unmask_locale_${d.platform}`, t + 2000, localeRows(d.platform, d.lang));
    await snapshot('unmask_interface_addresses', t + 3000, interfaces());
    await snapshot('unmask_egress_ip', t + 4000, egressRow(t));
    await diff(softName, t + 5000, [...d.software, ...installedBy(t).map((i) => i.software)].map((s) => softwareRow(d, s, Math.min(t, d.enrolledAt))));
    await diff('unmask_usb_devices', t + 6000, d.usb.map(usbRow));
    await diff('unmask_listening_ports', t + 7000, listenRows(t));
    await snapshot('unmask_processes', t + 8000, processRows(t));

    // Then, in time order: installs, USB changes, and the weekly snapshots.
    type Ev = { at: number; run: (at: number) => Promise<void> };
    const events: Ev[] = [];
    for (const i of d.installs) {
      if (i.at <= start || i.at >= end) continue;
      events.push({ at: i.at + r.int(60, 3600) * 1000, run: (at) => diff(softName, at, [softwareRow(d, i.software, i.at)]) });
      const tool = i.tool ? REMOTE_TOOLS[i.tool] : undefined;
      if (tool?.listen.length) events.push({ at: i.at + r.int(3600, 7200) * 1000, run: (at) => diff('unmask_listening_ports', at, tool.listen.map((port) => ({ pid: String(1000 + port), port: String(port), protocol: '6', family: '2', address: '0.0.0.0' }))) });
    }
    d.usbAdds.forEach((u, k) => {
      if (u.at <= start || u.at >= end) return;
      const row = usbRow(u.device, d.usb.length + k);
      events.push({ at: u.at + r.int(60, 900) * 1000, run: (at) => diff('unmask_usb_devices', at, [row]) });
      // A home-lab KVM goes back to the rack after a few hours; a farm's stays.
      if (!owner.scheme) events.push({ at: u.at + r.int(2, 6) * 3_600_000, run: (at) => diff('unmask_usb_devices', at, [], [row]) });
    });
    for (const day of daysBetween(PERIOD.activityStart, PERIOD.activityEnd)) {
      if (weekday(day) !== 1) continue;
      const at = Date.parse(`${day}T00:00:00Z`) + r.int(13, 22) * 3_600_000 + r.int(0, 3599) * 1000;
      if (at <= start || at >= end) continue;
      events.push({ at, run: (t1) => snapshot('unmask_egress_ip', t1, egressRow(t1)) });
    }
    // The last run of the period: what is running now and on which addresses.
    const last = end - r.int(1, 6) * 3_600_000;
    if (last > start + DAY_MS) {
      events.push({ at: last, run: (t1) => snapshot('unmask_processes', t1, processRows(t1)) });
      events.push({ at: last + 60_000, run: (t1) => snapshot('unmask_interface_addresses', t1, interfaces()) });
    }
    events.sort((a, b) => a.at - b.at);
    for (const e of events) await e.run(e.at);
  }
}

