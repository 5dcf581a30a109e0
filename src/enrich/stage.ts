/**
 * The enrichment stage of a scan: every distinct IP, phone number, email address and postal
 * address in the store is enriched once and saved to `enrichments` (kind, raw value, JSON).
 * Values already stored from the same data and configuration are not computed again.
 */
import type { UnmaskConfig } from '../config/config.js';
import type { PostalAddress } from '../model/records.js';
import type { Store } from '../store/db.js';
import * as repo from '../store/repositories/enrichments.js';
import type { EnrichmentKind, EnrichmentRecord } from '../store/repositories/enrichments.js';
import type { Logger } from '../util/log.js';
import { addressInputKey, normalizeAddress } from './address.js';
import mailServices from './data/mail-services.json' with { type: 'json' };
import { dataset } from './datasets.js';
import { enrichEmail } from './email.js';
import { IpEnricher } from './ip.js';
import { enrichPhone } from './phone.js';

export interface KindStats {
  /** Distinct values found in the store. */
  distinct: number;
  /** Values enriched in this run. */
  computed: number;
  /** Values whose stored result was current and was kept. */
  reused: number;
}

export interface EnrichStats {
  ip: KindStats;
  phone: KindStats;
  email: KindStats;
  address: KindStats;
  /** Look-ups the IP enricher actually computed (one per distinct address at most). */
  ip_lookups: number;
  /** Problems with operator-supplied files (bad lines skipped). */
  warnings: string[];
}

const BATCH = 5000;

/** Enrich the values that are new or were computed from other data, and save them in batches. */
async function enrichKind<V>(
  store: Store,
  kind: EnrichmentKind,
  values: Map<string, V>,
  tag: string,
  compute: (key: string, value: V) => unknown,
): Promise<KindStats> {
  const stored = await repo.enrichmentTags(store, kind);
  const stats: KindStats = { distinct: values.size, computed: 0, reused: 0 };
  let batch: EnrichmentRecord[] = [];
  for (const [key, value] of values) {
    if (stored.get(key) === tag) {
      stats.reused++;
      continue;
    }
    batch.push({ kind, key, data: compute(key, value), dataset: tag });
    stats.computed++;
    if (batch.length >= BATCH) {
      await repo.saveEnrichments(store, batch);
      batch = [];
    }
  }
  await repo.saveEnrichments(store, batch);
  return stats;
}

function egressAddress(columnsJson: string): string | null {
  try {
    const cols = JSON.parse(columnsJson) as Record<string, unknown>;
    const a = cols.address;
    return typeof a === 'string' && a.trim() ? a.trim() : null;
  } catch {
    return null;
  }
}

const present = (s: string | null | undefined): s is string => typeof s === 'string' && s.trim() !== '';

export async function enrichStore(store: Store, config: UnmaskConfig, log: Logger): Promise<EnrichStats> {
  const cfg = config.enrich;

  // IPs: sign-ins, both ends of network connections, and the devices' own egress addresses.
  const ips = new Map<string, null>();
  for (const ip of await repo.distinctIps(store)) ips.set(ip, null);
  for (const cols of await repo.distinctEgressColumns(store)) {
    const a = egressAddress(cols);
    if (a) ips.set(a, null);
  }
  const enricher = await IpEnricher.create(cfg);
  for (const w of enricher.warnings) log.warn(w);
  const ip = await enrichKind(store, 'ip', ips, enricher.datasetTag, (key) => enricher.lookup(key));

  // People's phones, emails and home addresses; shipment addresses.
  const phones = new Map<string, string | null>();
  const emails = new Map<string, null>();
  const addresses = new Map<string, PostalAddress>();
  const addAddress = (a: PostalAddress) => {
    if (!present(a.street) && !present(a.city) && !present(a.postal_code)) return;
    const k = addressInputKey(a);
    if (!addresses.has(k)) addresses.set(k, a);
  };
  for (const p of await repo.listContactFields(store)) {
    // The first person seen with a number lends it their home country for numbers without +CC.
    if (present(p.phone) && !phones.has(p.phone)) phones.set(p.phone, p.home_country ?? cfg.default_phone_country);
    if (present(p.work_email)) emails.set(p.work_email, null);
    if (present(p.personal_email)) emails.set(p.personal_email, null);
    addAddress({ street: p.home_street, city: p.home_city, region: p.home_region, postal_code: p.home_postal_code, country: p.home_country });
  }
  for (const s of await repo.distinctShipAddresses(store)) {
    addAddress({ street: s.ship_street, city: s.ship_city, region: s.ship_region, postal_code: s.ship_postal_code, country: s.ship_country });
  }

  const phone = await enrichKind(store, 'phone', phones, `libphonenumber-js ${dataset('libphonenumber').version}`, (raw, country) =>
    enrichPhone(raw, country ?? undefined),
  );
  const emailTag = `disposable ${dataset('disposable-email').version}; providers ${dataset('email-providers').version}`;
  const email = await enrichKind(store, 'email', emails, emailTag, (raw) => enrichEmail(raw));
  const addressTag = `gazetteer ${dataset('geonames-cities').version}; mail services ${mailServices.updated}`;
  const address = await enrichKind(store, 'address', addresses, addressTag, (_k, a) => normalizeAddress(a));

  const stats: EnrichStats = { ip, phone, email, address, ip_lookups: enricher.stats.computed, warnings: enricher.warnings };
  log.info(
    `enrich: ${ip.distinct} IPs (${ip.computed} new), ${phone.distinct} phones (${phone.computed} new), ` +
      `${email.distinct} emails (${email.computed} new), ${address.distinct} addresses (${address.computed} new)`,
  );
  return stats;
}

/** Stored enrichments of one kind, keyed by raw value (for addresses: `addressInputKey`). */
export async function loadEnrichments<T>(store: Store, kind: EnrichmentKind): Promise<Map<string, T>> {
  return repo.loadEnrichmentMap<T>(store, kind);
}
