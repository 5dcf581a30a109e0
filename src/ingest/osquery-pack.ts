/**
 * The osquery pack Unmask ships: the queries whose results the osquery reader understands, by
 * name. A result's query name maps to the table its rows come from; other names map through the
 * `ingest.osquery_query_tables` configuration.
 */
export interface PackQuery {
  name: string;
  table: string;
  query: string;
  interval: number;
  platform?: 'windows' | 'darwin' | 'linux' | 'posix';
  description: string;
  /** Snapshot results list every row each time; differential ones only what changed. */
  snapshot?: boolean;
}

const HOUR = 3600;
const DAY = 86400;

export const PACK_QUERIES: PackQuery[] = [
  { name: 'unmask_system_info', table: 'system_info', query: 'SELECT hostname, uuid, hardware_vendor, hardware_model, hardware_serial, computer_name, cpu_brand, physical_memory FROM system_info;', interval: DAY, description: 'Hardware serial and model: ties the host to the asset inventory.' },
  { name: 'unmask_os_version', table: 'os_version', query: 'SELECT name, version, major, minor, build, platform FROM os_version;', interval: DAY, description: 'Operating system and version.' },
  { name: 'unmask_interface_addresses', table: 'interface_addresses', query: "SELECT interface, address, mask, type FROM interface_addresses WHERE address NOT LIKE '127.%' AND address <> '::1';", interval: HOUR, description: 'Local addresses: ties network logs (Zeek) to the device.' },
  { name: 'unmask_programs', table: 'programs', query: 'SELECT name, version, publisher, install_date FROM programs;', interval: 6 * HOUR, platform: 'windows', description: 'Installed Windows programs (remote-access tools, VPNs).' },
  { name: 'unmask_apps', table: 'apps', query: 'SELECT name, bundle_identifier, bundle_short_version, path FROM apps;', interval: 6 * HOUR, platform: 'darwin', description: 'Installed macOS applications.' },
  { name: 'unmask_deb_packages', table: 'deb_packages', query: 'SELECT name, version, source, arch FROM deb_packages;', interval: 6 * HOUR, platform: 'linux', description: 'Installed Debian/Ubuntu packages.' },
  { name: 'unmask_rpm_packages', table: 'rpm_packages', query: 'SELECT name, version, release, vendor, arch FROM rpm_packages;', interval: 6 * HOUR, platform: 'linux', description: 'Installed RPM packages.' },
  { name: 'unmask_processes', table: 'processes', query: 'SELECT pid, name, path, cmdline FROM processes;', interval: 15 * 60, description: 'Running processes (remote-access tools in use).' },
  { name: 'unmask_usb_devices', table: 'usb_devices', query: 'SELECT vendor_id, model_id, vendor, model, serial, class FROM usb_devices;', interval: HOUR, platform: 'posix', description: 'USB devices (IP-KVMs such as PiKVM, TinyPilot, JetKVM, GL.iNet Comet).' },
  { name: 'unmask_listening_ports', table: 'listening_ports', query: 'SELECT pid, port, protocol, address FROM listening_ports WHERE port <> 0;', interval: HOUR, description: 'Listening ports (remote-access services).' },
  {
    name: 'unmask_locale_windows',
    table: 'locale',
    query:
      "SELECT 'keyboard' AS kind, data AS value FROM registry WHERE path LIKE 'HKEY_USERS\\%\\Keyboard Layout\\Preload\\%' UNION ALL SELECT 'language' AS kind, data AS value FROM registry WHERE path LIKE 'HKEY_USERS\\%\\Control Panel\\International\\LocaleName';",
    interval: DAY,
    platform: 'windows',
    description: 'Keyboard layouts and display language (Windows registry).',
  },
  {
    name: 'unmask_locale_darwin',
    table: 'locale',
    query:
      "SELECT 'input_method' AS kind, value FROM plist WHERE path LIKE '/Users/%/Library/Preferences/com.apple.HIToolbox.plist' AND key = 'AppleEnabledInputSources' AND subkey LIKE '%Bundle ID%' UNION ALL SELECT 'language' AS kind, value FROM plist WHERE path LIKE '/Users/%/Library/Preferences/.GlobalPreferences.plist' AND key = 'AppleLanguages';",
    interval: DAY,
    platform: 'darwin',
    description: 'Input methods and preferred languages (macOS preferences).',
  },
  {
    name: 'unmask_locale_linux',
    table: 'locale',
    query:
      "SELECT 'keyboard' AS kind, trim(substr(line, instr(line, '=') + 1), '\"') AS value FROM file_lines WHERE path = '/etc/default/keyboard' AND line LIKE 'XKBLAYOUT=%' UNION ALL SELECT 'locale' AS kind, trim(substr(line, instr(line, '=') + 1), '\"') AS value FROM file_lines WHERE path = '/etc/default/locale' AND line LIKE 'LANG=%';",
    interval: DAY,
    platform: 'linux',
    description: 'Keyboard layout and system locale (/etc/default).',
  },
  {
    name: 'unmask_egress_ip',
    table: 'egress_ip',
    query: "SELECT trim(result) AS address FROM curl WHERE url = 'https://ECHO-URL-SET-BY-OPERATOR/';",
    interval: HOUR,
    description: 'The public address the device is seen from (osquery curl table against an echo URL you run; replace ECHO-URL-SET-BY-OPERATOR).',
  },
];

const BY_NAME = new Map(PACK_QUERIES.map((q) => [q.name, q.table]));

/** osquery tables whose results are read under their own name when a query has no mapping. */
const KNOWN_TABLES = new Set([
  'system_info', 'os_version', 'interface_addresses', 'programs', 'apps', 'deb_packages', 'rpm_packages', 'processes',
  'usb_devices', 'listening_ports', 'process_events', 'socket_events', 'startup_items', 'chrome_extensions', 'logged_in_users',
]);

/**
 * The table a result's query name stands for. osquery names pack queries
 * `pack<delimiter><pack name><delimiter><query name>` (delimiter `_` by default), so a name also
 * matches when it ends with `_<known name>`. An unknown name is its own table.
 */
export function tableForQuery(name: string, configured: Record<string, string> = {}): string {
  const direct = configured[name] ?? BY_NAME.get(name);
  if (direct) return direct;
  if (name.startsWith('pack')) {
    for (const [q, t] of [...Object.entries(configured), ...BY_NAME]) if (name.endsWith(`_${q}`) || name.endsWith(`/${q}`)) return t;
  }
  if (KNOWN_TABLES.has(name)) return name;
  return name;
}

/** The pack as osquery reads it (`--config_path` packs section, or `osqueryctl` pack file). */
export function osqueryPack(): Record<string, unknown> {
  return {
    platform: 'all',
    version: '5.0.0',
    queries: Object.fromEntries(
      PACK_QUERIES.map((q) => [
        q.name,
        {
          query: q.query,
          interval: q.interval,
          ...(q.platform ? { platform: q.platform } : {}),
          ...(q.snapshot ? { snapshot: true } : { removed: true }),
          description: q.description,
        },
      ]),
    ),
  };
}
