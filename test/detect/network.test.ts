import { describe, expect } from 'vitest';
import { describeEachDialect } from '../helpers/stores.js';
import { IP, conn, detect, device, firesIt, person, row, series, signIns, silentIt } from './fixtures.js';

const E1 = 'person:E1';
const TEAMVIEWER_RELAY = '185.188.32.10'; // TeamViewer Germany GmbH, AS43304
const laptop = () => ({ people: [person('E1')], devices: [device('SN1', 'E1')] });

describeEachDialect('network rules', (dialect) => {
  describe('network.egress.signin_mismatch', () => {
    const id = 'network.egress.signin_mismatch';
    const egress = series('2025-03-01T12:00:00Z', 10, 24).map((t) => row('SN1', 'egress_ip', { address: IP.usFairfield }, t));
    firesIt(id, 'the laptop is online in California while its user signs in from Korea', async () => {
      const f = await detect(dialect, id, { ...laptop(), rows: egress, signIns: signIns(E1, IP.krSeoul, series('2025-03-01T01:00:00Z', 10, 24)) });
      expect(f).toHaveLength(1);
      expect(f[0]!.evidence.device).toBe('SN1');
      expect((f[0]!.evidence.laptop_egress as Array<{ country: string }>)[0]!.country).toBe('US');
      expect((f[0]!.evidence.signin_addresses as Array<{ country: string }>)[0]!.country).toBe('KR');
    });
    silentIt(id, 'a worker signing in from their phone on another US network while the laptop is at home', async () => {
      const f = await detect(dialect, id, { ...laptop(), rows: egress, signIns: signIns(E1, IP.usSpokane, series('2025-03-01T16:00:00Z', 10, 24)) });
      expect(f).toHaveLength(0);
    });
  });

  describe('network.rmm.relay_port', () => {
    const id = 'network.rmm.relay_port';
    const conns = [conn('SN1', '10.1.2.3', '94.130.10.20', 5938), conn('SN1', '10.1.2.3', '94.130.10.20', 5938, '2025-03-02T12:00:00Z')];
    firesIt(id, 'TeamViewer\'s port 5938 from the laptop', async () => {
      const f = await detect(dialect, id, { ...laptop(), conns });
      expect(f).toHaveLength(1);
      expect(f[0]!.subject_id).toBe(E1);
      expect(f[0]!.evidence.tool).toBe('teamviewer');
      expect(f[0]!.evidence.total_connections).toBe(2);
    });
    firesIt(id, 'RustDesk\'s rendezvous port 21116 from an unknown host', async () => {
      const f = await detect(dialect, id, { conns: [conn(null, '10.9.9.9', '94.130.10.21', 21116)] });
      expect(f.map((x) => [x.subject_type, x.subject_id, x.evidence.tool])).toEqual([['identifier', 'ip:10.9.9.9', 'rustdesk']]);
    });
    silentIt(id, 'the company\'s approved TeamViewer', async () => {
      expect(await detect(dialect, id, { ...laptop(), conns }, { detect: { approved_remote_access_tools: ['teamviewer'] } })).toHaveLength(0);
    });
  });

  describe('network.rmm.relay_network', () => {
    const id = 'network.rmm.relay_network';
    firesIt(id, 'HTTPS to TeamViewer\'s own network', async () => {
      const f = await detect(dialect, id, { ...laptop(), conns: [conn('SN1', '10.1.2.3', TEAMVIEWER_RELAY, 443)] });
      expect(f).toHaveLength(1);
      expect(f[0]!.evidence.network_owner).toEqual(['TeamViewer Germany GmbH']);
    });
    silentIt(id, 'HTTPS to an ordinary website (Google)', async () => {
      expect(await detect(dialect, id, { ...laptop(), conns: [conn('SN1', '10.1.2.3', IP.googleDns, 443)] })).toHaveLength(0);
    });
  });

  describe('network.vpn.connection', () => {
    const id = 'network.vpn.connection';
    const conns = [0, 1, 2, 3].map((i) => conn('SN1', '10.1.2.3', IP.mullvad, 51820, `2025-03-0${i + 1}T12:00:00Z`, { proto: 'udp' }));
    firesIt(id, 'the laptop tunnels to Mullvad VPN', async () => {
      const f = await detect(dialect, id, { ...laptop(), conns });
      expect(f).toHaveLength(1);
      expect(f[0]!.evidence.providers).toEqual(['Mullvad VPN']);
    });
    silentIt(id, 'the VPN the company itself uses', async () => {
      expect(await detect(dialect, id, { ...laptop(), conns }, { enrich: { allowed_vpn_providers: ['Mullvad VPN'] } })).toHaveLength(0);
    });
  });
});
