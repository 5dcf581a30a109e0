/**
 * The link stage over the store: read people, pay destinations, shipments, devices and per-person
 * sign-in aggregates; normalise with the enrichment layer; build the identity graph, resolve
 * records of one human and cluster; write identifiers, links, clusters and their evidence.
 * Memory is bounded by people and distinct values, never by events: sign-ins arrive aggregated.
 */
import type { UnmaskConfig } from '../config/config.js';
import { enrichEmail } from '../enrich/email.js';
import { IpEnricher, type IpInfo } from '../enrich/ip.js';
import * as names from '../enrich/names.js';
import { normalizeAddress } from '../enrich/address.js';
import { enrichPhone } from '../enrich/phone.js';
import { loadEnrichments } from '../enrich/stage.js';
import type { Store } from '../store/db.js';
import * as linkRepo from '../store/repositories/link.js';
import { listDevices, listPeople, listShipments, replaceClusters } from '../store/repositories/records.js';
import type { Logger } from '../util/log.js';
import type { LinkSources } from './identifiers.js';
import { isPrivateIp, type IpClass } from './ip-scope.js';
import { linkRecords, type LinkFunctions, type LinkResult } from './pipeline.js';

export type { LinkResult } from './pipeline.js';

/** The enrichment functions the linker normalises with; IP classes come from `ipClass`. */
export function linkFunctions(config: UnmaskConfig, ipClass: (ip: string) => IpClass): LinkFunctions {
  const defaultCountry = config.enrich.default_phone_country ?? undefined;
  return {
    email: (raw) => enrichEmail(raw).normalized,
    phone: (raw, country) => enrichPhone(raw, country ?? defaultCountry).e164,
    address: (a) => {
      const info = normalizeAddress(a);
      return info.key ? { key: info.key, display: info.normalized } : null;
    },
    ipClass,
    names,
  };
}

/** IP classes from the enrichment table; addresses the enrich stage has not seen are looked up now. */
async function ipClasses(store: Store, config: UnmaskConfig, ips: Iterable<string>): Promise<(ip: string) => IpClass> {
  const known = await loadEnrichments<IpInfo>(store, 'ip');
  const classes = new Map<string, IpClass>();
  let enricher: IpEnricher | null = null;
  for (const ip of ips) {
    if (classes.has(ip)) continue;
    if (isPrivateIp(ip)) {
      classes.set(ip, 'private');
      continue;
    }
    let info = known.get(ip);
    if (!info) info = (enricher ??= await IpEnricher.create(config.enrich)).lookup(ip);
    classes.set(ip, info.class);
  }
  return (ip) => classes.get(ip) ?? (isPrivateIp(ip) ? 'private' : 'unknown');
}

export async function loadLinkSources(store: Store): Promise<LinkSources> {
  return {
    people: await listPeople(store),
    pay: await linkRepo.listPayDestinations(store),
    shipments: await listShipments(store),
    devices: await listDevices(store),
    signins: await linkRepo.listSignInValues(store),
  };
}

export interface LinkOptions {
  runId?: string | null;
}

export async function linkStore(store: Store, config: UnmaskConfig, log: Logger, opts: LinkOptions = {}): Promise<LinkResult> {
  log.progress('link: reading people and identifiers');
  const src = await loadLinkSources(store);
  const ipClass = await ipClasses(store, config, src.signins.filter((s) => s.type === 'ip').map((s) => s.value));
  log.progress(`link: linking ${src.people.length} people and candidates`);
  const result = linkRecords(src, config.score.link, linkFunctions(config, ipClass));
  const runId = opts.runId ?? null;

  log.progress('link: saving');
  await linkRepo.replaceIdentifiers(store, result.identifiers);
  await linkRepo.replaceLinks(store, result.links, runId);
  await replaceClusters(
    store,
    result.clusters.map((c) => ({ id: c.id, person_ids: c.person_ids, risk_score: 0, risk_level: 'low', reasons: c.reasons, hubs: c.hubs, explanation: [], run_id: runId })),
  );
  await linkRepo.replaceClusterEvidence(
    store,
    result.clusters.map((c) => ({ cluster_id: c.id, fingerprint: c.fingerprint, shared: c.shared, aliases: c.aliases })),
    runId,
  );
  const s = result.stats;
  log.done();
  log.info(`link: ${s.identifiers} identifiers, ${s.edges} links (${s.strong_edges} strong), ${s.same_person} same-person matches, ${s.clusters} clusters (largest ${s.largest})`);
  return result;
}
