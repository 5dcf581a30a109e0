/**
 * Screening what the store holds: people, candidates, pay-account holders and shipping recipients,
 * each with the facts that can corroborate a match (date of birth, countries tied to them, sealed
 * government ids). Used by the `sanctions.match` rule; `unmask screen` screens one ad-hoc name.
 */
import type { SecretKey } from '../config/secret.js';
import { normaliseSecret } from '../config/secret.js';
import { normalizeName } from '../enrich/names.js';
import { contentId } from '../model/ids.js';
import type { Person } from '../model/index.js';
import type { Store } from '../store/db.js';
import { listIdentifiers, listPayAccounts, listPeople, listShipments } from '../store/repositories/records.js';
import { listEntries, listLists, type StoredList } from '../store/repositories/sanctions.js';
import type { ScreenQuery } from './features.js';
import { SanctionsIndex, type ScreenMatch, type ScreenOptions } from './matcher.js';

export interface LoadedIndex {
  index: SanctionsIndex;
  lists: StoredList[];
}

/** Build the index over every loaded list; null when none is loaded. */
export async function loadIndex(store: Store, key?: SecretKey | null): Promise<LoadedIndex | null> {
  const lists = await listLists(store);
  if (!lists.length) return null;
  const entries = await listEntries(store);
  // Listed identifiers hashed the way sealed government ids are, so the two can be compared.
  const hashId = key ? (n: string) => key.hash('government_id', normaliseSecret('government_id', n) ?? n) : undefined;
  return { index: SanctionsIndex.build(entries, hashId), lists };
}

export type SubjectRole = 'person' | 'candidate' | 'pay_account_holder' | 'shipping_recipient';

export interface Subject {
  /** The person key the finding is about. */
  subject_id: string;
  role: SubjectRole;
  /** Which record and field the name came from, e.g. `people.full_name`, `pay_accounts.account_holder`. */
  field: string;
  query: ScreenQuery;
}

const uniq = (xs: Array<string | null | undefined>): string[] => [...new Set(xs.filter((x): x is string => !!x))];

/**
 * The names to screen. A person is screened under their name with their date of birth and the
 * countries of their home, bank accounts and shipments; an account holder whose name differs from
 * the person's is screened on its own (it may be a company or a third party); a shipment carries no
 * recipient name in the data contract, so its recipient is the person, screened with the
 * ship-to country among their countries.
 */
export async function collectSubjects(store: Store): Promise<Subject[]> {
  const people = await listPeople(store);
  const byId = new Map(people.map((p) => [p.id, p]));
  const resolve = (ref: string): Person | undefined => byId.get(ref) ?? byId.get(`person:${ref}`) ?? byId.get(`candidate:${ref}`);
  const payAccounts = await listPayAccounts(store);
  const shipments = await listShipments(store);
  const govIds = (await listIdentifiers(store)).filter((i) => i.type === 'government_id');

  const extraCountries = new Map<string, string[]>();
  const addCountry = (personId: string, c: string | null | undefined) => {
    if (c) extraCountries.set(personId, uniq([...(extraCountries.get(personId) ?? []), c]));
  };
  for (const a of payAccounts) {
    const p = resolve(a.person_id);
    if (p) addCountry(p.id, a.bank_country);
  }
  const shipped = new Set<string>();
  for (const s of shipments) {
    const p = resolve(s.person_id);
    if (!p) continue;
    addCountry(p.id, s.address.country);
    shipped.add(p.id);
  }
  const hashes = new Map<string, string[]>();
  for (const i of govIds) hashes.set(i.person_id, [...(hashes.get(i.person_id) ?? []), i.value]);

  const out: Subject[] = [];
  for (const p of people) {
    out.push({
      subject_id: p.id,
      role: p.kind === 'candidate' ? 'candidate' : shipped.has(p.id) ? 'shipping_recipient' : 'person',
      field: p.kind === 'candidate' ? 'candidates.full_name' : 'people.full_name',
      query: {
        name: p.full_name,
        birth_date: p.date_of_birth ?? null,
        countries: uniq([p.home?.country, ...(extraCountries.get(p.id) ?? [])]),
        identifier_hashes: hashes.get(p.id) ?? [],
        kind: 'person',
      },
    });
  }
  const seen = new Set<string>();
  for (const a of payAccounts) {
    const holder = a.account_holder?.trim();
    const p = resolve(a.person_id);
    if (!holder || !p || normalizeName(holder) === normalizeName(p.full_name)) continue;
    const k = `${p.id}\u0000${normalizeName(holder)}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push({
      subject_id: p.id,
      role: 'pay_account_holder',
      field: 'pay_accounts.account_holder',
      query: { name: holder, countries: uniq([a.bank_country]), kind: 'any' },
    });
  }
  return out;
}

/**
 * The fingerprint of one match: the subject, the listed entry and every fact the match rests on.
 * A benign decision recorded against it holds until any of them changes.
 */
export function matchFingerprint(subject: Subject, m: ScreenMatch): string {
  const e = m.entry;
  return contentId(
    'sanctions.match',
    subject.subject_id,
    subject.field,
    normalizeName(subject.query.name),
    subject.query.birth_date ?? '',
    [...(subject.query.countries ?? [])].sort().join(','),
    e.list_id,
    e.source_uid,
    JSON.stringify([e.names, e.birth_dates, e.countries, e.identifiers, e.programs]),
  );
}

export interface SubjectMatch {
  subject: Subject;
  match: ScreenMatch;
  fingerprint: string;
}

export function screenSubjects(index: SanctionsIndex, subjects: Subject[], opts: ScreenOptions = {}): SubjectMatch[] {
  const out: SubjectMatch[] = [];
  for (const s of subjects) {
    for (const m of index.screen(s.query, opts)) out.push({ subject: s, match: m, fingerprint: matchFingerprint(s, m) });
  }
  return out;
}

/** Where to get each list, for messages when none is loaded (docs/sanctions.md says more). */
export const WHERE_TO_DOWNLOAD = [
  'OFAC SDN list (CSV files sdn.csv, alt.csv, add.csv, sdn_comments.csv): https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN.CSV (and ALT.CSV, ADD.CSV, SDN_COMMENTS.CSV); see https://ofac.treasury.gov/sanctions-list-service',
  'UN Security Council Consolidated List (XML): https://scsanctions.un.org/resources/xml/en/consolidated.xml',
  'OpenSanctions (FollowTheMoney JSON lines; CC BY-NC 4.0, commercial use needs their licence): https://data.opensanctions.org/datasets/latest/sanctions/entities.ftm.json',
];
