/**
 * Simulated addresses agree with the IP data Unmask ships: every block the simulator draws from
 * belongs to the AS the catalog names and geolocates where the catalog says; the company's own
 * egress is classed corporate with the simulated unmask.yaml, Astrill exits as Astrill. Photos:
 * different people's pictures differ to the perceptual hash, a re-saved copy does not.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/config.js';
import { IpEnricher } from '../../src/enrich/ip.js';
import { decodePngGray, dHash, hammingDistance } from '../../src/ingest/files/image-hash.js';
import { pdfText } from '../../src/ingest/files/pdf-text.js';
import { addressIn, allBlocks, CORPORATE_EGRESS, network, NETWORKS } from '../../src/simulate/catalog/networks.js';
import { US_STATE_NAMES } from '../../src/simulate/catalog/regions.js';
import { photoPng, textPdf } from '../../src/simulate/files.js';
import { companyConfig } from '../../src/simulate/index.js';
import { Rng } from '../../src/simulate/random.js';
import { tempDir } from '../helpers/stores.js';

describe('simulated networks', () => {
  let plain: IpEnricher;
  let company: IpEnricher;
  beforeAll(async () => {
    plain = await IpEnricher.create(parseConfig({}).enrich);
    company = await IpEnricher.create(parseConfig(parseYaml(companyConfig())).enrich);
  }, 120_000);

  it('draws every address from blocks its AS announces, in the state or country it claims', () => {
    const r = Rng.from('blocks');
    let checked = 0;
    let regionMisses = 0;
    for (const [key, regions] of Object.entries(allBlocks())) {
      const net = network(key);
      for (const [region, blocks] of Object.entries(regions)) {
        for (const b of blocks) {
          const info = plain.lookup(addressIn(b, r));
          expect(info.asn, `${key} ${b}`).toBe(net.asn);
          const [country, state] = region.split('-', 2) as [string, string | undefined];
          expect(info.country, `${key} ${b}`).toBe(country);
          // Geolocation data splits some /24s further: allow a rare miss on the state.
          if (state && (net.kind === 'residential' || net.kind === 'mobile') && info.region !== state) regionMisses++;
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(500);
    expect(regionMisses / checked).toBeLessThan(0.02);
    // Residential ISPs look residential; VPNs and clouds do not.
    for (const n of NETWORKS) {
      const some = Object.values(allBlocks()[n.key] ?? {}).flat()[0];
      if (!some) continue;
      const cls = plain.lookup(addressIn(some, r)).class;
      if (n.kind === 'residential' || n.kind === 'mobile') expect(cls, n.key).toBe('residential_or_mobile');
      if (n.kind === 'hosting') expect(cls, n.key).toBe('hosting');
      if (n.key === 'nordvpn' || n.key === 'mullvad') expect(cls, n.key).toBe('vpn');
    }
    expect(Object.keys(allBlocks().comcast ?? {}).length).toBeGreaterThan(10);
    expect(Object.keys(allBlocks().comcast ?? {})).toContain(`US-${US_STATE_NAMES.WA}`);
  });

  it('classes the company egress as corporate and Astrill exits as Astrill VPN under the simulated unmask.yaml', () => {
    const r = Rng.from('egress');
    for (const e of [...CORPORATE_EGRESS.offices, ...CORPORATE_EGRESS.vpn]) {
      const ip = addressIn(e.cidr, r);
      expect(company.lookup(ip).class, e.key).toBe('corporate');
      expect(plain.lookup(ip).class, e.key).not.toBe('corporate');
    }
    const astrill = Object.values(allBlocks().astrill ?? {}).flat();
    expect(astrill.length).toBeGreaterThan(0);
    const info = company.lookup(addressIn(astrill[0]!, r));
    expect(info.class).toBe('vpn');
    expect(info.provider).toBe('Astrill VPN');
  });
});

describe('simulated attachments', () => {
  it('draws photos that differ between people and survive re-saving', () => {
    const hashes = Array.from({ length: 150 }, (_, i) => dHash(decodePngGray(photoPng('t', `person-${i}`))));
    let close = 0;
    for (let i = 0; i < hashes.length; i++) for (let j = i + 1; j < hashes.length; j++) if (hammingDistance(hashes[i]!, hashes[j]!) <= 4) close++;
    expect(close).toBe(0);
    const original = photoPng('t', 'ring');
    const copy = photoPng('t', 'ring', 3);
    expect(copy.equals(original)).toBe(false);
    expect(hammingDistance(dHash(decodePngGray(copy)), dHash(decodePngGray(original)))).toBeLessThanOrEqual(2);
  });

  it('writes PDF resumes whose text a PDF reader gets back', async () => {
    const tmp = tempDir('unmask-pdf-');
    try {
      const file = join(tmp.dir, 'r.pdf');
      const { writeFileSync } = await import('node:fs');
      writeFileSync(file, textPdf('Dana (Danielle) Smith\nSeattle, WA | dana@example.org\nSKILLS\nGo, Rust', 'Resume'));
      const text = await pdfText(file);
      expect(text).toContain('Dana (Danielle) Smith');
      expect(text).toContain('Go, Rust');
      expect(readFileSync(file).subarray(0, 8).toString('latin1')).toBe('%PDF-1.4');
    } finally {
      tmp.remove();
    }
  });
});
