/**
 * The UN Security Council Consolidated List in its XML format
 * (https://main.un.org/securitycouncil/en/content/un-sc-consolidated-list):
 * `<CONSOLIDATED_LIST dateGenerated=...>` with `<INDIVIDUALS><INDIVIDUAL>` and
 * `<ENTITIES><ENTITY>` elements. Names are split over FIRST_NAME..FOURTH_NAME (for Korean names
 * FIRST_NAME is the surname: `KIM` / `YONG CHOL`); aliases carry a QUALITY (`Good`, `Low`,
 * `a.k.a.`, `f.k.a.`); dates of birth are EXACT, APPROXIMATELY or BETWEEN; documents have a type,
 * number and issuing country.
 */
import { readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';
import { countryCode } from '../countries.js';
import { parseBirthDate, parseOneDate } from '../dates.js';
import { listStats, type BirthDate, type ListDraft, type ListEntry, type ListedCountry, type LoadProblem, type NameKind } from '../model.js';
import { hashFiles } from './files.js';

type Node = Record<string, unknown>;

const REPEATED = new Set([
  'INDIVIDUAL', 'ENTITY', 'INDIVIDUAL_ALIAS', 'ENTITY_ALIAS', 'INDIVIDUAL_ADDRESS', 'ENTITY_ADDRESS', 'INDIVIDUAL_DATE_OF_BIRTH',
  'INDIVIDUAL_PLACE_OF_BIRTH', 'INDIVIDUAL_DOCUMENT', 'VALUE', 'NATIONALITY', 'DESIGNATION', 'TITLE', 'LAST_DAY_UPDATED',
]);

const text = (v: unknown): string | null => {
  if (v === undefined || v === null) return null;
  if (typeof v === 'object') return text((v as Node)['#text']);
  const s = String(v).trim();
  return s ? s : null;
};
const arr = (v: unknown): Node[] => (Array.isArray(v) ? (v as Node[]) : v && typeof v === 'object' ? [v as Node] : []);
const values = (v: unknown): string[] =>
  arr(v)
    .flatMap((n) => arr(n.VALUE).map(text))
    .concat(arr(v).flatMap((n) => (typeof n === 'object' ? [] : [text(n)])))
    .filter((s): s is string => !!s);

function aliasKind(quality: string | null): NameKind {
  const q = (quality ?? '').toLowerCase();
  if (q.startsWith('f.k.a')) return 'fka';
  if (q === 'low') return 'weak';
  return 'aka';
}

function birthDates(n: Node): BirthDate[] {
  const out: BirthDate[] = [];
  for (const d of arr(n.INDIVIDUAL_DATE_OF_BIRTH)) {
    const type = (text(d.TYPE_OF_DATE) ?? 'EXACT').toUpperCase();
    if (type === 'BETWEEN') {
      const from = text(d.FROM_YEAR);
      const to = text(d.TO_YEAR);
      if (from && to) out.push({ date: from, to });
      continue;
    }
    const raw = text(d.DATE) ?? text(d.YEAR);
    const one = raw ? (parseOneDate(raw.slice(0, 10)) ?? parseBirthDate(raw)?.date ?? null) : null;
    if (one) out.push(type === 'APPROXIMATELY' ? { date: one, circa: true } : { date: one });
  }
  return out;
}

function entryOf(n: Node, kind: 'INDIVIDUAL' | 'ENTITY', problems: LoadProblem[], file: string, published: string | null): ListEntry | null {
  const parts = ['FIRST_NAME', 'SECOND_NAME', 'THIRD_NAME', 'FOURTH_NAME'].map((k) => text(n[k])).filter((s): s is string => !!s);
  const primary = parts.join(' ');
  const uid = text(n.REFERENCE_NUMBER) ?? text(n.DATAID);
  if (!primary || !uid) {
    problems.push({ file, line: 0, reason: `${kind} ${text(n.DATAID) ?? '?'} has no ${primary ? 'reference number' : 'name'} (list of ${published ?? 'unknown date'})` });
    return null;
  }
  const names: ListEntry['names'] = [{ name: primary, kind: 'primary' }];
  for (const a of arr(n[`${kind}_ALIAS`])) {
    const name = text(a.ALIAS_NAME);
    if (name && !names.some((x) => x.name === name)) names.push({ name, kind: aliasKind(text(a.QUALITY)) });
  }
  const original = text(n.NAME_ORIGINAL_SCRIPT);
  if (original) names.push({ name: original, kind: 'original_script' });

  const countries: ListedCountry[] = [];
  const addCountry = (raw: string | null, role: ListedCountry['role']) => {
    const code = countryCode(raw);
    if (code && !countries.some((c) => c.code === code && c.role === role)) countries.push({ code, role });
  };
  for (const v of values(n.NATIONALITY)) addCountry(v, 'nationality');
  for (const p of arr(n.INDIVIDUAL_PLACE_OF_BIRTH)) addCountry(text(p.COUNTRY), 'birth');

  const addresses: ListEntry['addresses'] = [];
  for (const a of arr(n[`${kind}_ADDRESS`])) {
    const bits = ['STREET', 'CITY', 'STATE_PROVINCE', 'ZIP_CODE', 'COUNTRY'].map((k) => text(a[k])).filter((s): s is string => !!s);
    if (!bits.length) continue;
    const country = countryCode(text(a.COUNTRY));
    addresses.push({ text: bits.join(', '), city: text(a.CITY), country });
    addCountry(text(a.COUNTRY), 'address');
  }

  const identifiers: ListEntry['identifiers'] = [];
  for (const d of arr(n.INDIVIDUAL_DOCUMENT)) {
    const number = text(d.NUMBER);
    if (!number) continue;
    const type = (text(d.TYPE_OF_DOCUMENT) ?? 'document').toLowerCase().includes('passport') ? 'passport' : 'national_id';
    const issuer = text(d.ISSUING_COUNTRY) ?? text(d.COUNTRY_OF_ISSUE);
    identifiers.push({ type, number, country: countryCode(issuer) });
    addCountry(issuer, 'document');
  }
  const comments = text(n.COMMENTS1);
  const designation = values(n.DESIGNATION).join('; ');
  return {
    source_uid: uid,
    entity_type: kind === 'INDIVIDUAL' ? 'person' : 'organization',
    primary_name: primary,
    names,
    programs: [text(n.UN_LIST_TYPE)].filter((s): s is string => !!s),
    birth_dates: kind === 'INDIVIDUAL' ? birthDates(n) : [],
    countries,
    identifiers,
    addresses,
    remarks: [designation ? `Designation: ${designation}.` : '', comments ?? ''].filter(Boolean).join(' ') || null,
  };
}

/** Whether a file's first bytes look like the UN consolidated list. */
export function looksLikeUnXml(head: string): boolean {
  return /<CONSOLIDATED_LIST[\s>]/.test(head);
}

export function loadUn(file: string, opts: { published?: string | null } = {}): ListDraft {
  const xml = readFileSync(file, 'utf8');
  if (!looksLikeUnXml(xml.slice(0, 2000))) throw new Error(`${file}: not a UN consolidated list (no <CONSOLIDATED_LIST> element)`);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    parseTagValue: false,
    trimValues: true,
    isArray: (name) => REPEATED.has(name),
  });
  let doc: Node;
  try {
    doc = parser.parse(xml) as Node;
  } catch (err) {
    throw new Error(`${file}: XML does not parse: ${err instanceof Error ? err.message : String(err)}`);
  }
  const root = (doc.CONSOLIDATED_LIST ?? {}) as Node;
  const generated = text(root['@dateGenerated']);
  const published = opts.published ?? (generated ? generated.slice(0, 10) : null);
  const problems: LoadProblem[] = [];
  const entries: ListEntry[] = [];
  for (const n of arr((root.INDIVIDUALS as Node | undefined)?.INDIVIDUAL)) {
    const e = entryOf(n, 'INDIVIDUAL', problems, file, published);
    if (e) entries.push(e);
  }
  for (const n of arr((root.ENTITIES as Node | undefined)?.ENTITY)) {
    const e = entryOf(n, 'ENTITY', problems, file, published);
    if (e) entries.push(e);
  }
  return {
    id: 'un-sc',
    source: 'un-sc',
    name: 'UN Security Council Consolidated List',
    format: 'un-xml',
    published_at: published,
    published_from: opts.published ? '--published' : generated ? 'dateGenerated attribute' : 'unknown',
    file_hash: hashFiles([file]),
    entries,
    problems,
    stats: listStats(entries, [file], problems.length, 0),
  };
}
