import { readFileSync } from 'node:fs';
import { describe, expect } from 'vitest';
import { describeEachDialect } from '../helpers/stores.js';
import { candidate, detect, device, firesIt, person, row, shipment, silentIt } from './fixtures.js';

const E1 = 'person:E1';
const IPKVM = new URL('../../../shared/data/ipkvm/device_output/', import.meta.url);

/** The USB descriptor strings of a real `lsusb -v` listing, as osquery's usb_devices reports them. */
function usbFromLsusb(file: string): Record<string, string> {
  const text = readFileSync(new URL(file, IPKVM), 'utf8');
  const vendor = /^\s*idVendor\s+0x([0-9a-f]{4})/m.exec(text)![1]!;
  const product = /^\s*idProduct\s+0x([0-9a-f]{4})/m.exec(text)![1]!;
  const str = (name: string) => (new RegExp(`^\\s*${name}\\s+\\d+ ?(.*)$`, 'm').exec(text)?.[1] ?? '').trim();
  return { vendor_id: vendor, model_id: product, vendor: str('iManufacturer'), model: str('iProduct'), serial: str('iSerial') };
}

const laptop = (over = {}) => ({ people: [person('E1', over)], devices: [device('SN1', 'E1')] });

describeEachDialect('endpoint rules', (dialect) => {
  describe('endpoint.rmm.installed', () => {
    const id = 'endpoint.rmm.installed';
    firesIt(id, 'AnyDesk in Programs and Features', async () => {
      const f = await detect(dialect, id, { ...laptop(), rows: [row('SN1', 'programs', { name: 'AnyDesk', version: '8.0.9', publisher: 'AnyDesk Software GmbH' })] });
      expect(f).toHaveLength(1);
      expect(f[0]!.subject_id).toBe(E1);
      expect(f[0]!.evidence.tool).toBe('anydesk');
      expect(f[0]!.fact_keys).toEqual(['rmm-tool:anydesk:SN1']);
    });
    silentIt(id, 'the company-approved TeamViewer', async () => {
      const f = await detect(dialect, id, { ...laptop(), rows: [row('SN1', 'programs', { name: 'TeamViewer 15', version: '15.50' })] }, { detect: { approved_remote_access_tools: ['teamviewer'] } });
      expect(f).toHaveLength(0);
    });
  });

  describe('endpoint.rmm.running', () => {
    const id = 'endpoint.rmm.running';
    const sc = [row('SN1', 'processes', { pid: '812', name: 'ScreenConnect.ClientService.exe', path: 'C:\\Program Files (x86)\\ScreenConnect Client (a1b2)\\ScreenConnect.ClientService.exe' })];
    const approvedForIt = { detect: { approved_remote_access_tools: [{ tool: 'screenconnect', departments: ['IT Support'] }] } };
    firesIt(id, 'ScreenConnect running on a sales laptop, where it is not approved', async () => {
      const f = await detect(dialect, id, { ...laptop({ department: 'Sales' }), rows: sc }, approvedForIt);
      expect(f).toHaveLength(1);
      expect((f[0]!.evidence.seen as Array<{ value: string }>)[0]!.value).toBe('ScreenConnect.ClientService.exe');
    });
    silentIt(id, 'a help-desk technician running the approved ScreenConnect', async () => {
      expect(await detect(dialect, id, { ...laptop({ department: 'IT Support' }), rows: sc }, approvedForIt)).toHaveLength(0);
    });
  });

  describe('endpoint.rmm.listening', () => {
    const id = 'endpoint.rmm.listening';
    firesIt(id, 'AnyDesk accepting direct connections on 7070', async () => {
      const rows = [row('SN1', 'processes', { pid: '4242', name: 'AnyDesk.exe' }), row('SN1', 'listening_ports', { pid: '4242', port: '7070', protocol: '6', address: '0.0.0.0' })];
      const f = await detect(dialect, id, { ...laptop(), rows });
      expect(f).toHaveLength(1);
      expect(f[0]!.evidence.matched_by).toBe('listening process');
    });
    silentIt(id, 'TeamViewer\'s local service bound to loopback only', async () => {
      const rows = [row('SN1', 'processes', { pid: '77', name: 'TeamViewer_Service.exe' }), row('SN1', 'listening_ports', { pid: '77', port: '5939', protocol: '6', address: '127.0.0.1' })];
      expect(await detect(dialect, id, { ...laptop(), rows })).toHaveLength(0);
    });
  });

  describe('endpoint.rmm.multiple_vendors', () => {
    const id = 'endpoint.rmm.multiple_vendors';
    const two = [row('SN1', 'programs', { name: 'AnyDesk' }), row('SN1', 'processes', { pid: '9', name: 'TeamViewer.exe' })];
    firesIt(id, 'AnyDesk and TeamViewer on one laptop', async () => {
      const f = await detect(dialect, id, { ...laptop(), rows: two });
      expect(f).toHaveLength(1);
      expect((f[0]!.evidence.vendors as unknown[]).length).toBe(2);
    });
    silentIt(id, 'a help-desk technician with the tools approved for the help desk', async () => {
      const cfg = { detect: { approved_remote_access_tools: [{ tool: 'anydesk', departments: ['IT Support'] }, { tool: 'teamviewer', departments: ['IT Support'] }] } };
      expect(await detect(dialect, id, { ...laptop({ department: 'IT Support' }), rows: two }, cfg)).toHaveLength(0);
    });
  });

  describe('endpoint.rmm.after_delivery', () => {
    const id = 'endpoint.rmm.after_delivery';
    const ship = shipment('S1', 'E1', { street: '104 Oak Street', city: 'Fairfield', region: 'CA', postal_code: '94534', country: 'US' }, { device_serial: 'SN1', shipped_at: '2025-01-03T15:00:00Z' });
    const rows = [row('SN1', 'programs', { name: 'RustDesk' }, '2025-01-09T02:00:00Z', 'added'), row('SN1', 'programs', { name: 'TeamViewer 15' }, '2025-01-08T02:00:00Z', 'added')];
    firesIt(id, 'RustDesk installed six days after the laptop shipped', async () => {
      const f = await detect(dialect, id, { ...laptop(), shipments: [ship], rows }, { detect: { approved_remote_access_tools: ['teamviewer'] } });
      expect(f).toHaveLength(1);
      expect(f[0]!.evidence.tool).toBe('rustdesk');
      expect(f[0]!.evidence.delivery_basis).toBe('shipment S1');
      expect(f[0]!.evidence.days_after_delivery).toBeCloseTo(5.5, 1);
    });
    silentIt(id, 'the approved TeamViewer installed in the first week', async () => {
      const f = await detect(dialect, id, { ...laptop(), shipments: [ship], rows: [rows[1]!] }, { detect: { approved_remote_access_tools: ['teamviewer'] } });
      expect(f).toHaveLength(0);
    });
  });

  describe('endpoint.usb.ip_kvm', () => {
    const id = 'endpoint.usb.ip_kvm';
    firesIt(id, 'a GL.iNet Comet (GLKVM), from a real lsusb listing', async () => {
      const f = await detect(dialect, id, { ...laptop(), rows: [row('SN1', 'usb_devices', usbFromLsusb('comet_lsusb'))] });
      expect(f).toHaveLength(1);
      expect(f[0]!.evidence.ip_kvm).toBe('glkvm');
      expect(f[0]!.severity).toBe('high');
    });
    firesIt(id, 'a JetKVM, from a real lsusb listing', async () => {
      const f = await detect(dialect, id, { ...laptop(), rows: [row('SN1', 'usb_devices', usbFromLsusb('jetkvm_lsusb'))] });
      expect(f.map((x) => x.evidence.ip_kvm)).toEqual(['jetkvm']);
    });
    silentIt(id, 'an IT engineer\'s home-lab KVM, exempted with a reason until a future date', async () => {
      const cfg = { detect: { exemptions: [{ rule: id, subject: 'E1', reason: 'home lab PiKVM, approved by IT', expires: '2099-12-31' }] } };
      expect(await detect(dialect, id, { ...laptop(), rows: [row('SN1', 'usb_devices', usbFromLsusb('comet_lsusb'))] }, cfg)).toHaveLength(0);
    });
    silentIt(id, 'an ordinary Logitech receiver', async () => {
      expect(await detect(dialect, id, { ...laptop(), rows: [row('SN1', 'usb_devices', { vendor_id: '046d', model_id: 'c52b', vendor: 'Logitech', model: 'USB Receiver' })] })).toHaveLength(0);
    });
  });

  describe('endpoint.usb.mouse_jiggler', () => {
    const id = 'endpoint.usb.mouse_jiggler';
    firesIt(id, 'a USB device that calls itself a mouse jiggler', async () => {
      const f = await detect(dialect, id, { ...laptop(), rows: [row('SN1', 'usb_devices', { vendor_id: '1a86', model_id: 'e026', vendor: 'Vaydeer', model: 'USB Mouse Jiggler' })] });
      expect(f).toHaveLength(1);
    });
    silentIt(id, 'an ordinary USB optical mouse', async () => {
      expect(await detect(dialect, id, { ...laptop(), rows: [row('SN1', 'usb_devices', { vendor_id: '046d', model_id: 'c077', vendor: 'Logitech', model: 'USB Optical Mouse' })] })).toHaveLength(0);
    });
  });

  describe('endpoint.software.keep_awake', () => {
    const id = 'endpoint.software.keep_awake';
    firesIt(id, 'Amphetamine on a Mac', async () => {
      const f = await detect(dialect, id, { ...laptop(), rows: [row('SN1', 'apps', { name: 'Amphetamine.app', bundle_identifier: 'com.if.Amphetamine', bundle_short_version: '5.3' })] });
      expect(f).toHaveLength(1);
      expect(f[0]!.evidence.software).toBe('amphetamine');
    });
    silentIt(id, 'macOS\'s own caffeinate during a build', async () => {
      expect(await detect(dialect, id, { ...laptop(), rows: [row('SN1', 'processes', { pid: '5', name: 'caffeinate', cmdline: 'caffeinate -i make' })] })).toHaveLength(0);
    });
  });

  describe('endpoint.listening.remote_desktop', () => {
    const id = 'endpoint.listening.remote_desktop';
    firesIt(id, 'RDP listening on all interfaces', async () => {
      const rows = [row('SN1', 'processes', { pid: '1100', name: 'svchost.exe' }), row('SN1', 'listening_ports', { pid: '1100', port: '3389', protocol: '6', address: '0.0.0.0' })];
      const f = await detect(dialect, id, { ...laptop(), rows });
      expect(f).toHaveLength(1);
      expect(f[0]!.fact_keys).toEqual(['listening-remote-desktop:3389:SN1']);
    });
    silentIt(id, 'a developer\'s VNC server bound to loopback', async () => {
      expect(await detect(dialect, id, { ...laptop(), rows: [row('SN1', 'listening_ports', { pid: '3', port: '5900', protocol: '6', address: '127.0.0.1' })] })).toHaveLength(0);
    });
  });

  describe('endpoint.locale.korean_undeclared', () => {
    const id = 'endpoint.locale.korean_undeclared';
    const rows = [row('SN1', 'locale', { kind: 'keyboard', value: '00000412' }), row('SN1', 'locale', { kind: 'input_method', value: 'com.apple.inputmethod.Korean.2SetKorean' })];
    firesIt(id, 'a Korean keyboard on a worker who declared English and Spanish', async () => {
      const f = await detect(dialect, id, { ...laptop({ extra: { languages: 'English; Spanish' } }), rows });
      expect(f).toHaveLength(1);
      expect(f[0]!.evidence.declared_languages).toEqual({ 'person:E1.languages': 'English; Spanish' });
    });
    firesIt(id, 'the application declared the languages, the hired employee\'s laptop has a Korean IME', async () => {
      const c = candidate('C1', { hired_person_id: 'E1', extra: { languages: 'English' } });
      const f = await detect(dialect, id, { ...laptop(), people: [person('E1'), c], rows });
      expect(f.map((x) => x.evidence.declared_languages)).toEqual([{ 'candidate:C1.languages': 'English' }]);
    });
    silentIt(id, 'a worker who declared Korean among their languages', async () => {
      expect(await detect(dialect, id, { ...laptop({ extra: { languages: 'English, Korean' } }), rows })).toHaveLength(0);
    });
    silentIt(id, 'a worker whose records declare no languages at all (nothing is contradicted)', async () => {
      expect(await detect(dialect, id, { ...laptop(), rows })).toHaveLength(0);
    });
  });
});
