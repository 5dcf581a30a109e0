/** Helpers the sign-in rules share. */
import { formatIp, maskV6, maskWord, parseIp, specialRangeNote } from '../../enrich/ipaddr.js';
import type { IpView, PersonSignIns, SignInView } from '../data.js';
import { DAY_MS } from '../define.js';

/** Astrill VPN, by the enrichment's provider label or the network owner's name. */
export function isAstrill(v: IpView | null | undefined): boolean {
  return !!v && !v.allowed_vpn && !v.corporate && [v.provider, v.as_org].some((s) => !!s && /astrill/i.test(s));
}

/** A person's sign-ins in the `days` before `now` (and not after it). */
export function inWindow(p: PersonSignIns, now: Date, days: number): SignInView[] {
  const end = now.getTime();
  const start = end - days * DAY_MS;
  return p.signins.filter((s) => s.at >= start && s.at <= end);
}

/** Addresses of some sign-ins, most used first, as evidence. */
export function topAddresses(list: SignInView[], limit = 10) {
  const by = new Map<string, { ip: string; count: number; class: string | null; provider: string | null; as_org: string | null; asn: number | null; country: string | null; city: string | null; first: string; last: string }>();
  for (const s of list) {
    if (!s.ip) continue;
    const n = s.net;
    const e = by.get(s.ip) ?? { ip: s.ip, count: 0, class: n?.class ?? null, provider: n?.provider ?? null, as_org: n?.as_org ?? null, asn: n?.asn ?? null, country: n?.country ?? null, city: n?.city ?? null, first: s.iso, last: s.iso };
    e.count++;
    e.last = s.iso;
    by.set(s.ip, e);
  }
  return [...by.values()].sort((a, b) => b.count - a.count).slice(0, limit);
}

/** Sign-ins whose address says where the person is: not VPN/hosting/Tor, not the company's own egress. */
export function locatable(s: SignInView): boolean {
  const n = s.net;
  return !!n && !n.corporate && n.class !== 'vpn' && n.class !== 'hosting' && n.class !== 'tor';
}

export const utcDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/**
 * The network a sign-in address stands for when grouping people: residential and mobile
 * addresses are grouped by their /24 (IPv4) or /56 (IPv6) since home routers renumber inside
 * them; other addresses stand for themselves.
 */
export function networkKey(ip: string, cls: string | null | undefined, v4Prefix = 24, v6Prefix = 56): string {
  const p = parseIp(ip);
  if (!p) return ip;
  if (cls !== 'residential_or_mobile') return formatIp(p);
  if (p.version === 4) return `${formatIp({ version: 4, v4: maskWord(p.v4, v4Prefix) })}/${v4Prefix}`;
  return `${formatIp({ version: 6, words: maskV6(p.words, v6Prefix) })}/${v6Prefix}`;
}

/** Not a public internet address (private, loopback, CGNAT, documentation...), or not an address. */
export function isNonPublic(ip: string): boolean {
  const p = parseIp(ip);
  return !p || specialRangeNote(p) !== null;
}
