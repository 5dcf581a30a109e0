/**
 * IP enrichment throughput: cold look-ups (location + ASN + class from the data) and warm ones
 * (the per-value cache), each against a Map.get loop over the same keys measured in this run.
 * Targets: ≥ 50,000 cold and ≥ 200,000 warm look-ups per second.
 */
import { parseConfig } from '../src/config/config.js';
import { IpEnricher } from '../src/enrich/ip.js';
import { fmt, peakRssMb, time } from './util.js';

const COLD_TARGET = 50_000;
const WARM_TARGET = 200_000;
const DISTINCT = 50_000;
const EVENTS = 1_000_000;

/** Deterministic public-looking addresses: 90% IPv4, 10% IPv6. */
function addresses(n: number): string[] {
  let x = 0x2545f491;
  const next = () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return x >>> 0;
  };
  const out = new Set<string>();
  while (out.size < n) {
    const r = next();
    if (out.size % 10 === 9) out.add(`2a0${r % 10}:${(r >>> 8).toString(16)}::${(next() & 0xffff).toString(16)}`);
    else out.add(`${1 + (r % 223)}.${(r >>> 8) & 255}.${(r >>> 16) & 255}.${next() & 255}`);
  }
  return [...out];
}

const rate = (n: number, s: number) => n / s;
const verdict = (r: number, target: number) => (r >= target ? 'meets' : 'BELOW');

export async function run(): Promise<void> {
  const cfg = parseConfig({}).enrich;
  const created = await time(() => IpEnricher.create(cfg));
  console.log(`load data (ASN tables, lists): ${created.seconds.toFixed(2)} s`);

  const keys = addresses(DISTINCT);
  // Baseline: the cheapest possible per-value cache, a Map.get over the same keys.
  const baseMap = new Map(keys.map((k) => [k, { k }]));
  let sink = 0;
  const base = await time(() => {
    for (let round = 0; round < 20; round++) for (const k of keys) sink += baseMap.get(k) ? 1 : 0;
  });
  const baseRate = rate(keys.length * 20, base.seconds);

  // Cold: a fresh enricher (data already loaded), every key once. The first mmdb open is timed apart.
  const e = await IpEnricher.create(cfg);
  e.lookup('8.8.8.8');
  e.lookup('2001:4860:4860::8888');
  const cold = await time(() => {
    for (const k of keys) sink += e.lookup(k).asn ?? 0;
  });
  const coldRate = rate(keys.length, cold.seconds);

  const warm = await time(() => {
    for (let round = 0; round < 20; round++) for (const k of keys) sink += e.lookup(k).version ?? 0;
  });
  const warmRate = rate(keys.length * 20, warm.seconds);

  // A scan's shape: a million sign-ins from 50,000 distinct addresses.
  const scan = await IpEnricher.create(cfg);
  const events = await time(() => {
    for (let i = 0; i < EVENTS; i++) sink += scan.lookup(keys[(i * 7919) % keys.length] as string).version ?? 0;
  });

  console.log(`baseline Map.get:   ${fmt(baseRate)} /s`);
  console.log(`cold look-ups:      ${fmt(coldRate)} /s  (${fmt(coldRate / baseRate, 4)} of baseline; target ≥ ${fmt(COLD_TARGET)} /s: ${verdict(coldRate, COLD_TARGET)})`);
  console.log(`warm look-ups:      ${fmt(warmRate)} /s  (${fmt(warmRate / baseRate, 3)} of baseline; target ≥ ${fmt(WARM_TARGET)} /s: ${verdict(warmRate, WARM_TARGET)})`);
  console.log(
    `${fmt(EVENTS)} events over ${fmt(DISTINCT)} addresses: ${events.seconds.toFixed(2)} s, ${fmt(scan.stats.computed)} computed look-ups (expected ${fmt(DISTINCT)})`,
  );
  console.log(`peak RSS: ${fmt(await peakRssMb())} MB   (checksum ${sink % 997})`);
}
