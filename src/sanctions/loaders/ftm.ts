/**
 * OpenSanctions data in FollowTheMoney entity form (https://www.opensanctions.org/datasets/, the
 * `entities.ftm.json` / `targets.nested.json` exports): one JSON object per line,
 * `{ id, schema, properties: { name: [...], alias: [...], birthDate: [...], ... }, datasets,
 * first_seen, last_seen, last_change }`. Person, Organization, Company, LegalEntity, PublicBody,
 * Vessel and Airplane entities become entries; `Sanction` entities add their programme to the
 * entity they name; other schemata (addresses, ownership, ...) are counted and skipped. Nested
 * exports, whose properties hold whole entities, are read the same way.
 */
import { createReadStream, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { countryCode } from '../countries.js';
import { parseBirthDate } from '../dates.js';
import { listStats, type EntityType, type ListDraft, type ListEntry, type ListedCountry, type LoadProblem, type NameKind } from '../model.js';
import { hashFiles } from './files.js';

const SCHEMA_TYPES: Record<string, EntityType> = {
  Person: 'person',
  Organization: 'organization',
  Company: 'organization',
  LegalEntity: 'organization',
  PublicBody: 'organization',
  Vessel: 'vessel',
  Airplane: 'aircraft',
};

const NAME_PROPS: Array<[string, NameKind]> = [
  ['name', 'primary'],
  ['alias', 'aka'],
  ['previousName', 'fka'],
  ['weakAlias', 'weak'],
  ['abbreviation', 'aka'],
];
const COUNTRY_PROPS: Array<[string, ListedCountry['role']]> = [
  ['nationality', 'nationality'],
  ['citizenship', 'citizenship'],
  ['birthCountry', 'birth'],
  ['country', 'address'],
  ['jurisdiction', 'jurisdiction'],
  ['flag', 'registration'],
];
const ID_PROPS: Record<string, string> = {
  passportNumber: 'passport',
  idNumber: 'national_id',
  taxNumber: 'tax_id',
  innCode: 'tax_id',
  vatCode: 'tax_id',
  registrationNumber: 'registration',
  ogrnCode: 'registration',
  leiCode: 'lei',
  swiftBic: 'swift_bic',
  imoNumber: 'imo',
  mmsi: 'mmsi',
  callSign: 'call_sign',
};

interface FtmEntity {
  id?: unknown;
  schema?: unknown;
  properties?: Record<string, unknown[]>;
  last_change?: unknown;
}

const strings = (props: Record<string, unknown[]> | undefined, key: string): string[] =>
  (props?.[key] ?? []).filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim());
const nested = (props: Record<string, unknown[]> | undefined, key: string): FtmEntity[] =>
  (props?.[key] ?? []).filter((v): v is FtmEntity => !!v && typeof v === 'object');

function entryOf(e: FtmEntity, type: EntityType): ListEntry | null {
  const p = e.properties ?? {};
  const names: ListEntry['names'] = [];
  for (const [prop, kind] of NAME_PROPS) {
    for (const n of strings(p, prop)) if (!names.some((x) => x.name === n)) names.push({ name: n, kind: names.length === 0 ? 'primary' : kind === 'primary' ? 'aka' : kind });
  }
  if (!names.length) return null;
  const countries: ListedCountry[] = [];
  for (const [prop, role] of COUNTRY_PROPS) {
    for (const c of strings(p, prop)) {
      const code = countryCode(c);
      if (code && !countries.some((x) => x.code === code && x.role === role)) countries.push({ code, role });
    }
  }
  const identifiers: ListEntry['identifiers'] = [];
  for (const [prop, type] of Object.entries(ID_PROPS)) for (const n of strings(p, prop)) identifiers.push({ type, number: n });
  const programs = new Set<string>([...strings(p, 'programId'), ...strings(p, 'program')]);
  for (const s of nested(p, 'sanctions')) for (const prog of [...strings(s.properties, 'programId'), ...strings(s.properties, 'program')]) programs.add(prog);
  const addresses = [...strings(p, 'address'), ...nested(p, 'addressEntity').flatMap((a) => strings(a.properties, 'full'))].map((text) => ({
    text,
    city: null,
    country: null,
  }));
  return {
    source_uid: String(e.id),
    entity_type: type,
    primary_name: names[0]!.name,
    names,
    programs: [...programs],
    birth_dates: strings(p, 'birthDate')
      .map((d) => parseBirthDate(d))
      .filter((d): d is NonNullable<typeof d> => !!d),
    countries,
    identifiers,
    addresses,
    remarks: [...strings(p, 'notes'), ...strings(p, 'summary')].join(' ') || null,
  };
}

export async function loadFtm(files: string[], opts: { published?: string | null; name?: string } = {}): Promise<ListDraft> {
  const problems: LoadProblem[] = [];
  const entries = new Map<string, ListEntry>();
  const pendingPrograms = new Map<string, Set<string>>();
  let lastChange = '';
  let skipped = 0;
  for (const file of files) {
    const rl = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
    let line = 0;
    for await (const raw of rl) {
      line++;
      const text = raw.trim();
      if (!text) continue;
      let e: FtmEntity;
      try {
        e = JSON.parse(text) as FtmEntity;
      } catch (err) {
        problems.push({ file, line, reason: `not JSON: ${err instanceof Error ? err.message : String(err)}` });
        continue;
      }
      if (typeof e.id !== 'string' || typeof e.schema !== 'string' || !e.properties || typeof e.properties !== 'object') {
        problems.push({ file, line, reason: 'not a FollowTheMoney entity (needs id, schema and properties)' });
        continue;
      }
      if (typeof e.last_change === 'string' && e.last_change > lastChange) lastChange = e.last_change;
      if (e.schema === 'Sanction') {
        const progs = [...strings(e.properties, 'programId'), ...strings(e.properties, 'program')];
        for (const target of strings(e.properties, 'entity')) {
          const set = pendingPrograms.get(target) ?? new Set<string>();
          progs.forEach((x) => set.add(x));
          pendingPrograms.set(target, set);
        }
        continue;
      }
      const type = SCHEMA_TYPES[e.schema];
      if (!type) {
        skipped++;
        continue;
      }
      const entry = entryOf(e, type);
      if (!entry) problems.push({ file, line, reason: `${e.schema} ${e.id} has no name` });
      else entries.set(entry.source_uid, entry);
    }
  }
  for (const [id, progs] of pendingPrograms) {
    const e = entries.get(id);
    if (e) for (const p of progs) if (!e.programs.includes(p)) e.programs.push(p);
  }
  const list = [...entries.values()];
  const published = opts.published ?? (lastChange ? lastChange.slice(0, 10) : new Date(Math.max(...files.map((f) => statSync(f).mtimeMs))).toISOString().slice(0, 10));
  const stats = { ...listStats(list, files, problems.length, 0), skipped };
  return {
    id: 'opensanctions',
    source: 'opensanctions',
    name: opts.name ?? 'OpenSanctions',
    format: 'ftm-jsonl',
    published_at: published,
    published_from: opts.published ? '--published' : lastChange ? 'latest last_change' : 'file time',
    file_hash: hashFiles(files),
    entries: list,
    problems,
    stats,
  };
}
