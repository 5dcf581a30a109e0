/**
 * Real cities people live in: their region, IANA time zone, coordinates, a plausible postal-code
 * range, street names, and the residential ISPs that serve them (keys of catalog/networks.ts).
 */
import type { Rng } from '../random.js';

export interface Place {
  city: string;
  region: string;
  country: string;
  tz: string;
  lat: number;
  lon: number;
  /** Relative weight when placing people. */
  weight: number;
  isps: string[];
  postal(rng: Rng): string;
  street(rng: Rng): string;
}

const US_STREETS = [
  'Maple Ave', 'Oak St', 'Pine St', 'Cedar Ln', 'Elm St', 'Washington Blvd', 'Lakeview Dr', 'Park Ave', 'Hillcrest Rd', 'Sunset Blvd',
  'Highland Ave', 'Willow Way', 'Meadow Ln', 'Ridge Rd', 'Church St', 'Main St', 'Jefferson St', 'Lincoln Ave', 'Madison Ave', 'Franklin St',
  'Spring St', 'River Rd', 'Forest Dr', 'Chestnut St', 'Walnut St', 'Birch Ct', 'Magnolia Dr', 'Dogwood Ln', 'Sycamore St', 'Poplar Ave',
  'Cherry Ln', 'Valley View Rd', 'Greenwood Ave', 'Orchard St', 'Prospect Ave', 'Summit Ave', 'Broad St', 'Union St', 'Bay St', 'Mill Rd',
  'Harbor Dr', 'Canyon Rd', 'Mesa Dr', 'Prairie Ln', 'Aspen Ct', 'Juniper St', 'Laurel Ave', 'Hawthorne St', 'Bluebonnet Ln', 'Peachtree St',
];
const APARTMENT = ['Apt', 'Unit', '#'];

function usStreet(rng: Rng): string {
  const base = `${rng.int(10, 9899)} ${rng.pick(US_STREETS)}`;
  return rng.chance(0.25) ? `${base} ${rng.pick(APARTMENT)} ${rng.int(1, 40)}${rng.chance(0.3) ? rng.pick(['A', 'B', 'C']) : ''}` : base;
}

type UsRow = [city: string, region: string, tz: string, lat: number, lon: number, zipLo: number, zipHi: number, weight: number, isps: string[]];

const US: UsRow[] = [
  ['Seattle', 'WA', 'America/Los_Angeles', 47.61, -122.33, 98101, 98199, 6, ['comcast', 'lumen', 'tmobile']],
  ['Spokane', 'WA', 'America/Los_Angeles', 47.66, -117.43, 99201, 99224, 1, ['comcast', 'lumen']],
  ['Portland', 'OR', 'America/Los_Angeles', 45.52, -122.68, 97201, 97236, 4, ['comcast', 'lumen']],
  ['Boise', 'ID', 'America/Boise', 43.62, -116.2, 83702, 83716, 1, ['lumen', 'tmobile']],
  ['San Francisco', 'CA', 'America/Los_Angeles', 37.77, -122.42, 94102, 94134, 6, ['comcast', 'att']],
  ['San Jose', 'CA', 'America/Los_Angeles', 37.34, -121.89, 95110, 95148, 4, ['comcast', 'att']],
  ['Sacramento', 'CA', 'America/Los_Angeles', 38.58, -121.49, 95811, 95838, 2, ['comcast', 'att']],
  ['Los Angeles', 'CA', 'America/Los_Angeles', 34.05, -118.24, 90004, 90068, 7, ['spectrum_west', 'att', 'tmobile']],
  ['San Diego', 'CA', 'America/Los_Angeles', 32.72, -117.16, 92101, 92130, 4, ['cox', 'att', 'spectrum_west']],
  ['Las Vegas', 'NV', 'America/Los_Angeles', 36.17, -115.14, 89101, 89149, 2, ['cox', 'lumen']],
  ['Phoenix', 'AZ', 'America/Phoenix', 33.45, -112.07, 85003, 85054, 4, ['cox', 'lumen']],
  ['Tucson', 'AZ', 'America/Phoenix', 32.22, -110.97, 85701, 85750, 1, ['cox', 'lumen']],
  ['Salt Lake City', 'UT', 'America/Denver', 40.76, -111.89, 84101, 84121, 2, ['comcast', 'lumen']],
  ['Denver', 'CO', 'America/Denver', 39.74, -104.99, 80202, 80239, 5, ['comcast', 'lumen']],
  ['Colorado Springs', 'CO', 'America/Denver', 38.83, -104.82, 80903, 80925, 1, ['comcast', 'lumen']],
  ['Albuquerque', 'NM', 'America/Denver', 35.08, -106.65, 87102, 87123, 1, ['comcast', 'lumen']],
  ['Billings', 'MT', 'America/Denver', 45.78, -108.5, 59101, 59106, 1, ['charter', 'lumen']],
  ['Cheyenne', 'WY', 'America/Denver', 41.14, -104.82, 82001, 82009, 1, ['charter', 'lumen']],
  ['Fargo', 'ND', 'America/Chicago', 46.88, -96.79, 58102, 58104, 1, ['lumen', 'tmobile']],
  ['Sioux Falls', 'SD', 'America/Chicago', 43.54, -96.73, 57103, 57110, 1, ['lumen', 'tmobile']],
  ['Omaha', 'NE', 'America/Chicago', 41.26, -95.94, 68102, 68164, 1, ['cox', 'lumen']],
  ['Minneapolis', 'MN', 'America/Chicago', 44.98, -93.27, 55401, 55419, 4, ['comcast', 'lumen']],
  ['Des Moines', 'IA', 'America/Chicago', 41.59, -93.62, 50309, 50322, 1, ['lumen', 'tmobile']],
  ['Kansas City', 'MO', 'America/Chicago', 39.1, -94.58, 64105, 64157, 2, ['att', 'charter']],
  ['St. Louis', 'MO', 'America/Chicago', 38.63, -90.2, 63101, 63139, 2, ['charter', 'att']],
  ['Milwaukee', 'WI', 'America/Chicago', 43.04, -87.91, 53202, 53233, 2, ['spectrum_mw', 'att']],
  ['Madison', 'WI', 'America/Chicago', 43.07, -89.4, 53703, 53719, 1, ['charter', 'att']],
  ['Chicago', 'IL', 'America/Chicago', 41.88, -87.63, 60601, 60661, 8, ['comcast', 'att']],
  ['Indianapolis', 'IN', 'America/Indiana/Indianapolis', 39.77, -86.16, 46201, 46260, 2, ['comcast', 'att']],
  ['Detroit', 'MI', 'America/Detroit', 42.33, -83.05, 48201, 48235, 2, ['comcast', 'att']],
  ['Ann Arbor', 'MI', 'America/Detroit', 42.28, -83.74, 48103, 48109, 1, ['comcast', 'att']],
  ['Grand Rapids', 'MI', 'America/Detroit', 42.96, -85.67, 49503, 49548, 1, ['comcast', 'att']],
  ['Columbus', 'OH', 'America/New_York', 39.96, -83.0, 43201, 43235, 3, ['spectrum_mw', 'att']],
  ['Cleveland', 'OH', 'America/New_York', 41.5, -81.69, 44102, 44135, 2, ['spectrum_mw', 'att']],
  ['Cincinnati', 'OH', 'America/New_York', 39.1, -84.51, 45202, 45255, 2, ['spectrum_mw', 'att']],
  ['Louisville', 'KY', 'America/Kentucky/Louisville', 38.25, -85.76, 40202, 40299, 1, ['spectrum_mw', 'att']],
  ['Lexington', 'KY', 'America/New_York', 38.04, -84.5, 40502, 40517, 1, ['spectrum_mw']],
  ['Nashville', 'TN', 'America/Chicago', 36.16, -86.78, 37201, 37221, 3, ['comcast', 'att']],
  ['Knoxville', 'TN', 'America/New_York', 35.96, -83.92, 37902, 37938, 1, ['comcast', 'att']],
  ['Memphis', 'TN', 'America/Chicago', 35.15, -90.05, 38103, 38135, 1, ['comcast', 'att']],
  ['Atlanta', 'GA', 'America/New_York', 33.75, -84.39, 30303, 30350, 6, ['comcast', 'att']],
  ['Birmingham', 'AL', 'America/Chicago', 33.52, -86.8, 35203, 35244, 1, ['charter', 'att']],
  ['Jackson', 'MS', 'America/Chicago', 32.3, -90.18, 39201, 39216, 1, ['comcast', 'att']],
  ['New Orleans', 'LA', 'America/Chicago', 29.95, -90.07, 70112, 70131, 1, ['cox', 'att']],
  ['Little Rock', 'AR', 'America/Chicago', 34.75, -92.29, 72201, 72227, 1, ['att']],
  ['Oklahoma City', 'OK', 'America/Chicago', 35.47, -97.52, 73102, 73170, 1, ['cox', 'att']],
  ['Dallas', 'TX', 'America/Chicago', 32.78, -96.8, 75201, 75254, 6, ['spectrum_tx', 'att']],
  ['Austin', 'TX', 'America/Chicago', 30.27, -97.74, 78701, 78759, 6, ['spectrum_tx', 'att']],
  ['Houston', 'TX', 'America/Chicago', 29.76, -95.37, 77002, 77099, 5, ['comcast', 'att']],
  ['San Antonio', 'TX', 'America/Chicago', 29.42, -98.49, 78201, 78260, 2, ['spectrum_tx', 'att']],
  ['Miami', 'FL', 'America/New_York', 25.76, -80.19, 33125, 33189, 3, ['comcast', 'att']],
  ['Tampa', 'FL', 'America/New_York', 27.95, -82.46, 33602, 33629, 2, ['spectrum_se', 'att']],
  ['Orlando', 'FL', 'America/New_York', 28.54, -81.38, 32801, 32839, 2, ['spectrum_se', 'att']],
  ['Jacksonville', 'FL', 'America/New_York', 30.33, -81.66, 32202, 32258, 1, ['comcast', 'att']],
  ['Charleston', 'SC', 'America/New_York', 32.78, -79.93, 29401, 29414, 1, ['comcast', 'att']],
  ['Charlotte', 'NC', 'America/New_York', 35.23, -80.84, 28202, 28277, 3, ['spectrum_se', 'att']],
  ['Raleigh', 'NC', 'America/New_York', 35.78, -78.64, 27601, 27617, 3, ['spectrum_se', 'att']],
  ['Durham', 'NC', 'America/New_York', 35.99, -78.9, 27701, 27713, 1, ['spectrum_se', 'att']],
  ['Richmond', 'VA', 'America/New_York', 37.54, -77.44, 23219, 23238, 1, ['comcast', 'verizon']],
  ['Arlington', 'VA', 'America/New_York', 38.88, -77.1, 22201, 22209, 2, ['comcast', 'verizon']],
  ['Virginia Beach', 'VA', 'America/New_York', 36.85, -75.98, 23451, 23464, 1, ['cox', 'verizon']],
  ['Baltimore', 'MD', 'America/New_York', 39.29, -76.61, 21201, 21239, 2, ['comcast', 'verizon']],
  ['Wilmington', 'DE', 'America/New_York', 39.74, -75.55, 19801, 19810, 1, ['comcast', 'verizon']],
  ['Philadelphia', 'PA', 'America/New_York', 39.95, -75.17, 19102, 19154, 4, ['comcast', 'verizon']],
  ['Pittsburgh', 'PA', 'America/New_York', 40.44, -80.0, 15201, 15237, 2, ['comcast', 'verizon']],
  ['Jersey City', 'NJ', 'America/New_York', 40.72, -74.08, 7302, 7311, 2, ['verizon', 'comcast']],
  ['Newark', 'NJ', 'America/New_York', 40.74, -74.17, 7102, 7114, 1, ['verizon']],
  ['Brooklyn', 'NY', 'America/New_York', 40.68, -73.94, 11201, 11238, 6, ['spectrum_ny', 'verizon']],
  ['New York', 'NY', 'America/New_York', 40.71, -74.01, 10001, 10040, 6, ['spectrum_ny', 'verizon']],
  ['Buffalo', 'NY', 'America/New_York', 42.89, -78.88, 14201, 14226, 1, ['spectrum_ny', 'verizon']],
  ['Rochester', 'NY', 'America/New_York', 43.16, -77.61, 14604, 14626, 1, ['spectrum_ny']],
  ['Hartford', 'CT', 'America/New_York', 41.76, -72.68, 6103, 6120, 1, ['comcast']],
  ['Providence', 'RI', 'America/New_York', 41.82, -71.41, 2903, 2909, 1, ['cox', 'verizon']],
  ['Boston', 'MA', 'America/New_York', 42.36, -71.06, 2108, 2136, 5, ['comcast', 'verizon']],
  ['Manchester', 'NH', 'America/New_York', 42.99, -71.46, 3101, 3104, 1, ['comcast']],
  ['Burlington', 'VT', 'America/New_York', 44.48, -73.21, 5401, 5408, 1, ['comcast']],
  ['Portland', 'ME', 'America/New_York', 43.66, -70.26, 4101, 4103, 1, ['spectrum_ny']],
];

const L = 'ABCEGHJKLMNPRSTVXY';
const caPostal = (first: string) => (rng: Rng) => `${first}${rng.int(1, 9)}${rng.pick(L.split(''))} ${rng.int(1, 9)}${rng.pick(L.split(''))}${rng.int(0, 9)}`;
const range = (lo: number, hi: number, width: number) => (rng: Rng) => String(rng.int(lo, hi)).padStart(width, '0');
const streetFrom = (names: string[], fmt: (n: number, s: string) => string) => (rng: Rng) => fmt(rng.int(1, 180), rng.pick(names));

const GB_STREETS = ['High Street', 'Station Road', 'Church Lane', 'Victoria Road', 'Green Lane', 'Manor Road', 'Park Road', 'Queens Road', 'Mill Lane', 'Kings Road'];
const UNITS = 'ABDEFGHJLNPQRSTUWXYZ'.split('');
const gbPostal = (areas: string[]) => (rng: Rng) => `${rng.pick(areas)}${rng.int(1, 20)} ${rng.int(1, 9)}${rng.pick(UNITS)}${rng.pick(UNITS)}`;

const ABROAD: Place[] = [
  { city: 'Toronto', region: 'ON', country: 'CA', tz: 'America/Toronto', lat: 43.65, lon: -79.38, weight: 4, isps: ['rogers', 'bell'], postal: caPostal('M'), street: usStreet },
  { city: 'Vancouver', region: 'BC', country: 'CA', tz: 'America/Vancouver', lat: 49.28, lon: -123.12, weight: 2, isps: ['shaw', 'rogers'], postal: caPostal('V'), street: usStreet },
  { city: 'Calgary', region: 'AB', country: 'CA', tz: 'America/Edmonton', lat: 51.05, lon: -114.07, weight: 1, isps: ['shaw'], postal: caPostal('T'), street: usStreet },
  { city: 'London', region: 'England', country: 'GB', tz: 'Europe/London', lat: 51.51, lon: -0.13, weight: 3, isps: ['bt', 'sky'], postal: gbPostal(['N', 'E', 'SE', 'SW', 'W', 'NW']), street: streetFrom(GB_STREETS, (n, s) => `${n} ${s}`) },
  { city: 'Manchester', region: 'England', country: 'GB', tz: 'Europe/London', lat: 53.48, lon: -2.24, weight: 1, isps: ['bt', 'sky'], postal: gbPostal(['M']), street: streetFrom(GB_STREETS, (n, s) => `${n} ${s}`) },
  { city: 'Edinburgh', region: 'Scotland', country: 'GB', tz: 'Europe/London', lat: 55.95, lon: -3.19, weight: 1, isps: ['bt', 'sky'], postal: gbPostal(['EH']), street: streetFrom(GB_STREETS, (n, s) => `${n} ${s}`) },
  { city: 'Dublin', region: 'Dublin', country: 'IE', tz: 'Europe/Dublin', lat: 53.35, lon: -6.26, weight: 1, isps: ['eir'], postal: (rng) => `D${String(rng.int(1, 24)).padStart(2, '0')} ${rng.pick(UNITS)}${rng.int(1, 9)}${rng.pick(UNITS)}${rng.int(1, 9)}`, street: streetFrom(['Baggot Street', 'Camden Street', 'Leeson Street', 'Dame Street', 'Capel Street'], (n, s) => `${n} ${s}`) },
  { city: 'Berlin', region: 'Berlin', country: 'DE', tz: 'Europe/Berlin', lat: 52.52, lon: 13.4, weight: 2, isps: ['dtag', 'vodafone_de'], postal: range(10115, 14199, 5), street: streetFrom(['Hauptstraße', 'Schönhauser Allee', 'Kastanienallee', 'Bergmannstraße', 'Torstraße'], (n, s) => `${s} ${n}`) },
  { city: 'Munich', region: 'Bavaria', country: 'DE', tz: 'Europe/Berlin', lat: 48.14, lon: 11.58, weight: 1, isps: ['dtag', 'vodafone_de'], postal: range(80331, 81929, 5), street: streetFrom(['Leopoldstraße', 'Sendlinger Straße', 'Lindwurmstraße', 'Rosenheimer Straße'], (n, s) => `${s} ${n}`) },
  { city: 'Warsaw', region: 'Mazowieckie', country: 'PL', tz: 'Europe/Warsaw', lat: 52.23, lon: 21.01, weight: 2, isps: ['orange_pl'], postal: (rng) => `0${rng.int(0, 4)}-${String(rng.int(1, 999)).padStart(3, '0')}`, street: streetFrom(['ul. Marszałkowska', 'ul. Puławska', 'ul. Grójecka', 'ul. Mokotowska'], (n, s) => `${s} ${n}`) },
  { city: 'Kraków', region: 'Małopolskie', country: 'PL', tz: 'Europe/Warsaw', lat: 50.06, lon: 19.94, weight: 1, isps: ['orange_pl'], postal: (rng) => `3${rng.int(0, 1)}-${String(rng.int(1, 999)).padStart(3, '0')}`, street: streetFrom(['ul. Długa', 'ul. Karmelicka', 'ul. Starowiślna'], (n, s) => `${s} ${n}`) },
  { city: 'Lisbon', region: 'Lisboa', country: 'PT', tz: 'Europe/Lisbon', lat: 38.72, lon: -9.14, weight: 2, isps: ['meo'], postal: (rng) => `1${rng.int(0, 9)}${rng.int(0, 9)}0-${String(rng.int(1, 999)).padStart(3, '0')}`, street: streetFrom(['Rua Augusta', 'Avenida da Liberdade', 'Rua de São Bento', 'Rua do Ouro'], (n, s) => `${s} ${n}`) },
  { city: 'Porto', region: 'Porto', country: 'PT', tz: 'Europe/Lisbon', lat: 41.15, lon: -8.61, weight: 1, isps: ['meo'], postal: (rng) => `4${rng.int(0, 4)}${rng.int(0, 9)}0-${String(rng.int(1, 999)).padStart(3, '0')}`, street: streetFrom(['Rua de Santa Catarina', 'Rua das Flores', 'Avenida da Boavista'], (n, s) => `${s} ${n}`) },
  { city: 'Bengaluru', region: 'Karnataka', country: 'IN', tz: 'Asia/Kolkata', lat: 12.97, lon: 77.59, weight: 2, isps: ['airtel', 'act', 'jio'], postal: range(560001, 560103, 6), street: streetFrom(['4th Cross, Indiranagar', '12th Main, HSR Layout', '5th Block, Koramangala', '2nd Stage, BTM Layout'], (n, s) => `${n}, ${s}`) },
  { city: 'Pune', region: 'Maharashtra', country: 'IN', tz: 'Asia/Kolkata', lat: 18.52, lon: 73.86, weight: 1, isps: ['airtel', 'jio'], postal: range(411001, 411062, 6), street: streetFrom(['Baner Road', 'Koregaon Park Lane 5', 'FC Road'], (n, s) => `${n}, ${s}`) },
  { city: 'Guadalajara', region: 'Jalisco', country: 'MX', tz: 'America/Mexico_City', lat: 20.67, lon: -103.35, weight: 1, isps: ['telmex'], postal: range(44100, 45200, 5), street: streetFrom(['Av. Chapultepec', 'Calle López Cotilla', 'Av. Vallarta'], (n, s) => `${s} ${n * 10}`) },
  { city: 'Mexico City', region: 'CDMX', country: 'MX', tz: 'America/Mexico_City', lat: 19.43, lon: -99.13, weight: 1, isps: ['telmex'], postal: range(1000, 16999, 5), street: streetFrom(['Av. Álvaro Obregón', 'Calle Durango', 'Av. Amsterdam'], (n, s) => `${s} ${n}`) },
];

/** Places only visited (trips) or where hidden workers really are. */
const OTHER: Place[] = [
  { city: 'Paris', region: 'Île-de-France', country: 'FR', tz: 'Europe/Paris', lat: 48.86, lon: 2.35, weight: 1, isps: ['orange_fr'], postal: range(75001, 75020, 5), street: streetFrom(['Rue de Rivoli', 'Rue Oberkampf'], (n, s) => `${n} ${s}`) },
  { city: 'Shenyang', region: 'Liaoning', country: 'CN', tz: 'Asia/Shanghai', lat: 41.8, lon: 123.43, weight: 1, isps: ['unicom_ln'], postal: range(110000, 110179, 6), street: streetFrom(['Zhongshan Road'], (n, s) => `${n} ${s}`) },
  { city: 'Dandong', region: 'Liaoning', country: 'CN', tz: 'Asia/Shanghai', lat: 40.12, lon: 124.38, weight: 1, isps: ['unicom_ln'], postal: range(118000, 118009, 6), street: streetFrom(['Jinshan Street'], (n, s) => `${n} ${s}`) },
];

export const US_PLACES: Place[] = US.map(([city, region, tz, lat, lon, lo, hi, weight, isps]) => ({
  city,
  region,
  country: 'US',
  tz,
  lat,
  lon,
  weight,
  isps,
  postal: range(lo, hi, 5),
  street: usStreet,
}));

export const ABROAD_PLACES: Place[] = ABROAD;

export function findPlace(city: string, country?: string): Place {
  const p = [...US_PLACES, ...ABROAD, ...OTHER].find((x) => x.city === city && (!country || x.country === country));
  if (!p) throw new Error(`unknown place: ${city}`);
  return p;
}

/** Where hidden workers of the schemes really sit (their VPN sometimes slips). */
export const WORKER_BASES = ['Shenyang', 'Dandong'].map((c) => findPlace(c, 'CN'));

/** Trip destinations: domestic cities, and a few abroad. */
export const TRIP_ABROAD = ['London', 'Paris', 'Lisbon', 'Toronto', 'Mexico City', 'Berlin'].map((c) => findPlace(c));

export interface Address {
  street: string;
  city: string;
  region: string;
  postal_code: string;
  country: string;
}

export function addressIn(place: Place, rng: Rng): Address {
  return { street: place.street(rng), city: place.city, region: place.region, postal_code: place.postal(rng), country: place.country };
}
