/**
 * Reference data every rule of a run shares, loaded once: people (with the candidate → employee
 * mapping), devices, shipments, IP enrichment, the tool catalog and the allow-lists from the
 * configuration. Its size is bounded by people, devices and distinct addresses, never by events.
 */
import type { UnmaskConfig } from '../config/config.js';
import type { ApprovedTool } from '../config/sections/detect.js';
import type { IpInfo } from '../enrich/ip.js';
import { cidrContains, parseCidr, parseIp, type Cidr } from '../enrich/ipaddr.js';
import type { Device, Person, Shipment } from '../model/index.js';
import { countryCode } from '../sanctions/countries.js';
import type { Store } from '../store/db.js';
import { enrichmentsOfKind, listImportedTools, type EndpointRowLite, type SignInRow } from '../store/repositories/detect.js';
import { listDevices, listPeople, listShipments } from '../store/repositories/records.js';
import { remoteAccessToolSchema, ToolCatalog, type RemoteAccessTool } from './reference/remote-access-tools.js';

/** What is known about an address: enrichment first, else what the identity provider said. */
export interface IpView {
  ip: string;
  country: string | null;
  city: string | null;
  lat: number | null;
  lon: number | null;
  asn: number | null;
  as_org: string | null;
  /** corporate | hosting | vpn | tor | residential_or_mobile | unknown */
  class: string;
  provider: string | null;
  /** The company's own egress (configured ranges or enrichment said so). */
  corporate: boolean;
  /** A VPN the configuration allows (enrich.allowed_vpn_providers). */
  allowed_vpn: boolean;
  from: 'enrichment' | 'vendor';
}

/** A VPN, hosting or Tor address that is neither the company's own nor an allowed VPN. */
export function isAnonymizing(v: IpView | null | undefined): boolean {
  return !!v && !v.corporate && !v.allowed_vpn && (v.class === 'vpn' || v.class === 'hosting' || v.class === 'tor');
}

/** A successful sign-in as the per-person rules see it (shared-device rules aggregate in SQL instead). */
export interface SignInView {
  id: string;
  at: number;
  iso: string;
  ip: string | null;
  net: IpView | null;
}

export interface PersonSignIns {
  personId: string;
  person: Person | undefined;
  signins: SignInView[];
}

export interface DeviceRows {
  /** Device serial, or `host:<hostIdentifier>` when only the host identifier is known. */
  key: string;
  serial: string | null;
  host: string;
  device: Device | undefined;
  /** The person the device is assigned to (internal key), when known. */
  personId: string | null;
  person: Person | undefined;
  /** Rows by osquery table name. */
  tables: Map<string, EndpointRowLite[]>;
}

/** `E1042` or `person:E1042` → `person:E1042`; candidates keep their own key. */
export function toPersonKey(id: string): string {
  return id.startsWith('person:') || id.startsWith('candidate:') ? id : `person:${id}`;
}

export class DetectData {
  people = new Map<string, Person>();
  /** Record key → the key of the human it is (a hired candidate → the employee). */
  human = new Map<string, string>();
  devices = new Map<string, Device>();
  devicesByHost = new Map<string, Device>();
  shipments: Shipment[] = [];
  tools!: ToolCatalog;
  private ipInfo = new Map<string, IpInfo>();
  private corporate: Cidr[] = [];
  private views = new Map<string, IpView>();

  constructor(
    readonly store: Store,
    readonly config: UnmaskConfig,
  ) {}

  async load(): Promise<this> {
    for (const p of await listPeople(this.store)) this.people.set(p.id, p);
    for (const p of this.people.values()) {
      const hired = p.kind === 'candidate' && p.hired_person_id ? toPersonKey(p.hired_person_id) : null;
      this.human.set(p.id, hired && this.people.has(hired) ? hired : p.id);
    }
    for (const d of await listDevices(this.store)) {
      this.devices.set(d.serial, d);
      if (d.host_identifier) this.devicesByHost.set(d.host_identifier, d);
    }
    this.shipments = await listShipments(this.store);
    this.ipInfo = await enrichmentsOfKind<IpInfo>(this.store, 'ip');
    this.corporate = this.config.enrich.corporate_ranges.map((r) => parseCidr(r)).filter((c): c is Cidr => c !== null);
    const imported: RemoteAccessTool[] = [];
    for (const t of await listImportedTools(this.store)) {
      const parsed = remoteAccessToolSchema.safeParse(t.data);
      if (parsed.success) imported.push(parsed.data);
    }
    this.tools = ToolCatalog.withImported(imported);
    return this;
  }

  /** A person reference as records carry it (`E1042`, `person:E1042`, `candidate:C7`) → the stored key. */
  personKey(ref: string | null | undefined): string | null {
    if (!ref) return null;
    if (this.people.has(ref)) return ref;
    const k = toPersonKey(ref);
    return this.people.has(k) ? k : null;
  }

  /** The human behind a record key (a hired candidate is the employee it became). */
  humanOf(key: string): string {
    return this.human.get(key) ?? key;
  }

  deviceOwner(serial: string | null, host?: string | null): { device: Device | undefined; personId: string | null } {
    const device = (serial ? this.devices.get(serial) : undefined) ?? (host ? this.devicesByHost.get(host) : undefined);
    return { device, personId: this.personKey(device?.person_id) };
  }

  isCorporateIp(ip: string): boolean {
    const parsed = parseIp(ip);
    return !!parsed && this.corporate.some((c) => cidrContains(c, parsed));
  }

  /** Enrichment classes allowed VPNs as corporate; this also covers results stored before the setting changed. */
  private allowedVpn(info: { provider: string | null }): boolean {
    const p = info.provider?.toLowerCase();
    return !!p && this.config.enrich.allowed_vpn_providers.some((v) => v.toLowerCase() === p);
  }

  /** What is known about an address; `vendor` supplies the identity provider's own geolocation when enrichment has none. */
  ip(ip: string, vendor?: Pick<SignInRow, 'vendor_country' | 'vendor_city' | 'vendor_lat' | 'vendor_lon' | 'vendor_asn' | 'vendor_isp' | 'vendor_proxy'>): IpView | null {
    const known = this.views.get(ip);
    if (known) return known;
    const info = this.ipInfo.get(ip);
    let view: IpView | null = null;
    if (info) {
      view = {
        ip,
        country: info.country,
        city: info.city ?? null,
        lat: info.lat,
        lon: info.lon,
        asn: info.asn,
        as_org: info.as_org,
        class: info.class,
        provider: info.provider,
        corporate: info.class === 'corporate' || this.isCorporateIp(ip),
        allowed_vpn: false,
        from: 'enrichment',
      };
    } else if (vendor && (vendor.vendor_country || vendor.vendor_lat !== null || vendor.vendor_proxy)) {
      // Not cached: another sign-in from the same address may carry different vendor data.
      const v: IpView = {
        ip,
        // Okta writes country names (`United States`), Entra and Google codes.
        country: countryCode(vendor.vendor_country),
        city: vendor.vendor_city,
        lat: vendor.vendor_lat,
        lon: vendor.vendor_lon,
        asn: vendor.vendor_asn,
        as_org: vendor.vendor_isp,
        class: vendor.vendor_proxy ? 'vpn' : 'unknown',
        provider: null,
        corporate: this.isCorporateIp(ip),
        allowed_vpn: false,
        from: 'vendor',
      };
      v.allowed_vpn = this.allowedVpn(v);
      return v;
    } else if (this.isCorporateIp(ip)) {
      view = { ip, country: null, city: null, lat: null, lon: null, asn: null, as_org: null, class: 'corporate', provider: null, corporate: true, allowed_vpn: false, from: 'enrichment' };
    }
    if (view) {
      view.allowed_vpn = this.allowedVpn(view);
      this.views.set(ip, view);
    }
    return view;
  }

  signInView(r: SignInRow): SignInView {
    return {
      id: r.id,
      at: Date.parse(r.occurred_at),
      iso: r.occurred_at,
      ip: r.ip,
      net: r.ip ? this.ip(r.ip, r) : null,
    };
  }

  /**
   * Why a remote-access tool is allowed for this person/device, or null when it is not:
   * `approved_remote_access_tools` entries name a tool id, optionally limited to departments or
   * to people/devices.
   */
  approval(toolId: string, personId: string | null, serial: string | null): string | null {
    const person = personId ? this.people.get(personId) : undefined;
    for (const a of this.config.detect.approved_remote_access_tools as ApprovedTool[]) {
      const entry = typeof a === 'string' ? { tool: a } : a;
      if (entry.tool.toLowerCase() !== toolId) continue;
      if ('departments' in entry && entry.departments?.length) {
        const dept = person?.department?.toLowerCase();
        if (!dept || !entry.departments.some((d) => d.toLowerCase() === dept)) continue;
      }
      if ('subjects' in entry && entry.subjects?.length) {
        const ids = [personId, person?.source_id, serial].filter(Boolean) as string[];
        if (!entry.subjects.some((s) => ids.includes(s))) continue;
      }
      return ('reason' in entry && entry.reason) || `approved remote-access tool (${entry.tool})`;
    }
    return null;
  }
}
