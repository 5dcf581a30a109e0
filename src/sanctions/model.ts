/**
 * A sanctions list as Unmask keeps it, whatever format it came in: entries with their names
 * (primary, aliases, original script), programmes, dates of birth, countries, identifiers and
 * addresses. The loaders in ./loaders produce `ListDraft`s; the repository stores them; the matcher
 * indexes them.
 */
export type EntityType = 'person' | 'organization' | 'vessel' | 'aircraft';

export type NameKind = 'primary' | 'aka' | 'fka' | 'nka' | 'weak' | 'original_script';

export interface ListedName {
  name: string;
  kind: NameKind;
}

/** A date of birth: `date` is YYYY, YYYY-MM or YYYY-MM-DD; `to` closes a range; `circa` = about. */
export interface BirthDate {
  date: string;
  to?: string;
  circa?: boolean;
}

export type CountryRole = 'nationality' | 'citizenship' | 'birth' | 'address' | 'document' | 'registration' | 'jurisdiction';

export interface ListedCountry {
  /** ISO 3166-1 alpha-2. */
  code: string;
  role: CountryRole;
}

/** A listed identifier (public list data, not a secret): passport, national id, IMO number, ... */
export interface ListedIdentifier {
  type: string;
  number: string;
  country?: string | null;
}

export interface ListedAddress {
  text: string;
  city?: string | null;
  country?: string | null;
}

export interface ListEntry {
  /** The list's own id for the entry (OFAC ent_num, UN reference number, FtM id). */
  source_uid: string;
  entity_type: EntityType;
  primary_name: string;
  names: ListedName[];
  programs: string[];
  birth_dates: BirthDate[];
  countries: ListedCountry[];
  identifiers: ListedIdentifier[];
  addresses: ListedAddress[];
  remarks: string | null;
}

export type ListSource = 'ofac-sdn' | 'ofac-cons' | 'un-sc' | 'opensanctions';

/** A line a loader could not use, with where it was. */
export interface LoadProblem {
  file: string;
  line: number;
  reason: string;
}

export interface ListStats {
  entries: number;
  by_type: Record<string, number>;
  names: number;
  rejected: number;
  /** Rows that refer to entries the list does not have (e.g. OFAC comments for removed entries). */
  orphans: number;
  /** Records of kinds that are not screened (FtM addresses, ownerships, ...). */
  skipped?: number;
  files: string[];
}

export interface ListDraft {
  /** Stable id: loading the same list again replaces it. */
  id: string;
  source: ListSource;
  name: string;
  format: string;
  published_at: string | null;
  /** How the publication date was found (`file`, `--published`, `file time`). */
  published_from: string;
  file_hash: string;
  entries: ListEntry[];
  problems: LoadProblem[];
  stats: ListStats;
}

export const SOURCE_LABELS: Record<ListSource, string> = {
  'ofac-sdn': 'OFAC Specially Designated Nationals (SDN) list',
  'ofac-cons': 'OFAC Consolidated (non-SDN) list',
  'un-sc': 'UN Security Council Consolidated List',
  opensanctions: 'OpenSanctions (FollowTheMoney entities)',
};

/** Attribution shown wherever Unmask shows a list's data, as its licence asks. */
export const SOURCE_CREDITS: Record<ListSource, string> = {
  'ofac-sdn': 'US Treasury OFAC (public domain)',
  'ofac-cons': 'US Treasury OFAC (public domain)',
  'un-sc': 'United Nations Security Council',
  opensanctions: 'OpenSanctions, https://www.opensanctions.org (CC BY-NC 4.0)',
};

export function listStats(entries: ListEntry[], files: string[], rejected: number, orphans: number): ListStats {
  const by_type: Record<string, number> = {};
  for (const e of entries) by_type[e.entity_type] = (by_type[e.entity_type] ?? 0) + 1;
  return { entries: entries.length, by_type, names: entries.reduce((n, e) => n + e.names.length, 0), rejected, orphans, files };
}
