import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/config.js';
import { IpEnricher } from '../../src/enrich/ip.js';
import { tempDir } from '../helpers/stores.js';

const tmp = tempDir('unmask-enrich-ip-');
const file = (name: string, text: string) => {
  const p = join(tmp.dir, name);
  writeFileSync(p, text);
  return p;
};

// Operator files in their publishers' formats (entries are real published ranges).
const torList = file(
  'exit-addresses',
  [
    'ExitNode 0011BD2485AD45D984EC4159C88FC066E5E3300E',
    'Published 2026-11-20 10:15:27',
    'LastStatus 2026-11-20 12:00:00',
    'ExitAddress 185.220.101.33 2026-11-20 12:13:25',
    'ExitNode 00B5D0E1C9E1EF52A5A6B1C2D3E4F5A6B7C8D9E0',
    'Published 2026-11-20 11:00:00',
    'LastStatus 2026-11-20 12:00:00',
    'ExitAddress 2a0b:f4c2::20 2026-11-20 12:20:00',
    'garbage line that is no address',
  ].join('\n'),
);
const torPlain = file('tor-plain.txt', '# one per line\n192.42.116.16\n');
const aws = file(
  'ip-ranges.json',
  JSON.stringify({
    syncToken: '1732150000',
    createDate: '2026-11-20-22-13-05',
    prefixes: [{ ip_prefix: '3.5.140.0/22', region: 'ap-northeast-2', service: 'AMAZON', network_border_group: 'ap-northeast-2' }, { ip_prefix: 'bogus', region: 'x', service: 'EC2' }],
    ipv6_prefixes: [{ ipv6_prefix: '2600:1f14::/35', region: 'us-west-2', service: 'EC2', network_border_group: 'us-west-2' }],
  }),
);
const gcp = file(
  'cloud.json',
  JSON.stringify({ syncToken: '1732150001', creationTime: '2026-11-19T23:00:00.000000', prefixes: [{ ipv4Prefix: '34.1.208.0/20', service: 'Google Cloud', scope: 'africa-south1' }] }),
);
const azure = file(
  'ServiceTags_Public_20261118.json',
  JSON.stringify({
    changeNumber: 312,
    cloud: 'Public',
    values: [
      {
        name: 'AzureCloud.eastus',
        id: 'AzureCloud.eastus',
        properties: { changeNumber: 80, region: 'eastus', regionId: 32, platform: 'Azure', systemService: '', addressPrefixes: ['13.68.128.0/17', '2603:1030:20c::/47'], networkFeatures: ['API', 'NSG'] },
      },
    ],
  }),
);
const vpnFile = file('vpn.txt', '45.86.201.0/24\n');

const cfg = parseConfig({
  enrich: {
    corporate_ranges: ['73.22.0.0/16', '10.50.0.0/16'],
    tor_exit_lists: [torList, torPlain],
    vpn_ranges: [{ provider: 'Astrill VPN', cidrs: ['45.86.200.0/24'] }],
    vpn_range_files: [{ provider: 'ExampleVPN', file: vpnFile }],
    cloud_range_files: [
      { file: aws, format: 'aws' },
      { file: gcp, format: 'gcp' },
      { file: azure, format: 'azure' },
    ],
    hosting_asns: [{ asn: 7922, provider: 'pretend hosting' }],
  },
}).enrich;

let e: IpEnricher;
let plain: IpEnricher;
beforeAll(async () => {
  e = await IpEnricher.create(cfg);
  plain = await IpEnricher.create(parseConfig({}).enrich);
});
afterAll(() => tmp.remove());

describe('IpEnricher with the shipped data', () => {
  it('knows 8.8.8.8 as Google, AS15169, hosting, and says which data said so', () => {
    const i = plain.lookup('8.8.8.8');
    expect(i.asn).toBe(15169);
    expect(i.as_org).toMatch(/Google/);
    expect(i.class).toBe('hosting');
    expect(i.country).toBe('US');
    expect(i.version).toBe(4);
    expect(i.sources.some((s) => /DB-IP/.test(s) && /\d{4}-\d{2}-\d{2}/.test(s))).toBe(true);
    expect(i.sources.some((s) => /ASN/.test(s) && /CC BY 4\.0/.test(s))).toBe(true);
    expect(i.sources.some((s) => /hosting-asns\.json/.test(s) && /AS15169/.test(s))).toBe(true);
  });

  it('reads IPv6 too: Google public DNS over IPv6 is AS15169', () => {
    const i = plain.lookup('2001:4860:4860::8888');
    expect(i.version).toBe(6);
    expect(i.asn).toBe(15169);
    expect(i.class).toBe('hosting');
  });

  it('classes a curated VPN ASN as vpn with its provider (Mullvad, AS39351)', () => {
    const i = plain.lookup('185.65.134.1');
    expect(i.asn).toBe(39351);
    expect(i.class).toBe('vpn');
    expect(i.provider).toBe('Mullvad VPN');
  });

  it('classes a consumer ISP address as residential_or_mobile (Comcast, AS7922)', () => {
    const i = plain.lookup('73.22.1.5');
    expect(i.asn).toBe(7922);
    expect(i.class).toBe('residential_or_mobile');
    expect(i.provider).toBeNull();
  });

  it('leaves private, loopback, CGNAT and link-local addresses unknown, with a note and no location', () => {
    for (const ip of ['10.1.2.3', '127.0.0.1', '100.64.0.5', '169.254.1.1', 'fe80::1', '::1']) {
      const i = plain.lookup(ip);
      expect(i.class, ip).toBe('unknown');
      expect(i.note, ip).toBeTruthy();
      expect(i.country, ip).toBeNull();
      expect(i.asn, ip).toBeNull();
    }
  });

  it('answers a value that is not an address with unknown and a note, never an exception', () => {
    const i = plain.lookup('null');
    expect(i).toMatchObject({ class: 'unknown', version: null, note: 'not an IP address' });
  });
});

describe('IpEnricher with operator configuration', () => {
  it('classes a configured corporate range as corporate, ahead of every other list', () => {
    const i = e.lookup('73.22.9.9');
    expect(i.class).toBe('corporate');
    expect(i.asn).toBe(7922); // the network data is still there
    expect(i.sources.some((s) => s.includes('enrich.corporate_ranges 73.22.0.0/16'))).toBe(true);
    // A private corporate range is corporate too (Zeek sees internal addresses).
    expect(e.lookup('10.50.3.4').class).toBe('corporate');
    expect(e.lookup('10.51.3.4').class).toBe('unknown');
  });

  it('classes configured Tor exits as tor, from exit-addresses and plain lists, v4 and v6', () => {
    for (const ip of ['185.220.101.33', '2a0b:f4c2::20', '192.42.116.16']) {
      const i = e.lookup(ip);
      expect(i.class, ip).toBe('tor');
      expect(i.provider).toBe('Tor exit');
    }
    expect(e.lookup('185.220.101.34').class).not.toBe('tor');
    expect(e.lookup('185.220.101.33').sources.join(' ')).toMatch(/exit-addresses \(\d{4}-\d{2}-\d{2}\)/);
  });

  it('names bad lines of operator files with file and line, and keeps the good ones', () => {
    expect(e.warnings.some((w) => w.includes(`${torList}:9:`))).toBe(true);
    expect(e.warnings.some((w) => w.includes('ip-ranges.json') && w.includes('bogus'))).toBe(true);
  });

  it('classes operator VPN ranges as vpn with the operator-given provider', () => {
    expect(e.lookup('45.86.200.7')).toMatchObject({ class: 'vpn', provider: 'Astrill VPN' });
    expect(e.lookup('45.86.201.7')).toMatchObject({ class: 'vpn', provider: 'ExampleVPN' });
  });

  it('classes an allowed VPN provider as corporate, saying why', async () => {
    const allowed = await IpEnricher.create(parseConfig({ enrich: { allowed_vpn_providers: ['mullvad vpn'] } }).enrich);
    const i = allowed.lookup('185.65.134.1');
    expect(i.class).toBe('corporate');
    expect(i.provider).toBe('Mullvad VPN');
    expect(i.note).toMatch(/allowed by enrich\.allowed_vpn_providers/);
    // Other VPNs stay vpn.
    expect(allowed.lookup('45.86.200.7').class).not.toBe('corporate');
  });

  it('reads AWS, Google Cloud and Azure range files in their own formats', () => {
    const a = e.lookup('3.5.141.2');
    expect(a.class).toBe('hosting');
    expect(a.provider).toBe('Amazon AWS AMAZON ap-northeast-2');
    expect(a.sources.join(' ')).toMatch(/ip-ranges\.json \(2026-11-20\)/);
    expect(e.lookup('2600:1f14::10').provider).toBe('Amazon AWS EC2 us-west-2');
    const g = e.lookup('34.1.209.1');
    expect(g.provider).toBe('Google Cloud africa-south1');
    expect(g.sources.join(' ')).toMatch(/2026-11-19/);
    expect(e.lookup('13.68.130.1').provider).toBe('Microsoft Azure AzureCloud.eastus');
    expect(e.lookup('2603:1030:20c::1').provider).toBe('Microsoft Azure AzureCloud.eastus');
  });

  it('adds operator hosting ASNs', () => {
    // AS7922 is declared hosting here; outside the corporate /16 Comcast addresses become hosting.
    const i = e.lookup('73.100.1.1');
    expect(i.asn).toBe(7922);
    expect(i.class).toBe('hosting');
    expect(i.provider).toBe('pretend hosting');
  });

  it('refuses a missing range file with the path in the message', async () => {
    const bad = parseConfig({ enrich: { tor_exit_lists: [join(tmp.dir, 'missing.txt')] } }).enrich;
    await expect(IpEnricher.create(bad)).rejects.toThrow(/missing\.txt/);
  });
});

describe('caching', () => {
  it('computes each distinct address once however often it is asked', async () => {
    const c = await IpEnricher.create(parseConfig({}).enrich);
    const distinct = ['8.8.8.8', '1.1.1.1', '73.22.1.5', '2001:4860:4860::8888', '10.0.0.1'];
    for (let round = 0; round < 200; round++) for (const ip of distinct) c.lookup(ip);
    expect(c.stats.lookups).toBe(1000);
    expect(c.stats.computed).toBe(distinct.length);
    expect(c.lookup('8.8.8.8')).toBe(c.lookup('8.8.8.8'));
  });

  it('keeps at most cache_size entries, dropping the oldest', async () => {
    const c = await IpEnricher.create(parseConfig({ enrich: { cache_size: 1000 } }).enrich);
    for (let i = 0; i < 1500; i++) c.lookup(`11.0.${i >> 8}.${i & 255}`);
    expect(c.stats.computed).toBe(1500);
    c.lookup('11.0.5.219'); // recent: cached
    expect(c.stats.computed).toBe(1500);
    c.lookup('11.0.0.0'); // oldest: dropped, computed again
    expect(c.stats.computed).toBe(1501);
  });
});

describe('real sign-in sample (Okta System Log from ../shared/data)', () => {
  it('enriches each client address of the sample once, and classes the local ones unknown', async () => {
    const path = resolve(process.cwd(), '../shared/data/samples/okta/elastic-test-okta-system-events.log');
    const ips: string[] = [];
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const ev = JSON.parse(line) as { client?: { ipAddress?: string } };
      if (ev.client?.ipAddress) ips.push(ev.client.ipAddress);
    }
    expect(ips.length).toBeGreaterThan(10);
    const c = await IpEnricher.create(parseConfig({}).enrich);
    const infos = ips.map((ip) => c.lookup(ip));
    expect(c.stats.computed).toBe(new Set(ips).size);
    for (const i of infos) {
      if (i.ip === '127.0.0.1' || i.ip === '192.168.7.19') expect(i.class).toBe('unknown');
      if (i.version !== null && i.class !== 'unknown') expect(i.asn ?? i.country).not.toBeNull();
    }
    // 81.2.69.144 is a UK address in every public geolocation dataset.
    expect(c.lookup('81.2.69.144').country).toBe('GB');
  });
});

describe('configuration', () => {
  it('names a bad range or an unknown key in the enrich section', () => {
    expect(() => parseConfig({ enrich: { corporate_ranges: ['10.0.0.0/40'] } })).toThrow(/enrich\.corporate_ranges\[0\]/);
    expect(() => parseConfig({ enrich: { vpn_ranges: [{ provider: 'X', cidrs: ['nope'] }] } })).toThrow(/enrich\.vpn_ranges\[0\]\.cidrs\[0\]/);
    expect(() => parseConfig({ enrich: { cloud_range_files: [{ file: 'x.json', format: 'oracle' }] } })).toThrow(/cloud_range_files\[0\]\.format/);
    expect(() => parseConfig({ enrich: { tor_exits: [] } })).toThrow(/tor_exits/);
    expect(parseConfig({}).enrich.corporate_ranges).toEqual([]);
  });
});
