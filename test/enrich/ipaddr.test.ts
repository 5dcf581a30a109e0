import { describe, expect, it } from 'vitest';
import { formatCidr, formatIp, parseCidr, parseIp, specialRangeNote } from '../../src/enrich/ipaddr.js';
import { PrefixMap } from '../../src/enrich/ranges.js';

const canon = (s: string) => {
  const p = parseIp(s);
  return p ? formatIp(p) : null;
};

describe('IP parsing', () => {
  it('reads IPv4 and refuses malformed or ambiguous text', () => {
    expect(canon('8.8.8.8')).toBe('8.8.8.8');
    expect(canon(' 10.0.0.1 ')).toBe('10.0.0.1');
    expect(canon('256.1.1.1')).toBeNull();
    expect(canon('1.2.3')).toBeNull();
    expect(canon('010.1.1.1')).toBeNull(); // octal-looking
    expect(canon('-')).toBeNull();
  });

  it('reads IPv6 in its written forms and prints RFC 5952 text', () => {
    expect(canon('2001:0DB8:0000:0000:0000:0000:0000:0001')).toBe('2001:db8::1');
    expect(canon('[2001:db8::5]')).toBe('2001:db8::5');
    expect(canon('fe80::1%eth0')).toBe('fe80::1');
    expect(canon('::')).toBe('::');
    expect(canon('1::')).toBe('1::');
    expect(canon('2001:db8:0:0:1:0:0:1')).toBe('2001:db8::1:0:0:1');
    expect(canon('1::2::3')).toBeNull();
    expect(canon('1:2:3:4:5:6:7:8:9')).toBeNull();
    expect(canon('12345::')).toBeNull();
  });

  it('treats IPv4-mapped IPv6 as the IPv4 address it carries', () => {
    expect(parseIp('::ffff:8.8.4.4')).toEqual(parseIp('8.8.4.4'));
    expect(canon('::ffff:8.8.4.4')).toBe('8.8.4.4');
  });

  it('parses CIDR ranges and clears host bits', () => {
    expect(formatCidr(parseCidr('10.1.2.3/16')!)).toBe('10.1.0.0/16');
    expect(formatCidr(parseCidr('2001:db8:abcd::1/32')!)).toBe('2001:db8::/32');
    expect(formatCidr(parseCidr('8.8.8.8')!)).toBe('8.8.8.8/32');
    expect(parseCidr('10.0.0.0/33')).toBeNull();
    expect(parseCidr('10.0.0.0/x')).toBeNull();
  });

  it('names private, loopback, CGNAT and link-local ranges', () => {
    expect(specialRangeNote(parseIp('192.168.1.10')!)).toMatch(/RFC 1918/);
    expect(specialRangeNote(parseIp('100.72.1.1')!)).toMatch(/carrier-grade NAT/);
    expect(specialRangeNote(parseIp('127.0.0.1')!)).toMatch(/loopback/);
    expect(specialRangeNote(parseIp('169.254.3.3')!)).toMatch(/link-local/);
    expect(specialRangeNote(parseIp('fd00::1')!)).toMatch(/unique local/);
    expect(specialRangeNote(parseIp('8.8.8.8')!)).toBeNull();
    expect(specialRangeNote(parseIp('2001:4860:4860::8888')!)).toBeNull();
  });
});

describe('PrefixMap', () => {
  it('answers with the most specific of nested ranges, v4 and v6', () => {
    const m = new PrefixMap<string>();
    m.add(parseCidr('10.0.0.0/8')!, 'wide');
    m.add(parseCidr('10.20.0.0/16')!, 'narrow');
    m.add(parseCidr('2001:db8::/32')!, 'v6 wide');
    m.add(parseCidr('2001:db8:1::/48')!, 'v6 narrow');
    expect(m.match(parseIp('10.20.3.4')!)).toEqual({ value: 'narrow', prefix: 16 });
    expect(m.match(parseIp('10.21.3.4')!)).toEqual({ value: 'wide', prefix: 8 });
    expect(m.match(parseIp('11.0.0.1')!)).toBeNull();
    expect(m.match(parseIp('2001:db8:1::9')!)?.value).toBe('v6 narrow');
    expect(m.match(parseIp('2001:db8:2::9')!)?.value).toBe('v6 wide');
    expect(m.match(parseIp('2001:db9::1')!)).toBeNull();
  });
});
