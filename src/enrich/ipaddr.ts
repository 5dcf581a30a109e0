/**
 * IP address arithmetic without allocation-heavy libraries: IPv4 as one unsigned 32-bit number,
 * IPv6 as four unsigned 32-bit words (most significant first), so range tables can be typed arrays.
 */

export type ParsedIp = { version: 4; v4: number } | { version: 6; words: [number, number, number, number] };

export function parseIpv4(s: string): number | null {
  // Hand-rolled (no regex, no split): this runs once per distinct address in every scan.
  let n = 0;
  let octet = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      // A leading zero would mean octal to some parsers: refuse it rather than guess.
      if (digits === 1 && octet === 0) return null;
      octet = octet * 10 + (c - 48);
      if (++digits > 3 || octet > 255) return null;
    } else if (c === 46) {
      if (digits === 0 || ++dots > 3) return null;
      n = n * 256 + octet;
      octet = 0;
      digits = 0;
    } else return null;
  }
  if (dots !== 3 || digits === 0) return null;
  return (n * 256 + octet) >>> 0;
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

/** Parse IPv6 text (RFC 4291 forms, `::` compression, dotted IPv4 tail, `%zone` ignored). */
export function parseIpv6(input: string): [number, number, number, number] | null {
  let end = input.indexOf('%');
  if (end < 0) end = input.length;
  if (end === 0) return null;
  const head: number[] = [];
  const tail: number[] = [];
  let cur = head;
  let compressed = false;
  let i = 0;
  if (input.charCodeAt(0) === 58) {
    if (input.charCodeAt(1) !== 58) return null;
    compressed = true;
    cur = tail;
    i = 2;
  }
  while (i < end) {
    let j = i;
    let v = 0;
    for (; j < end; j++) {
      const d = hexValue(input.charCodeAt(j));
      if (d < 0) break;
      v = v * 16 + d;
    }
    if (j < end && input.charCodeAt(j) === 46) {
      // Dotted IPv4 in the last 32 bits (::ffff:1.2.3.4).
      const v4 = parseIpv4(input.slice(i, end));
      if (v4 === null) return null;
      cur.push(v4 >>> 16, v4 & 0xffff);
      i = end;
      break;
    }
    if (j === i || j - i > 4) return null;
    cur.push(v);
    if (j === end) break;
    if (input.charCodeAt(j) !== 58) return null;
    if (input.charCodeAt(j + 1) === 58 && j + 1 < end) {
      if (compressed) return null;
      compressed = true;
      cur = tail;
      i = j + 2;
    } else {
      i = j + 1;
      if (i === end) return null;
    }
  }
  const n = head.length + tail.length;
  if (compressed ? n > 7 : n !== 8) return null;
  const h = new Array<number>(8).fill(0);
  for (let k = 0; k < head.length; k++) h[k] = head[k] as number;
  for (let k = 0; k < tail.length; k++) h[8 - tail.length + k] = tail[k] as number;
  return [((h[0]! << 16) | h[1]!) >>> 0, ((h[2]! << 16) | h[3]!) >>> 0, ((h[4]! << 16) | h[5]!) >>> 0, ((h[6]! << 16) | h[7]!) >>> 0];
}

/**
 * Parse an address as logs write it: plain, bracketed (`[2001:db8::1]`), with a zone id, or an
 * IPv4-mapped IPv6 address (`::ffff:1.2.3.4`), which is treated as the IPv4 address it carries.
 */
export function parseIp(raw: string): ParsedIp | null {
  let s = raw.trim();
  if (s.startsWith('[') && s.endsWith(']')) s = s.slice(1, -1);
  if (s.includes(':')) {
    const words = parseIpv6(s);
    if (!words) return null;
    if (words[0] === 0 && words[1] === 0 && words[2] === 0xffff) return { version: 4, v4: words[3] };
    return { version: 6, words };
  }
  const v4 = parseIpv4(s);
  return v4 === null ? null : { version: 4, v4 };
}

export function formatIpv4(n: number): string {
  return `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

/** RFC 5952 text form: lower case, longest run of zero groups shortened to `::`. */
export function formatIpv6(words: readonly number[]): string {
  const h: number[] = [];
  for (const w of words) h.push(w >>> 16, w & 0xffff);
  let bestStart = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (h[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && h[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = h.map((x) => x.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
}

export function formatIp(p: ParsedIp): string {
  return p.version === 4 ? formatIpv4(p.v4) : formatIpv6(p.words);
}

/** Keep the top `bits` bits of a 32-bit word. */
export function maskWord(w: number, bits: number): number {
  if (bits <= 0) return 0;
  if (bits >= 32) return w >>> 0;
  return (w & (0xffffffff << (32 - bits))) >>> 0;
}

export function maskV6(words: readonly number[], prefix: number): [number, number, number, number] {
  return [
    maskWord(words[0] as number, prefix),
    maskWord(words[1] as number, prefix - 32),
    maskWord(words[2] as number, prefix - 64),
    maskWord(words[3] as number, prefix - 96),
  ];
}

export interface Cidr {
  ip: ParsedIp;
  prefix: number;
}

/**
 * Parse `a.b.c.d/len`, `v6/len` or a bare address (a host route). Host bits set below the
 * prefix are cleared, as routers do, rather than rejected: operators paste such ranges.
 */
export function parseCidr(raw: string): Cidr | null {
  const s = raw.trim();
  const slash = s.indexOf('/');
  const ip = parseIp(slash >= 0 ? s.slice(0, slash) : s);
  if (!ip) return null;
  const max = ip.version === 4 ? 32 : 128;
  let prefix = max;
  if (slash >= 0) {
    const p = s.slice(slash + 1);
    if (!/^\d{1,3}$/.test(p)) return null;
    prefix = Number(p);
    // An IPv4-mapped IPv6 prefix (::ffff:0:0/96 and longer) describes IPv4 space.
    if (ip.version === 4 && s.slice(0, slash).includes(':')) prefix -= 96;
    if (prefix < 0 || prefix > max) return null;
  }
  if (ip.version === 4) return { ip: { version: 4, v4: maskWord(ip.v4, prefix) }, prefix };
  return { ip: { version: 6, words: maskV6(ip.words, prefix) }, prefix };
}

export function isValidCidr(raw: string): boolean {
  return parseCidr(raw) !== null;
}

export function formatCidr(c: Cidr): string {
  return `${formatIp(c.ip)}/${c.prefix}`;
}

/** Address blocks that never identify a place or a network operator on the public internet. */
const SPECIAL_RANGES: Array<[string, string]> = [
  ['0.0.0.0/8', 'this network (RFC 791)'],
  ['10.0.0.0/8', 'private address (RFC 1918)'],
  ['100.64.0.0/10', 'carrier-grade NAT shared space (RFC 6598)'],
  ['127.0.0.0/8', 'loopback (RFC 1122)'],
  ['169.254.0.0/16', 'link-local (RFC 3927)'],
  ['172.16.0.0/12', 'private address (RFC 1918)'],
  ['192.0.0.0/24', 'IETF protocol assignments (RFC 6890)'],
  ['192.0.2.0/24', 'documentation range TEST-NET-1 (RFC 5737)'],
  ['192.168.0.0/16', 'private address (RFC 1918)'],
  ['198.18.0.0/15', 'benchmarking range (RFC 2544)'],
  ['198.51.100.0/24', 'documentation range TEST-NET-2 (RFC 5737)'],
  ['203.0.113.0/24', 'documentation range TEST-NET-3 (RFC 5737)'],
  ['224.0.0.0/4', 'multicast (RFC 5771)'],
  ['240.0.0.0/4', 'reserved (RFC 1112)'],
  ['::/128', 'unspecified address (RFC 4291)'],
  ['::1/128', 'loopback (RFC 4291)'],
  ['64:ff9b::/96', 'NAT64 translation prefix (RFC 6052)'],
  ['100::/64', 'discard-only prefix (RFC 6666)'],
  ['2001:db8::/32', 'documentation range (RFC 3849)'],
  ['fc00::/7', 'unique local address (RFC 4193)'],
  ['fe80::/10', 'link-local (RFC 4291)'],
  ['ff00::/8', 'multicast (RFC 4291)'],
];

const SPECIAL = SPECIAL_RANGES.map(([cidr, note]) => ({ cidr: parseCidr(cidr) as Cidr, note }));
const SPECIAL_V4 = SPECIAL.filter((x) => x.cidr.ip.version === 4).map((x) => ({
  base: (x.cidr.ip as { v4: number }).v4,
  prefix: x.cidr.prefix,
  note: x.note,
}));
const SPECIAL_V6 = SPECIAL.filter((x) => x.cidr.ip.version === 6);

export function cidrContains(c: Cidr, ip: ParsedIp): boolean {
  if (c.ip.version === 4 && ip.version === 4) return maskWord(ip.v4, c.prefix) === c.ip.v4;
  if (c.ip.version === 6 && ip.version === 6) {
    const m = maskV6(ip.words, c.prefix);
    return m[0] === c.ip.words[0] && m[1] === c.ip.words[1] && m[2] === c.ip.words[2] && m[3] === c.ip.words[3];
  }
  return false;
}

/** Why an address is not a public internet address, or null when it is one. */
export function specialRangeNote(ip: ParsedIp): string | null {
  if (ip.version === 4) {
    for (const s of SPECIAL_V4) if (maskWord(ip.v4, s.prefix) === s.base) return s.note;
    return null;
  }
  for (const s of SPECIAL_V6) if (cidrContains(s.cidr, ip)) return s.note;
  return null;
}
