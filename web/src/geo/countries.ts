/**
 * Country shapes for the offline map: Natural Earth 1:110m (public domain) via the world-atlas
 * package, converted from TopoJSON once. Projection is plain equirectangular: x from longitude,
 * y from latitude. No tiles, no network.
 */
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import world from 'world-atlas/countries-110m.json';
import { all as allCountries } from 'iso-3166-1';

export const MAP_W = 960;
export const MAP_H = 480;

export function project(lon: number, lat: number): [number, number] {
  return [((lon + 180) / 360) * MAP_W, ((90 - lat) / 180) * MAP_H];
}

type Ring = number[][];
interface Shape {
  numeric: string;
  name: string;
  alpha2: string | null;
  path: string;
  centroid: [number, number] | null;
}

const alpha2ByNumeric = new Map(allCountries().map((c) => [c.numeric, c.alpha2]));

function ringsOf(geometry: { type: string; coordinates: unknown } | null): Ring[][] {
  if (!geometry) return [];
  if (geometry.type === 'Polygon') return [geometry.coordinates as Ring[]];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates as Ring[][];
  return [];
}

function ringPath(ring: Ring): string {
  let d = '';
  let prevLon: number | null = null;
  for (const [lon, lat] of ring as Array<[number, number]>) {
    const [x, y] = project(lon, lat);
    // Break the line where a ring jumps across the antimeridian.
    d += `${prevLon === null || Math.abs(lon - prevLon) > 180 ? 'M' : 'L'}${x.toFixed(1)},${y.toFixed(1)}`;
    prevLon = lon;
  }
  return `${d}Z`;
}

/** Centre of the largest polygon's outer ring (by bounding-box area): good enough for a marker. */
function centroidOf(polys: Ring[][]): [number, number] | null {
  let best: { area: number; c: [number, number] } | null = null;
  for (const poly of polys) {
    const outer = poly[0];
    if (!outer?.length) continue;
    let minX = Infinity;
    let maxX = -Infinity;
    let minY = Infinity;
    let maxY = -Infinity;
    let sx = 0;
    let sy = 0;
    for (const [lon, lat] of outer as Array<[number, number]>) {
      minX = Math.min(minX, lon);
      maxX = Math.max(maxX, lon);
      minY = Math.min(minY, lat);
      maxY = Math.max(maxY, lat);
      sx += lon;
      sy += lat;
    }
    const area = (maxX - minX) * (maxY - minY);
    if (!best || area > best.area) best = { area, c: [sx / outer.length, sy / outer.length] };
  }
  return best ? best.c : null;
}

let shapes: Shape[] | null = null;

export function countryShapes(): Shape[] {
  if (shapes) return shapes;
  const topo = world as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const fc = feature(topo, topo.objects.countries);
  shapes = fc.features.map((f) => {
    const polys = ringsOf(f.geometry as { type: string; coordinates: unknown } | null);
    const numeric = String(f.id ?? '');
    return {
      numeric,
      name: (f.properties as { name?: string } | null)?.name ?? numeric,
      alpha2: alpha2ByNumeric.get(numeric) ?? null,
      path: polys.flatMap((p) => p.map(ringPath)).join(''),
      centroid: centroidOf(polys),
    };
  });
  return shapes;
}

/** Longitude/latitude of a country's centre, by ISO alpha-2 code, or null. */
export function countryCentre(alpha2: string | null | undefined): [number, number] | null {
  if (!alpha2) return null;
  const s = countryShapes().find((c) => c.alpha2 === alpha2.toUpperCase());
  return s?.centroid ?? null;
}
