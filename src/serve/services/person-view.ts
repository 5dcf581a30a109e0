/**
 * Everything the person page shows, gathered with indexed queries only (no scan of events): the
 * person, score and its explanation, findings on them and on their devices, identifiers, sign-ins
 * grouped by IP (with our enrichment beside the vendor's own location), addresses for the map,
 * devices with remote-access tools and USB devices, masked pay destinations, linked people, cases.
 */
import { maskLast4 } from '../../config/secret.js';
import { addressInputKey } from '../../enrich/address.js';
import { IDENTIFIER_TYPES, type IdentifierType } from '../../model/values.js';
import type { Store } from '../../store/db.js';
import * as q from '../../store/repositories/queries-for-api.js';
import { bySeverity, presentFinding } from '../presenters/findings.js';
import { maskEmail, maskPhone, maskPostalCode, maskStreet, maskText, needsMasking, presentIdentifierValue } from '../presenters/mask.js';
import type { Role } from '../security/roles.js';
import { INVENTORY_TABLES, summariseInventory } from './remote-access.js';
import { ruleInfoById } from './rule-titles.js';

interface IpInfoLike {
  country?: string | null;
  city?: string | null;
  lat?: number | null;
  lon?: number | null;
  asn?: number | null;
  as_org?: string | null;
  class?: string | null;
  provider?: string | null;
  sources?: string[];
}

/** A link reason as a sentence: the linker stores strings or `{ label, detail, points }`. */
function reasonText(r: unknown): string {
  if (typeof r === 'string') return r;
  if (r && typeof r === 'object' && 'label' in r) {
    const o = r as { label: unknown; detail?: unknown };
    return o.detail ? `${String(o.label)}: ${String(o.detail)}` : String(o.label);
  }
  return JSON.stringify(r);
}

interface AddressLike {
  lat?: number | null;
  lon?: number | null;
  geo_source?: string | null;
  mail_service?: string | null;
}

function parseJson<T>(s: string | null | undefined, fallback: T): T {
  if (!s) return fallback;
  try {
    return JSON.parse(s) as T;
  } catch {
    return fallback;
  }
}

export async function buildPersonDetail(store: Store, id: string, role: Role) {
  const p = await q.getPersonWithScore(store, id);
  if (!p) return null;
  const mask = needsMasking(role);
  const rules = await ruleInfoById();
  // A hired candidate is the employee it became: its records count as theirs.
  const aliases = p.kind === 'candidate' ? [] : await q.hiredCandidateIds(store, p.source_id);

  const [shipments, payAccounts, identifiers, ipRows, recent, links, cluster, cases] = await Promise.all([
    q.shipmentsOf(store, id),
    q.payAccountsOf(store, id),
    q.identifiersOf(store, [id, ...aliases]),
    q.signinsByIp(store, id),
    q.recentSignins(store, id, 200),
    q.linksOfPerson(store, id),
    q.clusterOfPerson(store, id),
    q.casesAbout(store, 'person', id),
  ]);
  const devices = await q.devicesOfPerson(store, id, shipments.map((s) => s.device_serial).filter((s): s is string => Boolean(s)));

  const [personFindings, deviceFindings] = await Promise.all([
    q.findingsForSubjects(store, 'person', [id, ...aliases]),
    q.findingsForSubjects(store, 'device', devices.map((d) => d.serial)),
  ]);
  const findings = [...personFindings, ...deviceFindings].map((f) => presentFinding(f, role, rules)).sort(bySeverity);

  // Sign-in locations: our own IP enrichment first, the vendor's own location as a fallback.
  const ips = ipRows.map((r) => r.ip).filter((x): x is string => Boolean(x));
  const enriched = new Map((await q.enrichmentsFor(store, 'ip', ips)).map((e) => [e.key, parseJson<IpInfoLike>(e.data, {})]));
  const attribution = new Set<string>();
  const ipSummary = ipRows.map((r) => {
    const e = r.ip ? enriched.get(r.ip) : undefined;
    // Sources say which data placed the IP; the dataset citations (with licences) are credited on the page.
    for (const s of e?.sources ?? []) if (/^(location|network):/.test(s)) attribution.add(s.replace(/^(location|network):\s*/, ''));
    return {
      ip: r.ip,
      n: r.n,
      failures: r.failures,
      first: r.first,
      last: r.last,
      country: e?.country ?? r.vendor_country ?? null,
      city: e?.city ?? r.vendor_city ?? null,
      lat: e?.lat ?? r.vendor_lat ?? null,
      lon: e?.lon ?? r.vendor_lon ?? null,
      class: e?.class ?? null,
      provider: e?.provider ?? null,
      asn: e?.asn ?? null,
      as_org: e?.as_org ?? null,
      located_by: e && e.lat != null ? 'unmask' : r.vendor_lat != null ? 'vendor' : null,
    };
  });
  const countries = new Map<string, number>();
  for (const s of ipSummary) if (s.country) countries.set(s.country, (countries.get(s.country) ?? 0) + s.n);
  const total = ipSummary.reduce((a, s) => a + s.n, 0);

  // Home and shipping addresses, placed by the gazetteer the enrichment stage used.
  const homeKey = addressInputKey({ street: p.home_street, city: p.home_city, region: p.home_region, postal_code: p.home_postal_code, country: p.home_country });
  const shipKeys = shipments.map((s) => addressInputKey({ street: s.ship_street, city: s.ship_city, region: s.ship_region, postal_code: s.ship_postal_code, country: s.ship_country }));
  const places = new Map((await q.enrichmentsFor(store, 'address', [homeKey, ...shipKeys])).map((e) => [e.key, parseJson<AddressLike>(e.data, {})]));
  const place = (key: string) => {
    const a = places.get(key);
    if (a?.geo_source) attribution.add(a.geo_source);
    return { lat: a?.lat ?? null, lon: a?.lon ?? null, geo_source: a?.geo_source ?? null, mail_service: a?.mail_service ?? null };
  };

  const inventories = await Promise.all(devices.map((d) => q.deviceInventory(store, d.serial, [...INVENTORY_TABLES], 5000)));

  const peerIds = links.map((l) => (l.person_a === id ? l.person_b : l.person_a));
  const peers = new Map((await q.peopleBrief(store, peerIds)).map((b) => [b.id, b]));
  const shareCounts = await q.identifierShareCounts(store, identifiers);


  return {
    person: {
      id: p.id,
      source_id: p.source_id,
      kind: p.kind,
      full_name: p.full_name,
      work_email: mask ? maskEmail(p.work_email) : p.work_email,
      personal_email: mask ? maskEmail(p.personal_email) : p.personal_email,
      phone: mask ? maskPhone(p.phone) : p.phone,
      home: {
        street: mask ? maskStreet(p.home_street) : p.home_street,
        city: p.home_city,
        region: p.home_region,
        postal_code: mask ? maskPostalCode(p.home_postal_code) : p.home_postal_code,
        country: p.home_country,
        ...place(homeKey),
      },
      timezone: p.timezone,
      agency: p.agency,
      title: p.title,
      department: p.department,
      manager_id: p.manager_id,
      hire_date: p.hire_date,
      end_date: p.end_date,
      applied_at: p.applied_at,
      position: p.position,
      hired_person_id: p.hired_person_id,
      referred_by: p.referred_by,
      interview_flags: parseJson<string[]>(p.interview_flags, []),
      profile_urls: parseJson<string[]>(p.profile_urls, []),
    },
    score: p.score_subject !== null ? { score: Number(p.score), level: p.score_level!, explanation: parseJson(p.score_explanation, [] as unknown[]) } : null,
    findings,
    identifiers: identifiers.map((i) => {
      const meta = IDENTIFIER_TYPES[i.type as IdentifierType];
      return {
        type: i.type,
        value: presentIdentifierValue(i.type, i.value, i.display, role, Boolean(meta?.secret)),
        source: i.source,
        first_seen: i.first_seen,
        last_seen: i.last_seen,
        shared_with: shareCounts.get(`${i.type}\u0000${i.value}`) ?? 0,
      };
    }),
    signins: {
      total,
      failures: ipSummary.reduce((a, s) => a + s.failures, 0),
      first: ipSummary.reduce<string | null>((a, s) => (a === null || s.first < a ? s.first : a), null),
      last: ipSummary.reduce<string | null>((a, s) => (a === null || s.last > a ? s.last : a), null),
      ips: ipSummary,
      countries: [...countries].map(([country, n]) => ({ country, n })).sort((a, b) => b.n - a.n),
      recent: recent.map((s) => {
        const e = s.ip ? enriched.get(s.ip) : undefined;
        return {
          occurred_at: s.occurred_at,
          source: s.source,
          user_name: mask ? (maskEmail(s.user_name) ?? '') : s.user_name,
          ip: s.ip,
          outcome: s.outcome,
          country: e?.country ?? s.vendor_country,
          city: e?.city ?? s.vendor_city,
          class: e?.class ?? null,
          user_agent: s.user_agent,
        };
      }),
    },
    shipments: shipments.map((s, i) => ({
      ...place(shipKeys[i]!),
      id: s.id,
      shipped_at: s.shipped_at,
      status: s.status,
      device_serial: s.device_serial,
      asset_tag: s.asset_tag,
      street: mask ? maskStreet(s.ship_street) : s.ship_street,
      city: s.ship_city,
      region: s.ship_region,
      postal_code: mask ? maskPostalCode(s.ship_postal_code) : s.ship_postal_code,
      country: s.ship_country,
    })),
    devices: devices.map((d, i) => ({
      serial: d.serial,
      hostname: d.hostname,
      platform: d.platform,
      enrolled_at: d.enrolled_at,
      assigned_to_person: d.person_id === id,
      ...summariseInventory(inventories[i] ?? []),
      findings: deviceFindings.filter((f) => f.subject_id === d.serial).length,
    })),
    pay_accounts: payAccounts.map((a) => ({
      id: a.id,
      effective_date: a.effective_date,
      method: a.method,
      bank_name: a.bank_name,
      bank_country: a.bank_country,
      account: maskLast4(a.account_last4),
      iban: maskLast4(a.iban_last4),
      wallet: maskLast4(a.wallet_last4),
      account_holder: mask && a.account_holder ? maskText(a.account_holder) : a.account_holder,
    })),
    cluster: cluster ?? null,
    linked: links.map((l) => {
      const other = l.person_a === id ? l.person_b : l.person_a;
      const b = peers.get(other);
      return {
        id: other,
        full_name: b?.full_name ?? other,
        kind: b?.kind ?? null,
        score: b?.score === undefined || b?.score === null ? null : Number(b.score),
        level: b?.level ?? null,
        link_kind: l.kind,
        link_score: Number(l.score),
        reasons: parseJson<unknown[]>(l.reasons, []).map(reasonText).map((r) => (mask ? maskText(r) : r)),
      };
    }),
    cases: cases.map((c) => ({ id: c.id, title: c.title, status: c.status, resolution: c.resolution, assignee: c.assignee, updated_at: c.updated_at })),
    attribution: [...attribution].sort(),
  };
}
