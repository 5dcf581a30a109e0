/**
 * The public networks simulated sign-ins come from. Each entry is a real operator with its real
 * autonomous system number, and every prefix is one that operator announces (checked against
 * public routing data; see docs/simulator.md), so that offline IP enrichment classifies the
 * addresses as it would in real logs: residential ISPs as residential, consumer VPNs and hosting as
 * such. The company's own egress (offices, VPN gateways) is listed separately and handed to the
 * scan through `enrich.corporate_ranges` in the simulated folder's unmask.yaml.
 */
import { readFileSync } from 'node:fs';
import type { Rng } from '../random.js';
import { US_STATE_NAMES } from './regions.js';

export type NetworkKind = 'residential' | 'mobile' | 'vpn' | 'hosting' | 'business';

export interface Network {
  key: string;
  /** Operator or service name, as a person would say it. */
  name: string;
  asn: number;
  /** The AS organisation as registries and vendors print it. */
  as_org: string;
  /** The reverse-DNS domain Okta's securityContext shows. */
  domain: string;
  kind: NetworkKind;
  country: string;
  prefixes: string[];
}

export const NETWORKS: readonly Network[] = [
  // United States, residential and mobile.
  { key: 'comcast', name: 'Comcast Xfinity', asn: 7922, as_org: 'Comcast Cable Communications, LLC', domain: 'comcast.net', kind: 'residential', country: 'US', prefixes: ['73.0.0.0/8', '98.192.0.0/10', '71.192.0.0/12', '67.160.0.0/11', '76.16.0.0/12', '50.128.0.0/9'] },
  { key: 'charter', name: 'Spectrum', asn: 20115, as_org: 'Charter Communications', domain: 'charter.com', kind: 'residential', country: 'US', prefixes: ['24.176.0.0/14', '71.8.0.0/14', '97.88.0.0/14', '68.184.0.0/14'] },
  { key: 'spectrum_tx', name: 'Spectrum', asn: 11427, as_org: 'Charter Communications Inc', domain: 'rr.com', kind: 'residential', country: 'US', prefixes: ['70.112.0.0/13'] },
  { key: 'spectrum_west', name: 'Spectrum', asn: 20001, as_org: 'Charter Communications Inc', domain: 'rr.com', kind: 'residential', country: 'US', prefixes: ['76.166.0.0/15', '104.172.0.0/14'] },
  { key: 'spectrum_ny', name: 'Spectrum', asn: 12271, as_org: 'Charter Communications Inc', domain: 'rr.com', kind: 'residential', country: 'US', prefixes: ['66.108.0.0/15', '72.229.0.0/16'] },
  { key: 'spectrum_mw', name: 'Spectrum', asn: 10796, as_org: 'Charter Communications Inc', domain: 'rr.com', kind: 'residential', country: 'US', prefixes: ['65.24.0.0/14'] },
  { key: 'spectrum_se', name: 'Spectrum', asn: 11426, as_org: 'Charter Communications Inc', domain: 'rr.com', kind: 'residential', country: 'US', prefixes: ['66.26.0.0/16', '174.96.0.0/13'] },
  { key: 'verizon', name: 'Verizon Fios', asn: 701, as_org: 'Verizon Business', domain: 'verizon.net', kind: 'residential', country: 'US', prefixes: ['173.48.0.0/13', '72.64.0.0/13', '98.109.0.0/16', '71.251.0.0/16', '96.224.0.0/12'] },
  { key: 'att', name: 'AT&T Internet', asn: 7018, as_org: 'AT&T Services, Inc.', domain: 'sbcglobal.net', kind: 'residential', country: 'US', prefixes: ['99.0.0.0/11', '107.192.0.0/11', '75.0.0.0/12'] },
  { key: 'cox', name: 'Cox Communications', asn: 22773, as_org: 'Cox Communications Inc.', domain: 'cox.net', kind: 'residential', country: 'US', prefixes: ['68.0.0.0/14', '70.160.0.0/12', '98.160.0.0/12', '72.192.0.0/12'] },
  { key: 'lumen', name: 'CenturyLink', asn: 209, as_org: 'CenturyLink Communications, LLC', domain: 'qwest.net', kind: 'residential', country: 'US', prefixes: ['71.208.0.0/13', '174.16.0.0/13', '75.160.0.0/13'] },
  { key: 'tmobile', name: 'T-Mobile', asn: 21928, as_org: 'T-Mobile USA, Inc.', domain: 'tmodns.net', kind: 'mobile', country: 'US', prefixes: ['172.56.0.0/13'] },
  // Canada.
  { key: 'rogers', name: 'Rogers', asn: 812, as_org: 'Rogers Communications Canada Inc.', domain: 'rogers.com', kind: 'residential', country: 'CA', prefixes: ['99.224.0.0/11', '174.112.0.0/12'] },
  { key: 'bell', name: 'Bell Canada', asn: 577, as_org: 'Bell Canada', domain: 'bell.ca', kind: 'residential', country: 'CA', prefixes: ['174.88.0.0/13', '70.48.0.0/13'] },
  { key: 'shaw', name: 'Shaw', asn: 6327, as_org: 'Shaw Communications Inc.', domain: 'shawcable.net', kind: 'residential', country: 'CA', prefixes: ['24.64.0.0/13', '70.64.0.0/13'] },
  // Europe.
  { key: 'bt', name: 'BT', asn: 2856, as_org: 'British Telecommunications PLC', domain: 'btcentralplus.com', kind: 'residential', country: 'GB', prefixes: ['86.128.0.0/10', '81.128.0.0/12'] },
  { key: 'sky', name: 'Sky Broadband', asn: 5607, as_org: 'Sky UK Limited', domain: 'sky.com', kind: 'residential', country: 'GB', prefixes: ['2.24.0.0/13'] },
  { key: 'eir', name: 'eir', asn: 5466, as_org: 'Eircom Limited', domain: 'eircom.net', kind: 'residential', country: 'IE', prefixes: ['86.40.0.0/13'] },
  { key: 'dtag', name: 'Telekom', asn: 3320, as_org: 'Deutsche Telekom AG', domain: 't-ipconnect.de', kind: 'residential', country: 'DE', prefixes: ['79.192.0.0/10', '84.128.0.0/10', '93.192.0.0/10'] },
  { key: 'vodafone_de', name: 'Vodafone', asn: 3209, as_org: 'Vodafone GmbH', domain: 'arcor-ip.net', kind: 'residential', country: 'DE', prefixes: ['88.64.0.0/12'] },
  { key: 'orange_pl', name: 'Orange Polska', asn: 5617, as_org: 'Orange Polska Spolka Akcyjna', domain: 'tpnet.pl', kind: 'residential', country: 'PL', prefixes: ['83.0.0.0/11', '79.184.0.0/13'] },
  { key: 'meo', name: 'MEO', asn: 3243, as_org: 'MEO - SERVICOS DE COMUNICACOES E MULTIMEDIA S.A.', domain: 'telepac.pt', kind: 'residential', country: 'PT', prefixes: ['85.240.0.0/13'] },
  { key: 'orange_fr', name: 'Orange', asn: 3215, as_org: 'Orange S.A.', domain: 'wanadoo.fr', kind: 'residential', country: 'FR', prefixes: ['90.0.0.0/9'] },
  // Asia and Latin America.
  { key: 'jio', name: 'Jio', asn: 55836, as_org: 'Reliance Jio Infocomm Limited', domain: 'jio.com', kind: 'mobile', country: 'IN', prefixes: ['49.32.0.0/11'] },
  { key: 'airtel', name: 'Airtel', asn: 24560, as_org: 'Bharti Airtel Ltd., Telemedia Services', domain: 'airtelbroadband.in', kind: 'residential', country: 'IN', prefixes: ['122.160.0.0/13'] },
  { key: 'act', name: 'ACT Fibernet', asn: 24309, as_org: 'Atria Convergence Technologies Ltd.', domain: 'actcorp.in', kind: 'residential', country: 'IN', prefixes: ['106.51.0.0/16'] },
  { key: 'telmex', name: 'Telmex Infinitum', asn: 8151, as_org: 'Uninet S.A. de C.V.', domain: 'prod-infinitum.com.mx', kind: 'residential', country: 'MX', prefixes: ['187.128.0.0/12'] },
  { key: 'unicom_ln', name: 'China Unicom', asn: 4837, as_org: 'CHINA UNICOM China169 Backbone', domain: 'chinaunicom.cn', kind: 'residential', country: 'CN', prefixes: ['175.160.0.0/12', '113.224.0.0/12'] },
  // Consumer VPNs and hosting.
  // Astrill announces no AS of its own: its exits sit on rented hosting (here ColoCrossing).
  { key: 'astrill', name: 'Astrill VPN', asn: 36352, as_org: 'ColoCrossing', domain: 'colocrossing.com', kind: 'vpn', country: 'US', prefixes: ['192.3.0.0/16', '107.172.0.0/14'] },
  { key: 'nordvpn', name: 'NordVPN', asn: 136787, as_org: 'TEFINCOM S.A.', domain: 'nordvpn.com', kind: 'vpn', country: 'US', prefixes: [] },
  { key: 'm247', name: 'M247', asn: 9009, as_org: 'M247 Europe SRL', domain: 'm247.com', kind: 'hosting', country: 'US', prefixes: ['146.70.0.0/16'] },
  { key: 'mullvad', name: 'Mullvad VPN', asn: 39351, as_org: '31173 Services AB', domain: 'mullvad.net', kind: 'vpn', country: 'US', prefixes: [] },
  { key: 'pia', name: 'Private Internet Access', asn: 60068, as_org: 'Datacamp Limited', domain: 'cdn77.com', kind: 'vpn', country: 'US', prefixes: ['212.102.32.0/19', '89.187.160.0/19'] },
  { key: 'digitalocean', name: 'DigitalOcean', asn: 14061, as_org: 'DigitalOcean, LLC', domain: 'digitalocean.com', kind: 'hosting', country: 'US', prefixes: ['159.203.0.0/16', '167.99.0.0/16', '138.197.0.0/16', '104.131.0.0/16'] },
  { key: 'vultr', name: 'Vultr', asn: 20473, as_org: 'The Constant Company, LLC', domain: 'vultr.com', kind: 'hosting', country: 'US', prefixes: ['45.76.0.0/16', '45.77.0.0/16', '149.28.0.0/16'] },
  { key: 'linode', name: 'Linode', asn: 63949, as_org: 'Akamai Connected Cloud', domain: 'linode.com', kind: 'hosting', country: 'US', prefixes: ['45.33.0.0/17', '172.104.0.0/15'] },
  { key: 'ovh', name: 'OVHcloud', asn: 16276, as_org: 'OVH SAS', domain: 'ovh.net', kind: 'hosting', country: 'CA', prefixes: ['158.69.0.0/16', '142.44.128.0/17'] },
  // The company's own egress lives in these (see CORPORATE_EGRESS).
  { key: 'level3', name: 'Lumen (business fibre)', asn: 3356, as_org: 'Level 3 Parent, LLC', domain: 'level3.net', kind: 'business', country: 'US', prefixes: ['4.0.0.0/9'] },
  { key: 'aws', name: 'Amazon Web Services', asn: 14618, as_org: 'Amazon.com, Inc.', domain: 'amazonaws.com', kind: 'hosting', country: 'US', prefixes: ['44.192.0.0/11'] },
  { key: 'aws_west', name: 'Amazon Web Services', asn: 16509, as_org: 'Amazon.com, Inc.', domain: 'amazonaws.com', kind: 'hosting', country: 'US', prefixes: ['54.183.0.0/16'] },
];

const byKey = new Map(NETWORKS.map((n) => [n.key, n]));

export function network(key: string): Network {
  const n = byKey.get(key);
  if (!n) throw new Error(`unknown network: ${key}`);
  return n;
}

/** The company's egress: office fibre and the always-on VPN gateways. Listed in unmask.yaml as corporate. */
export const CORPORATE_EGRESS = {
  offices: [
    { key: 'austin', cidr: '4.30.112.0/28', network: 'level3', city: 'Austin', region: 'TX', country: 'US' },
    { key: 'chicago', cidr: '4.14.76.0/28', network: 'level3', city: 'Chicago', region: 'IL', country: 'US' },
  ],
  vpn: [
    { key: 'vpn-east', cidr: '44.206.12.8/29', network: 'aws', city: 'Ashburn', region: 'VA', country: 'US' },
    { key: 'vpn-west', cidr: '54.183.94.16/29', network: 'aws_west', city: 'San Jose', region: 'CA', country: 'US' },
  ],
} as const;

export function corporateRanges(): string[] {
  return [...CORPORATE_EGRESS.offices, ...CORPORATE_EGRESS.vpn].map((e) => e.cidr);
}

function ipToInt(ip: string): number {
  return ip.split('.').reduce((acc, o) => acc * 256 + Number(o), 0);
}

function intToIp(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

/** A host address inside a CIDR block, never the .0 or .255 of a /24. */
export function addressIn(cidr: string, rng: Rng): string {
  const [base, bitsText] = cidr.split('/') as [string, string];
  const bits = Number(bitsText);
  const size = 2 ** (32 - bits);
  const start = ipToInt(base);
  if (size <= 4) return intToIp(start + rng.int(0, size - 1));
  for (;;) {
    const n = start + rng.int(1, size - 2);
    const last = n & 255;
    if (last !== 0 && last !== 255) return intToIp(n);
  }
}

interface BlockFile {
  networks: Record<string, { asn: number; blocks: Record<string, string[]> }>;
}
const BLOCKS = (JSON.parse(readFileSync(new URL('./address-blocks.json', import.meta.url), 'utf8')) as BlockFile).networks;

/** Where an address should geolocate: `US-<state name>` for US homes, else the country code. */
export function regionKey(country: string, region: string): string {
  return country === 'US' ? `US-${US_STATE_NAMES[region] ?? region}` : country;
}

/** Whether a network has address blocks that geolocate to a region (see build-blocks.ts). */
export function servesRegion(net: Network, key: string): boolean {
  return Boolean(BLOCKS[net.key]?.blocks[key]?.length);
}

/**
 * A host address of a network: from its blocks that geolocate to `key` when it has some, else any
 * of its blocks in its home country, else its listed prefixes.
 */
export function addressOf(net: Network, rng: Rng, key?: string): string {
  const blocks = BLOCKS[net.key]?.blocks ?? {};
  const inRegion = key ? blocks[key] : undefined;
  const inCountry = Object.entries(blocks).filter(([k]) => k === net.country || k.startsWith(`${net.country}-`)).flatMap(([, v]) => v);
  const pool = inRegion?.length ? inRegion : inCountry.length ? inCountry : net.prefixes;
  return addressIn(rng.pick(pool), rng);
}

/** Residential networks with blocks in a region, for places whose own ISPs have none there. */
export function residentialFor(key: string): Network[] {
  return NETWORKS.filter((n) => (n.kind === 'residential' || n.kind === 'mobile') && servesRegion(n, key));
}

/** True when `ip` lies in `cidr` (IPv4). */
export function inCidr(ip: string, cidr: string): boolean {
  const [base, bitsText] = cidr.split('/') as [string, string];
  const bits = Number(bitsText);
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  return ((ipToInt(ip) & mask) >>> 0) === ((ipToInt(base) & mask) >>> 0);
}

/** Remote-access relay infrastructure by tool: the ports Zeek sees and hosting the relays sit in. */
export const RMM_RELAYS: Record<string, { ports: number[]; network: string }> = {
  anydesk: { ports: [7070, 443], network: 'ovh' },
  teamviewer: { ports: [5938], network: 'linode' },
  rustdesk: { ports: [21116, 21117], network: 'vultr' },
  splashtop: { ports: [443], network: 'aws' },
  screenconnect: { ports: [8041], network: 'aws' },
};
