/**
 * What people do, day by day: when they sign in (their own clock, weekdays, lunch, holidays, the
 * odd late night), from where (home, office, corporate VPN, a trip, a consumer VPN, a farm), and
 * on which device. Generated on demand from a per-person, per-day stream, so nothing is stored
 * and the output does not depend on the order days are asked for.
 */
import { corporateIp, leaseOn } from './builder.js';
import { CORPORATE_EGRESS, addressOf, network, regionKey, type Network } from './catalog/networks.js';
import type { Place } from './catalog/places.js';
import type { Location, SimDevice, SimPerson } from './model.js';
import { Rng } from './random.js';
import { isHoliday, isWeekend, localToUtc, weekday } from './time.js';

export interface Geo {
  city: string;
  region: string;
  country: string;
  lat: number;
  lon: number;
}

export interface Egress {
  ip: string;
  net: Network;
  geo: Geo;
  /** What the address is, for the simulator's own bookkeeping (never written). */
  via: 'home' | 'office' | 'corp_vpn' | 'vpn' | 'leak' | 'trip' | 'mobile';
}

export interface Session {
  person: SimPerson;
  at: number;
  egress: Egress;
  device: SimDevice | null;
  failedFirst: boolean;
  firstOfDay: boolean;
  /** Stream for this session's ids and small details. */
  rng: Rng;
}

function geoOf(place: Place): Geo {
  return { city: place.city, region: place.region, country: place.country, lat: place.lat, lon: place.lon };
}

function fromLocation(loc: Location, day: string, via: Egress['via']): Egress {
  return { ip: leaseOn(loc.leases, day), net: loc.net, geo: geoOf(loc.place), via };
}

const CORP_PLACES: Record<string, Geo> = Object.fromEntries(
  [...CORPORATE_EGRESS.offices, ...CORPORATE_EGRESS.vpn].map((e) => [e.key, { city: e.city, region: e.region, country: e.country, lat: e.key === 'vpn-east' ? 39.04 : e.key === 'vpn-west' ? 37.34 : e.key === 'austin' ? 30.27 : 41.88, lon: e.key === 'vpn-east' ? -77.49 : e.key === 'vpn-west' ? -121.89 : e.key === 'austin' ? -97.74 : -87.63 }]),
);

function corporate(key: 'vpn-east' | 'vpn-west' | 'austin' | 'chicago', r: Rng): Egress {
  const net = network([...CORPORATE_EGRESS.offices, ...CORPORATE_EGRESS.vpn].find((e) => e.key === key)?.network ?? 'aws');
  return { ip: corporateIp(key, r), net, geo: CORP_PLACES[key] as Geo, via: key.startsWith('vpn') ? 'corp_vpn' : 'office' };
}

/** Where a person's sign-in on `day` comes from. */
export function personEgress(p: SimPerson, day: string, r: Rng, opts: { allowMobile: boolean }): Egress {
  const trip = p.trips.find((t) => day >= t.from && day <= t.to);
  if (trip) return fromLocation(trip.location, day, 'trip');
  if (opts.allowMobile && !p.scheme && r.chance(0.05)) {
    const home = p.household.location.place;
    const mobileNet = home.country === 'US' ? network('tmobile') : home.country === 'IN' ? network('jio') : p.household.location.net;
    return { ip: addressOf(mobileNet, r, regionKey(home.country, home.region)), net: mobileNet, geo: geoOf(home), via: 'mobile' };
  }
  if (p.leak && r.chance(p.leak.rate)) return fromLocation(p.leak.location, day, 'leak');
  if (p.vpn && r.chance(p.vpn.share)) {
    // One VPN server per day, mostly.
    const dayPick = Rng.from(day, p.seedKey, 'vpn-server');
    return { ip: r.chance(0.85) ? dayPick.pick(p.vpn.ips) : r.pick(p.vpn.ips), net: p.vpn.net, geo: geoOf(p.vpn.place), via: 'vpn' };
  }
  if (p.corpVpn) return corporate(p.gateway, r);
  const wd = weekday(day);
  if (p.office && wd >= 2 && wd <= 4 && r.chance(0.85)) return corporate(p.office, r);
  return fromLocation(p.household.location, day, 'home');
}

/** Where a device's own connection leaves from (osquery's egress_ip) on `day`. */
export function deviceEgress(d: SimDevice, owner: SimPerson, day: string, r: Rng): Egress {
  const trip = owner.trips.find((t) => day >= t.from && day <= t.to);
  if (d.vpn && r.chance(d.vpn.share)) return { ip: r.pick(d.vpn.ips), net: d.vpn.net, geo: geoOf(d.vpn.place), via: 'vpn' };
  if (owner.corpVpn && d.tunnelIp) return corporate(owner.gateway, r);
  if (trip && d === owner.devices[0]) return fromLocation(trip.location, day, 'trip');
  return fromLocation(d.location, day, 'home');
}

/** The local calendar day's sign-ins of one person (times may fall on neighbouring UTC days). */
export function sessionsOn(seed: string, p: SimPerson, day: string): Session[] {
  if (day < p.hireDate || (p.endDate && day > p.endDate)) return [];
  const r = Rng.from(seed, 'day', p.seedKey, day);
  const trip = p.trips.find((t) => day >= t.from && day <= t.to);
  const tz = trip ? trip.tz : p.work.tz;
  const off = isHoliday(p.work.holidays, day) || r.chance(p.scheme ? 0.02 : 0.04);
  const weekend = isWeekend(day);
  const times: number[] = [];
  if (trip && day === trip.from) {
    times.push(r.float(18, 21.5));
  } else if (weekend || off) {
    if (r.chance(p.work.weekendRate)) times.push(r.float(9.5, 17));
  } else {
    const start = p.work.start + r.normal(0, 0.35);
    times.push(start);
    if (r.chance(0.35)) times.push(start + r.float(3.8, 5));
    if (r.chance(0.1)) times.push(start + r.float(5.5, Math.max(5.6, p.work.length - 0.2)));
    if (r.chance(p.work.lateRate)) times.push(p.work.start >= 20 ? r.float(13, 16) : r.float(20.5, 23.6));
  }
  const enrolled = p.devices.filter((d) => d.enrolledAt <= Date.parse(`${day}T23:59:59Z`));
  return times.map((h, i) => {
    const sr = r.fork('session', i);
    const at = localToUtc(tz, day, h) + sr.int(0, 59_999);
    const egress = personEgress(p, day, sr, { allowMobile: true });
    const device = egress.via === 'mobile' ? null : enrolled.length === 0 ? null : enrolled.length === 1 || sr.chance(0.85) ? (enrolled[0] as SimDevice) : (enrolled[1] as SimDevice);
    return { person: p, at, egress, device, failedFirst: sr.chance(0.03), firstOfDay: i === 0, rng: sr };
  });
}

const UA = {
  windows: ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/137.0.0.0 Safari/537.36', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/137.0.0.0 Safari/537.36 Edg/137.0.0.0'],
  darwin: ['Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/137.0.0.0 Safari/537.36', 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Safari/605.1.15'],
  linux: ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/137.0.0.0 Safari/537.36', 'Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:139.0) Gecko/20100101 Firefox/139.0'],
  IOS: ['Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Mobile/15E148 Safari/604.1'],
  ANDROID: ['Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/137.0.0.0 Mobile Safari/537.36'],
} as const;

export interface Client {
  userAgent: string;
  os: string;
  browser: string;
  /** A stable browser fingerprint (Okta's deviceFingerprint). */
  fingerprint: string;
  kind: 'Computer' | 'Mobile';
}

/** The browser a session runs in: stable per device (or per phone). */
export function clientOf(seed: string, s: Session): Client {
  const key = s.device ? s.device.serial : s.person.mfaDevice.id;
  const r = Rng.from(seed, 'client', key);
  if (!s.device) {
    const plat = s.person.mfaDevice.platform;
    return { userAgent: UA[plat][0], os: plat === 'IOS' ? 'iOS' : 'Android', browser: plat === 'IOS' ? 'SAFARI' : 'CHROME', fingerprint: r.hex(32), kind: 'Mobile' };
  }
  const ua = r.pick(UA[s.device.platform]);
  const browser = ua.includes('Edg/') ? 'EDGE' : ua.includes('Firefox') ? 'FIREFOX' : ua.includes('Version/') ? 'SAFARI' : 'CHROME';
  const os = s.device.platform === 'windows' ? 'Windows 10' : s.device.platform === 'darwin' ? 'Mac OS X' : 'Linux';
  return { userAgent: ua, os, browser, fingerprint: r.hex(32), kind: 'Computer' };
}
