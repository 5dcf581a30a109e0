/**
 * The simulated organisation as it exists in memory before it is written out: people, their
 * households, devices, pay destinations and candidates, and the ground truth of who belongs to
 * which hidden scheme. Memory is bounded by people and devices; events are generated per day
 * from this model while writing (see activity.ts), never held.
 */
import type { Address, Place } from './catalog/places.js';
import type { Network } from './catalog/networks.js';
import type { Platform, Software, UsbDevice } from './catalog/software.js';

/** The simulated period: HR, payroll and shipping cover all of it; sign-in and network logs its last three weeks. */
export const PERIOD = {
  start: '2025-01-01',
  end: '2025-06-30',
  activityStart: '2025-06-09',
  activityEnd: '2025-06-29',
} as const;

export type IdpName = 'okta' | 'entra' | 'google';
export type Lang = 'en-US' | 'en-GB' | 'de-DE' | 'pl-PL' | 'pt-PT' | 'es-MX' | 'en-IN' | 'fr-CA' | 'ko-KR' | 'zh-CN' | 'ja-JP';

export const SCHEME_TYPES = ['laptop_farm', 'vpn_solo', 'applicant_ring', 'ipkvm_farm', 'facilitator_employee'] as const;
export type SchemeType = (typeof SCHEME_TYPES)[number];

export const LOOKALIKE_TYPES = [
  'traveller',
  'corporate_vpn',
  'privacy_vpn',
  'helpdesk_rmm',
  'shared_household',
  'agency_contractors',
  'night_shift',
  'lives_abroad',
  'homelab_kvm',
  'bilingual_keyboard',
] as const;
export type LookalikeType = (typeof LOOKALIKE_TYPES)[number];

/** One public address a household or service is seen from, from a day on. */
export interface Lease {
  from: string;
  ip: string;
}

/** Where a laptop physically is and how it reaches the internet. */
export interface Location {
  place: Place;
  net: Network;
  leases: Lease[];
}

export interface Household {
  id: string;
  address: Address;
  location: Location;
}

export interface Trip {
  from: string;
  to: string;
  location: Location;
  /** Works by the destination's clock while there. */
  tz: string;
}

export interface WorkPattern {
  /** The zone whose clock the person keeps. */
  tz: string;
  /** Country whose public holidays they take. */
  holidays: string;
  /** Usual start, local hours after midnight. */
  start: number;
  /** Usual working day, hours. */
  length: number;
  weekendRate: number;
  lateRate: number;
}

export interface VpnUse {
  net: Network;
  /** The VPN server city the vendor geolocates to. */
  place: Place;
  ips: string[];
  /** Share of sessions that go through it. */
  share: number;
}

export interface PayAccountRow {
  effective_date: string;
  method: 'direct_deposit' | 'wire' | 'paypal' | 'payoneer' | 'wise' | 'crypto' | 'check' | 'other';
  bank_name: string | null;
  bank_country: string | null;
  routing_number: string | null;
  account_number: string | null;
  iban: string | null;
  account_holder: string | null;
  wallet_address: string | null;
}

export interface SimDevice {
  serial: string;
  hostname: string;
  platform: Platform;
  hardware: { vendor: string; model: string; cpu: string };
  uuid: string;
  /** How osquery names the host: its hostname or its hardware UUID. */
  hostIdentifier: 'hostname' | 'uuid';
  /** Whether the osquery config adds a `hardware_serial` decoration. */
  decorated: boolean;
  enrolledAt: number;
  /** Where the device physically is (usually the owner's household). */
  location: Location;
  /** A device behind a VPN of its own: its egress_ip shows the VPN, with leaks to the location. */
  vpn: VpnUse | null;
  software: Software[];
  installs: Array<{ at: number; software: Software; tool?: string }>;
  usb: UsbDevice[];
  usbAdds: Array<{ at: number; device: UsbDevice }>;
  lang: Lang;
  /** Address the corporate VPN hands this device (Zeek sees it), or null when not on the VPN. */
  tunnelIp: string | null;
  gateway: 'vpn-east' | 'vpn-west';
  shipment: { id: string; to: Address; shippedAt: number; status: 'shipped' | 'delivered' | 'returned'; assetTag: string } | null;
  /** Remote-access tools whose relays this device talks to (Zeek). */
  relayTools: string[];
}

export interface SimPerson {
  /** HR id, assigned once everyone exists (in hire order). */
  id: string;
  kind: 'employee' | 'contractor';
  first: string;
  last: string;
  fullName: string;
  workEmail: string;
  personalEmail: string | null;
  phone: string | null;
  dob: string | null;
  home: Address;
  /** The IANA zone on the HR record. */
  timezone: string;
  agency: string | null;
  title: string;
  department: string;
  manager: SimPerson | null;
  hireDate: string;
  endDate: string | null;
  idp: IdpName;
  idpUserId: string;
  household: Household;
  work: WorkPattern;
  corpVpn: boolean;
  gateway: 'vpn-east' | 'vpn-west';
  /** Hybrid staff near an office go in Tuesday to Thursday. */
  office: 'austin' | 'chicago' | null;
  vpn: VpnUse | null;
  /** The hidden worker's own connection, which the VPN sometimes fails to cover. */
  leak: { location: Location; rate: number } | null;
  trips: Trip[];
  devices: SimDevice[];
  /** The phone that approves MFA pushes (Okta Verify device id); shared inside some farms. */
  mfaDevice: { id: string; name: string; platform: 'IOS' | 'ANDROID' };
  pay: PayAccountRow[];
  salary: number;
  currency: string;
  lang: Lang;
  scheme: { id: string; type: SchemeType; role: 'worker' | 'facilitator' } | null;
  lookalikes: LookalikeType[];
  /** Deterministic per-person stream label. */
  seedKey: string;
}

export interface SimCandidate {
  id: string;
  fullName: string;
  email: string;
  phone: string | null;
  location: { city: string; region: string; country: string };
  appliedAt: number;
  position: string;
  resumeText: string;
  resumeFormat: 'txt' | 'pdf' | 'inline';
  /** Photo identity; candidates sharing a key share the picture. `variant` > 0 re-encodes it slightly. */
  photo: { key: string; variant: number } | null;
  profileUrls: string[];
  referredBy: SimPerson | null;
  hired: SimPerson | null;
  flags: string[];
  scheme: string | null;
}

export interface TruthGroup {
  id: string;
  type: string;
  variant: Record<string, string | number | boolean>;
  people: SimPerson[];
  candidates: SimCandidate[];
  notes: string;
}

export interface SimOrg {
  seed: string;
  schemeRate: number;
  people: SimPerson[];
  candidates: SimCandidate[];
  schemes: TruthGroup[];
  lookalikes: TruthGroup[];
}
