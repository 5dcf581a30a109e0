/**
 * What runs on the simulated laptops, in the shape of the osquery tables that report it:
 * ordinary business software per platform, remote-access tools (names, publishers, bundle ids,
 * process paths and ports as the vendors ship them; cross-checked with the LOLRMM catalog), USB
 * peripherals with their real vendor/product ids, and IP-KVM gadgets with the USB descriptors
 * they present (from the ipkvm-watch indicators: vendor 1d6b product 0104 and friends).
 */

export type Platform = 'windows' | 'darwin' | 'linux';

export interface Software {
  name: string;
  version: string;
  /** Windows: publisher; darwin: bundle identifier; linux: package source. */
  vendor: string;
  /** A process this software keeps running, with its path. */
  process?: { name: string; path: string };
}

export const BASE_SOFTWARE: Record<Platform, Software[]> = {
  windows: [
    { name: 'Microsoft 365 Apps for enterprise - en-us', version: '16.0.18827.20128', vendor: 'Microsoft Corporation', process: { name: 'OUTLOOK.EXE', path: 'C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE' } },
    { name: 'Google Chrome', version: '137.0.7151.69', vendor: 'Google LLC', process: { name: 'chrome.exe', path: 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe' } },
    { name: 'Microsoft Edge', version: '137.0.3296.62', vendor: 'Microsoft Corporation' },
    { name: 'Microsoft Teams', version: '25122.1415.3698.6812', vendor: 'Microsoft Corporation', process: { name: 'ms-teams.exe', path: 'C:\\Program Files\\WindowsApps\\MSTeams_25122.1415.3698.6812_x64__8wekyb3d8bbwe\\ms-teams.exe' } },
    { name: 'Slack (Machine - MSI)', version: '4.43.51', vendor: 'Slack Technologies Inc.', process: { name: 'slack.exe', path: 'C:\\Program Files\\Slack\\slack.exe' } },
    { name: 'Zoom Workplace (64-bit)', version: '6.4.10', vendor: 'Zoom Communications, Inc.' },
    { name: 'CrowdStrike Windows Sensor', version: '7.24.19607.0', vendor: 'CrowdStrike, Inc.', process: { name: 'CSFalconService.exe', path: 'C:\\Program Files\\CrowdStrike\\CSFalconService.exe' } },
    { name: 'osquery', version: '5.17.0', vendor: 'osquery', process: { name: 'osqueryd.exe', path: 'C:\\Program Files\\osquery\\osqueryd\\osqueryd.exe' } },
    { name: 'GlobalProtect', version: '6.2.8', vendor: 'Palo Alto Networks', process: { name: 'PanGPS.exe', path: 'C:\\Program Files\\Palo Alto Networks\\GlobalProtect\\PanGPS.exe' } },
    { name: 'Okta Verify', version: '5.3.3', vendor: 'Okta, Inc.' },
    { name: 'Adobe Acrobat (64-bit)', version: '25.001.20474', vendor: 'Adobe' },
    { name: '7-Zip 24.09 (x64)', version: '24.09', vendor: 'Igor Pavlov' },
    { name: 'Dell Command | Update', version: '5.5.0', vendor: 'Dell Inc.' },
  ],
  darwin: [
    { name: 'Google Chrome.app', version: '137.0.7151.69', vendor: 'com.google.Chrome', process: { name: 'Google Chrome', path: '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome' } },
    { name: 'Slack.app', version: '4.43.51', vendor: 'com.tinyspeck.slackmacgap', process: { name: 'Slack', path: '/Applications/Slack.app/Contents/MacOS/Slack' } },
    { name: 'zoom.us.app', version: '6.4.10', vendor: 'us.zoom.xos' },
    { name: 'Microsoft Teams.app', version: '25122.1415.3698.6812', vendor: 'com.microsoft.teams2' },
    { name: 'Microsoft Outlook.app', version: '16.97', vendor: 'com.microsoft.Outlook', process: { name: 'Microsoft Outlook', path: '/Applications/Microsoft Outlook.app/Contents/MacOS/Microsoft Outlook' } },
    { name: '1Password.app', version: '8.10.78', vendor: 'com.1password.1password' },
    { name: 'Falcon.app', version: '7.24.19505.0', vendor: 'com.crowdstrike.falcon.App', process: { name: 'com.crowdstrike.falcon.Agent', path: '/Library/SystemExtensions/com.crowdstrike.falcon.Agent.systemextension/Contents/MacOS/com.crowdstrike.falcon.Agent' } },
    { name: 'GlobalProtect.app', version: '6.2.8', vendor: 'com.paloaltonetworks.GlobalProtect.client', process: { name: 'GlobalProtect', path: '/Applications/GlobalProtect.app/Contents/MacOS/GlobalProtect' } },
    { name: 'Okta Verify.app', version: '9.37.0', vendor: 'com.okta.mobile' },
    { name: 'Safari.app', version: '18.5', vendor: 'com.apple.Safari' },
  ],
  linux: [
    { name: 'google-chrome-stable', version: '137.0.7151.68-1', vendor: 'google-chrome-stable', process: { name: 'chrome', path: '/opt/google/chrome/chrome' } },
    { name: 'slack-desktop', version: '4.43.51', vendor: 'slack-desktop' },
    { name: 'zoom', version: '6.4.10.2435', vendor: 'zoom' },
    { name: 'falcon-sensor', version: '7.24.0-17706', vendor: 'falcon-sensor', process: { name: 'falcond', path: '/opt/CrowdStrike/falcond' } },
    { name: 'osquery', version: '5.17.0-1.linux', vendor: 'osquery', process: { name: 'osqueryd', path: '/opt/osquery/bin/osqueryd' } },
    { name: 'globalprotect', version: '6.2.1.1-23', vendor: 'globalprotect', process: { name: 'PanGPS', path: '/opt/paloaltonetworks/globalprotect/PanGPS' } },
    { name: 'openssh-client', version: '1:9.6p1-3ubuntu13.11', vendor: 'openssh' },
    { name: 'git', version: '1:2.43.0-1ubuntu7.2', vendor: 'git' },
    { name: 'python3', version: '3.12.3-0ubuntu2', vendor: 'python3-defaults' },
  ],
};

/** Extra tools engineers install. */
export const DEV_SOFTWARE: Record<Platform, Software[]> = {
  windows: [
    { name: 'Microsoft Visual Studio Code', version: '1.100.3', vendor: 'Microsoft Corporation', process: { name: 'Code.exe', path: 'C:\\Program Files\\Microsoft VS Code\\Code.exe' } },
    { name: 'Git', version: '2.49.0', vendor: 'The Git Development Community' },
    { name: 'Docker Desktop', version: '4.41.2', vendor: 'Docker Inc.' },
    { name: 'Python 3.12.10 (64-bit)', version: '3.12.10150.0', vendor: 'Python Software Foundation' },
    { name: 'Postman x64', version: '11.47.3', vendor: 'Postman' },
  ],
  darwin: [
    { name: 'Visual Studio Code.app', version: '1.100.3', vendor: 'com.microsoft.VSCode', process: { name: 'Code Helper', path: '/Applications/Visual Studio Code.app/Contents/Frameworks/Code Helper.app/Contents/MacOS/Code Helper' } },
    { name: 'iTerm.app', version: '3.5.14', vendor: 'com.googlecode.iterm2' },
    { name: 'Docker.app', version: '4.41.2', vendor: 'com.docker.docker' },
    { name: 'Postman.app', version: '11.47.3', vendor: 'com.postmanlabs.mac' },
  ],
  linux: [
    { name: 'code', version: '1.100.3-1748872405', vendor: 'code' },
    { name: 'docker-ce', version: '5:28.2.2-1~ubuntu.24.04~noble', vendor: 'docker-ce' },
    { name: 'kubectl', version: '1.33.1-1.1', vendor: 'kubernetes' },
  ],
};

export interface RemoteTool {
  key: string;
  vendorName: string;
  software: Partial<Record<Platform, Software>>;
  /** Ports it listens on locally. */
  listen: number[];
}

export const REMOTE_TOOLS: Record<string, RemoteTool> = {
  anydesk: {
    key: 'anydesk',
    vendorName: 'AnyDesk',
    listen: [7070],
    software: {
      windows: { name: 'AnyDesk', version: '9.0.5', vendor: 'AnyDesk Software GmbH', process: { name: 'AnyDesk.exe', path: 'C:\\Program Files (x86)\\AnyDesk\\AnyDesk.exe' } },
      darwin: { name: 'AnyDesk.app', version: '9.0.1', vendor: 'com.philandro.anydesk', process: { name: 'AnyDesk', path: '/Applications/AnyDesk.app/Contents/MacOS/AnyDesk' } },
      linux: { name: 'anydesk', version: '6.4.3', vendor: 'anydesk', process: { name: 'anydesk', path: '/usr/bin/anydesk' } },
    },
  },
  teamviewer: {
    key: 'teamviewer',
    vendorName: 'TeamViewer',
    listen: [5939],
    software: {
      windows: { name: 'TeamViewer', version: '15.66.5', vendor: 'TeamViewer', process: { name: 'TeamViewer_Service.exe', path: 'C:\\Program Files\\TeamViewer\\TeamViewer_Service.exe' } },
      darwin: { name: 'TeamViewer.app', version: '15.66.5', vendor: 'com.teamviewer.TeamViewer', process: { name: 'TeamViewer', path: '/Applications/TeamViewer.app/Contents/MacOS/TeamViewer' } },
      linux: { name: 'teamviewer', version: '15.66.5', vendor: 'teamviewer', process: { name: 'teamviewerd', path: '/opt/teamviewer/tv_bin/teamviewerd' } },
    },
  },
  rustdesk: {
    key: 'rustdesk',
    vendorName: 'RustDesk',
    listen: [21118],
    software: {
      windows: { name: 'RustDesk', version: '1.4.0', vendor: 'RustDesk', process: { name: 'rustdesk.exe', path: 'C:\\Program Files\\RustDesk\\rustdesk.exe' } },
      darwin: { name: 'RustDesk.app', version: '1.4.0', vendor: 'com.carriez.rustdesk', process: { name: 'RustDesk', path: '/Applications/RustDesk.app/Contents/MacOS/RustDesk' } },
      linux: { name: 'rustdesk', version: '1.4.0', vendor: 'rustdesk', process: { name: 'rustdesk', path: '/usr/bin/rustdesk' } },
    },
  },
  chrome_remote_desktop: {
    key: 'chrome_remote_desktop',
    vendorName: 'Chrome Remote Desktop',
    listen: [],
    software: {
      windows: { name: 'Chrome Remote Desktop Host', version: '137.0.7151.7', vendor: 'Google LLC', process: { name: 'remoting_host.exe', path: 'C:\\Program Files (x86)\\Google\\Chrome Remote Desktop\\137.0.7151.7\\remoting_host.exe' } },
      darwin: { name: 'ChromeRemoteDesktopHost.app', version: '137.0.7151.7', vendor: 'com.google.chromeremotedesktop.me2me-host', process: { name: 'remoting_me2me_host', path: '/Library/PrivilegedHelperTools/ChromeRemoteDesktopHost.app/Contents/MacOS/remoting_me2me_host' } },
      linux: { name: 'chrome-remote-desktop', version: '137.0.7151.7', vendor: 'chrome-remote-desktop', process: { name: 'chrome-remote-desktop-host', path: '/opt/google/chrome-remote-desktop/chrome-remote-desktop-host' } },
    },
  },
  splashtop: {
    key: 'splashtop',
    vendorName: 'Splashtop',
    listen: [],
    software: {
      windows: { name: 'Splashtop Streamer', version: '3.7.4.0', vendor: 'Splashtop Inc.', process: { name: 'SRService.exe', path: 'C:\\Program Files (x86)\\Splashtop\\Splashtop Remote\\Server\\SRService.exe' } },
      darwin: { name: 'Splashtop Streamer.app', version: '3.7.4.0', vendor: 'com.splashtop.stremer-for-mac', process: { name: 'Splashtop Streamer', path: '/Applications/Splashtop Streamer.app/Contents/MacOS/Splashtop Streamer' } },
    },
  },
  /** The company's approved support tool (allow-listed for the help desk). */
  screenconnect: {
    key: 'screenconnect',
    vendorName: 'ConnectWise ScreenConnect',
    listen: [],
    software: {
      windows: { name: 'ScreenConnect Client (8f3a2c1d9e4b7a60)', version: '25.2.4.9229', vendor: 'ScreenConnect Software', process: { name: 'ScreenConnect.ClientService.exe', path: 'C:\\Program Files (x86)\\ScreenConnect Client (8f3a2c1d9e4b7a60)\\ScreenConnect.ClientService.exe' } },
      darwin: { name: 'connectwisecontrol-8f3a2c1d9e4b7a60.app', version: '25.2.4.9229', vendor: 'com.screenconnect.client', process: { name: 'ScreenConnect Client', path: '/opt/connectwisecontrol-8f3a2c1d9e4b7a60.app/Contents/MacOS/ScreenConnect Client' } },
    },
  },
};

export const APPROVED_REMOTE_TOOL = 'screenconnect';

export interface UsbDevice {
  vendor: string;
  vendor_id: string;
  model: string;
  model_id: string;
  serial: string;
  class: string;
  subclass: string;
  protocol: string;
  removable: string;
}

const usb = (vendor: string, vendor_id: string, model: string, model_id: string, serial = '', cls = '0', sub = '0', proto = '0'): UsbDevice => ({ vendor, vendor_id, model, model_id, serial, class: cls, subclass: sub, protocol: proto, removable: '1' });

/** Ordinary peripherals. */
export const PERIPHERALS: UsbDevice[] = [
  usb('Logitech', '046d', 'USB Receiver', 'c52b', '', '0', '0', '0'),
  usb('Logitech', '046d', 'HD Pro Webcam C920', '082d', '', '239', '2', '1'),
  usb('Yubico', '1050', 'YubiKey OTP+FIDO+CCID', '0407', '', '0', '0', '0'),
  usb('Realtek', '0bda', 'USB 10/100/1000 LAN', '8153', '000001', '0', '0', '0'),
  usb('Dell', '413c', 'Dell KB216 Wired Keyboard', '2113', '', '0', '0', '0'),
  usb('Jabra', '0b0e', 'Jabra Evolve2 65', '24b8', '', '0', '0', '0'),
];

/** IP-KVM gadgets as they enumerate on the host's USB bus. */
export const KVM_DEVICES: Record<string, UsbDevice> = {
  pikvm: usb('PiKVM', '1d6b', 'PiKVM Composite Device', '0104', 'CAFEBABE'),
  tinypilot: usb('tinypilot', '1d6b', 'Multifunction Composite Gadget', '0104', '6b65796d696d6570690'),
  jetkvm: usb('JetKVM', '1d6b', 'USB Emulation Device', '0104', ''),
  glkvm: usb('GLKVM', '1d6b', 'Composite KVM Device', '0104', 'CAFEBABE'),
  nanokvm: usb('Sipeed', '3346', 'NanoKVM', '1009', ''),
  blikvm: usb('BliKVM', '1d6b', 'Multifunction Composite Gadget', '0104', ''),
};

/** Keyboard, language and input-method rows (the pack's `locale` table) per platform and language. */
export function localeRows(platform: Platform, lang: 'en-US' | 'en-GB' | 'de-DE' | 'pl-PL' | 'pt-PT' | 'es-MX' | 'en-IN' | 'fr-CA' | 'ko-KR' | 'zh-CN' | 'ja-JP'): Array<{ kind: string; value: string }> {
  const rows: Array<{ kind: string; value: string }> = [];
  const base = lang === 'ko-KR' || lang === 'zh-CN' || lang === 'ja-JP' ? 'en-US' : lang;
  const winKeyboard: Record<string, string> = { 'en-US': '00000409', 'en-GB': '00000809', 'de-DE': '00000407', 'pl-PL': '00000415', 'pt-PT': '00000816', 'es-MX': '0000080a', 'en-IN': '00004009', 'fr-CA': '00001009', 'ko-KR': '00000412', 'zh-CN': '00000804', 'ja-JP': '00000411' };
  const macLayout: Record<string, string> = { 'en-US': 'com.apple.keylayout.US', 'en-GB': 'com.apple.keylayout.British', 'de-DE': 'com.apple.keylayout.German', 'pl-PL': 'com.apple.keylayout.PolishPro', 'pt-PT': 'com.apple.keylayout.Portuguese', 'es-MX': 'com.apple.keylayout.LatinAmerican', 'en-IN': 'com.apple.keylayout.US', 'fr-CA': 'com.apple.keylayout.Canadian-CSA' };
  const macIme: Record<string, string> = { 'ko-KR': 'com.apple.inputmethod.Korean.2SetKorean', 'zh-CN': 'com.apple.inputmethod.SCIM.ITABC', 'ja-JP': 'com.apple.inputmethod.Kotoeri.RomajiTyping.Japanese' };
  const xkb: Record<string, string> = { 'en-US': 'us', 'en-GB': 'gb', 'de-DE': 'de', 'pl-PL': 'pl', 'pt-PT': 'pt', 'es-MX': 'latam', 'en-IN': 'in', 'fr-CA': 'ca', 'ko-KR': 'kr', 'zh-CN': 'cn', 'ja-JP': 'jp' };
  const ibus: Record<string, string> = { 'ko-KR': 'hangul', 'zh-CN': 'libpinyin', 'ja-JP': 'mozc-jp' };
  if (platform === 'windows') {
    rows.push({ kind: 'keyboard', value: winKeyboard[base] ?? '00000409' });
    if (base !== lang) rows.push({ kind: 'keyboard', value: winKeyboard[lang] ?? '' });
    rows.push({ kind: 'language', value: base });
    if (base !== lang) rows.push({ kind: 'language', value: lang });
    rows.push({ kind: 'locale', value: base });
  } else if (platform === 'darwin') {
    rows.push({ kind: 'input_method', value: macLayout[base] ?? 'com.apple.keylayout.US' });
    if (base !== lang) rows.push({ kind: 'input_method', value: macIme[lang] ?? '' });
    rows.push({ kind: 'language', value: base });
    if (base !== lang) rows.push({ kind: 'language', value: lang });
    rows.push({ kind: 'locale', value: base.replace('-', '_') });
  } else {
    rows.push({ kind: 'keyboard', value: xkb[base] ?? 'us' });
    if (base !== lang) {
      rows.push({ kind: 'keyboard', value: xkb[lang] ?? '' });
      rows.push({ kind: 'input_method', value: ibus[lang] ?? '' });
    }
    rows.push({ kind: 'locale', value: `${base.replace('-', '_')}.UTF-8` });
  }
  return rows;
}

export const HARDWARE: Record<Platform, Array<{ vendor: string; model: string; cpu: string }>> = {
  windows: [
    { vendor: 'Dell Inc.', model: 'Latitude 7450', cpu: 'Intel(R) Core(TM) Ultra 7 165U' },
    { vendor: 'Dell Inc.', model: 'Latitude 5440', cpu: '13th Gen Intel(R) Core(TM) i5-1345U' },
    { vendor: 'LENOVO', model: '21HMCTO1WW', cpu: '13th Gen Intel(R) Core(TM) i7-1365U' },
    { vendor: 'HP', model: 'HP EliteBook 840 G10', cpu: '13th Gen Intel(R) Core(TM) i7-1355U' },
  ],
  darwin: [
    { vendor: 'Apple Inc.', model: 'Mac15,6', cpu: 'Apple M3 Pro' },
    { vendor: 'Apple Inc.', model: 'Mac14,9', cpu: 'Apple M2 Pro' },
    { vendor: 'Apple Inc.', model: 'Mac15,12', cpu: 'Apple M3' },
    { vendor: 'Apple Inc.', model: 'MacBookPro18,3', cpu: 'Apple M1 Pro' },
  ],
  linux: [
    { vendor: 'LENOVO', model: '21K3CTO1WW', cpu: 'AMD Ryzen 7 PRO 7840U w/ Radeon 780M Graphics' },
    { vendor: 'Dell Inc.', model: 'Precision 5680', cpu: '13th Gen Intel(R) Core(TM) i7-13800H' },
  ],
};

export const OS_VERSIONS: Record<Platform, { name: string; version: string; major: string; minor: string; build: string; platform: string }> = {
  windows: { name: 'Microsoft Windows 11 Enterprise', version: '10.0.26100', major: '10', minor: '0', build: '26100', platform: 'windows' },
  darwin: { name: 'macOS', version: '15.5', major: '15', minor: '5', build: '24F74', platform: 'darwin' },
  linux: { name: 'Ubuntu', version: '24.04.2 LTS (Noble Numbat)', major: '24', minor: '4', build: '', platform: 'ubuntu' },
};
