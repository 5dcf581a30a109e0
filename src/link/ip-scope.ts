/**
 * Which sign-in IPs may link people. The enrichment layer classifies public IPs; addresses that
 * are not on the public internet (RFC 1918, loopback, link-local, CGNAT, IPv6 ULA, or not an IP
 * at all) say nothing about where anyone is, so the linker calls them `private` and drops them.
 */
import type { IpClass as EnrichIpClass } from '../enrich/ip.js';
import { parseIp, specialRangeNote } from '../enrich/ipaddr.js';

export type IpClass = EnrichIpClass | 'private';

export function isPrivateIp(ip: string): boolean {
  const p = parseIp(ip);
  return !p || specialRangeNote(p) !== null;
}
