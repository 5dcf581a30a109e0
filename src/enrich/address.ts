/**
 * Postal addresses: a normalised form (USPS Publication 28 abbreviations), a grouping key that two
 * spellings of one address share, a token similarity for near matches, recognition of PO boxes,
 * private mailboxes, commercial mail receiving agencies and parcel forwarders, and city-level
 * coordinates from the offline gazetteer.
 */
import type { PostalAddress } from '../model/records.js';
import mailServices from './data/mail-services.json' with { type: 'json' };
import { cityCoordinates, normalizePlaceName } from './geo.js';
import { usStateCode } from './us-states.js';

export interface AddressInfo {
  /** One line, upper case, standard abbreviations: `12 N MAIN ST APT 4, SPRINGFIELD, IL 62701, US`. */
  normalized: string;
  /** Grouping key: house number, street, unit, and postal code (or city and region), and country. Null without a street. */
  key: string | null;
  po_box: boolean;
  /** A commercial mail receiving agency, a private mailbox (PMB) or a parcel forwarder. */
  cmra: boolean;
  /** The service recognised (`The UPS Store`, `Shipito`, `private mailbox`), or null. */
  mail_service: string | null;
  /** Parcel forwarders ship goods on abroad: a stronger signal for company laptops. */
  forwarder: boolean;
  lat: number | null;
  lon: number | null;
  /** The gazetteer entry behind lat/lon, with the dataset's date and license. */
  geo_source: string | null;
}

/** USPS Publication 28, Appendix C1 (street suffixes), the common ones and their usual misspellings. */
const SUFFIXES: Record<string, string> = {
  ALLEY: 'ALY', ALLY: 'ALY', AVENUE: 'AVE', AV: 'AVE', AVEN: 'AVE', AVENU: 'AVE', AVN: 'AVE', AVNUE: 'AVE',
  BOULEVARD: 'BLVD', BOUL: 'BLVD', BOULV: 'BLVD', BYPASS: 'BYP', CENTER: 'CTR', CENTRE: 'CTR', CNTR: 'CTR',
  CIRCLE: 'CIR', CIRC: 'CIR', CIRCL: 'CIR', CRCL: 'CIR', COURT: 'CT', COVE: 'CV', CRESCENT: 'CRES', CRSNT: 'CRES',
  CROSSING: 'XING', CRSSNG: 'XING', DRIVE: 'DR', DRIV: 'DR', DRV: 'DR', EXPRESSWAY: 'EXPY', EXPRESS: 'EXPY',
  EXTENSION: 'EXT', FREEWAY: 'FWY', FRWY: 'FWY', GARDENS: 'GDNS', GROVE: 'GRV', HEIGHTS: 'HTS', HIGHWAY: 'HWY',
  HIGHWY: 'HWY', HIWAY: 'HWY', HWAY: 'HWY', JUNCTION: 'JCT', LANE: 'LN', LOOP: 'LOOP', MOTORWAY: 'MTWY',
  PARKWAY: 'PKWY', PARKWY: 'PKWY', PKWAY: 'PKWY', PKY: 'PKWY', PLACE: 'PL', PLAZA: 'PLZ', PLZA: 'PLZ',
  POINT: 'PT', RIDGE: 'RDG', ROAD: 'RD', ROUTE: 'RTE', SQUARE: 'SQ', SQR: 'SQ', STREET: 'ST', STRT: 'ST',
  STR: 'ST', TERRACE: 'TER', TERR: 'TER', TRAIL: 'TRL', TRAILS: 'TRL', TURNPIKE: 'TPKE', TRNPK: 'TPKE',
  VIEW: 'VW', VILLAGE: 'VLG', WAY: 'WAY',
};

/** USPS Publication 28, Appendix B (directionals). */
const DIRECTIONALS: Record<string, string> = {
  NORTH: 'N', SOUTH: 'S', EAST: 'E', WEST: 'W', NORTHEAST: 'NE', NORTHWEST: 'NW', SOUTHEAST: 'SE', SOUTHWEST: 'SW',
};

/** USPS Publication 28, Appendix C2 (secondary unit designators). `#` stands for "unit, kind not said". */
const UNITS: Record<string, string> = {
  APARTMENT: 'APT', APT: 'APT', SUITE: 'STE', STE: 'STE', UNIT: 'UNIT', '#': '#', ROOM: 'RM', RM: 'RM',
  FLOOR: 'FL', FL: 'FL', BUILDING: 'BLDG', BLDG: 'BLDG', DEPARTMENT: 'DEPT', DEPT: 'DEPT', LOT: 'LOT',
  SPACE: 'SPC', SPC: 'SPC', TRAILER: 'TRLR', TRLR: 'TRLR', OFFICE: 'OFC', OFC: 'OFC', NO: '#', NUMBER: '#',
};

const PO_BOX_RE = /\b(P ?O ?B(OX)?|POST OFFICE BOX|POST OFFICE DRAWER|POSTAL BOX|POST BOX|BOX|CALLER|DRAWER|LOCKBOX)\s+([A-Z0-9-]+)/;
const PO_BOX_START_RE = /^(P ?O ?B(OX)?|POST OFFICE BOX|POSTAL BOX|POST BOX)\b/;
const PMB_RE = /\b(PMB|PRIVATE MAIL ?BOX|PRIVATE MAILBOX)\s*#?\s*([A-Z0-9-]+)?/;

interface Service {
  name: string;
  kind: string;
  patterns: string[];
}
const SERVICES: Service[] = mailServices.services;

interface ParsedStreet {
  service: Service | null;
  house: string | null;
  street: string[];
  unitType: string | null;
  unit: string | null;
  poBox: string | null;
  pmb: string | null;
  text: string;
}

/** Upper case, accents gone, punctuation turned to spaces (`#` kept as its own token). */
function clean(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/([A-Z0-9])-(?=[A-Z0-9])/g, (m, a: string) => a) // 4-B → 4B, 12-14 → 1214 is rare enough
    .replace(/#/g, ' # ')
    .replace(/[^A-Z0-9# ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const stripZeros = (s: string) => s.replace(/^0+(?=[0-9A-Z])/, '');

function findService(text: string): { service: Service; pattern: string } | null {
  const padded = ` ${text} `;
  for (const service of SERVICES) for (const pattern of service.patterns) if (padded.includes(` ${pattern} `)) return { service, pattern };
  return null;
}

function parseStreet(raw: string): ParsedStreet {
  let text = clean(raw);
  const found = findService(text);
  if (found) {
    // "The UPS Store #4411" names the store, not a unit: drop it so the street and the PMB remain.
    const re = new RegExp(`(^| )(THE )?${found.pattern}( # ?[A-Z0-9]+| STORE [A-Z0-9]+)?(?= |$)`);
    text = text.replace(re, ' ').replace(/\s+/g, ' ').trim();
  }
  const out: ParsedStreet = { service: found?.service ?? null, house: null, street: [], unitType: null, unit: null, poBox: null, pmb: null, text };
  const pmb = PMB_RE.exec(text);
  if (pmb) out.pmb = pmb[2] ?? '';
  const box = PO_BOX_RE.exec(text);
  // "P O BOX 12" counts anywhere; a bare "BOX 12" (or CALLER, DRAWER) only at the start of the line.
  const bare = box !== null && ['BOX', 'CALLER', 'DRAWER', 'LOCKBOX'].includes(box[1] as string);
  if (box && (!bare || box.index === 0)) out.poBox = stripZeros(box[3] as string);
  else if (PO_BOX_START_RE.test(text)) out.poBox = '';
  if (out.poBox !== null) return out;

  const tokens = text.split(' ').filter(Boolean);
  let i = 0;
  if (tokens[0] && /^\d/.test(tokens[0])) {
    out.house = stripZeros(tokens[0]);
    i = 1;
  }
  for (; i < tokens.length; i++) {
    const t = tokens[i] as string;
    const unit = UNITS[t];
    if (unit && (out.street.length > 0 || t === '#')) {
      out.unitType = out.unitType && out.unitType !== '#' ? out.unitType : unit;
      const next = tokens[i + 1];
      if (next === '#') continue; // "APT # 4"
      if (next !== undefined) {
        out.unit = stripZeros(next);
        i++;
      }
      continue;
    }
    if (out.unit !== null) continue; // anything after the unit ("APT 4 REAR") is not street
    if (t === 'PMB' || t === 'PRIVATE') break;
    out.street.push(SUFFIXES[t] ?? DIRECTIONALS[t] ?? t);
  }
  return out;
}

function normalizePostal(p: string | null | undefined, country: string | null): string | null {
  if (!p) return null;
  const s = p.toUpperCase().replace(/[^A-Z0-9]/g, '');
  if (!s) return null;
  // ZIP+4: the first five digits name the delivery area.
  if ((country === 'US' || country === null) && /^\d{9}$/.test(s)) return s.slice(0, 5);
  return s;
}

interface Parsed {
  street: ParsedStreet | null;
  city: string | null;
  region: string | null;
  postal: string | null;
  country: string | null;
}

function parse(a: PostalAddress): Parsed {
  const regionRaw = a.region?.trim() || null;
  const state = regionRaw ? usStateCode(regionRaw) : null;
  let country = a.country?.trim().toUpperCase() || null;
  if (!country && state) country = 'US';
  const region = country === 'US' && state ? state : regionRaw ? normalizePlaceName(regionRaw) || null : null;
  return {
    street: a.street?.trim() ? parseStreet(a.street) : null,
    city: a.city?.trim() ? normalizePlaceName(a.city) || null : null,
    region,
    postal: normalizePostal(a.postal_code, country),
    country,
  };
}

function streetLine(s: ParsedStreet): string {
  if (s.poBox !== null) return s.poBox ? `PO BOX ${s.poBox}` : 'PO BOX';
  const parts = [s.house, ...s.street];
  if (s.unitType || s.unit) parts.push(s.unitType ?? '#', s.unit);
  if (s.pmb !== null) parts.push('PMB', s.pmb || null);
  return parts.filter(Boolean).join(' ');
}

function locality(p: Parsed): string | null {
  if (p.postal) return `${p.postal}|${p.country ?? ''}`;
  if (p.city) return `${p.city}|${p.region ?? ''}|${p.country ?? ''}`;
  return null;
}

function addressKey(p: Parsed): string | null {
  const s = p.street;
  const loc = locality(p);
  if (!s || !loc) return null;
  if (s.poBox !== null) return s.poBox ? `POBOX ${s.poBox}|${loc}` : null;
  if (s.street.length === 0) return null;
  // The unit's designator (APT, #, UNIT) is left out: writers use them interchangeably.
  return `${s.house ?? ''}|${s.street.join(' ')}|${s.unit ?? ''}${s.pmb ? `|PMB ${s.pmb}` : ''}|${loc}`;
}

const cache = new Map<string, AddressInfo>();
const MAX_CACHE = 100_000;

/** The text key under which an address's enrichment is stored (`enrichments.key`, kind `address`). */
export function addressInputKey(a: PostalAddress): string {
  return [a.street, a.city, a.region, a.postal_code, a.country].map((x) => (x ?? '').trim()).join(' | ');
}

export function normalizeAddress(a: PostalAddress): AddressInfo {
  const ck = addressInputKey(a);
  const hit = cache.get(ck);
  if (hit) return hit;
  const p = parse(a);
  const s = p.street;
  const service = s?.service ?? null;
  const pmb = s?.pmb !== null && s?.pmb !== undefined;
  const cityRegion = [p.city, [p.region, p.postal].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  const normalized = [s ? streetLine(s) : null, cityRegion || null, p.country].filter(Boolean).join(', ');
  const geo = a.city?.trim() ? cityCoordinates(a.city, a.region, p.country) : null;
  const info: AddressInfo = {
    normalized,
    key: addressKey(p),
    po_box: s?.poBox !== null && s?.poBox !== undefined,
    cmra: Boolean(service) || pmb,
    mail_service: service?.name ?? (pmb ? 'private mailbox (PMB)' : null),
    forwarder: service?.kind === 'forwarder',
    lat: geo?.lat ?? null,
    lon: geo?.lon ?? null,
    geo_source: geo?.source ?? null,
  };
  if (cache.size >= MAX_CACHE) cache.clear();
  cache.set(ck, info);
  return info;
}

/** Edit distance with adjacent transpositions (MIAN ~ MAIN), at most `max`. */
function withinEdits(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      let v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, (prev2[j - 2] as number) + 1);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return false;
    prev2 = prev;
    prev = cur;
  }
  return (prev[b.length] as number) <= max;
}

/** Dice coefficient over tokens; tokens of 4+ letters also match with one typo. */
function tokenDice(a: string[], b: string[]): number {
  if (a.length === 0 && b.length === 0) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  const used = new Array<boolean>(b.length).fill(false);
  let common = 0;
  for (const t of a) {
    let k = b.findIndex((u, j) => !used[j] && u === t);
    if (k < 0 && t.length >= 4) k = b.findIndex((u, j) => !used[j] && u.length >= 4 && withinEdits(t, u, 1));
    if (k >= 0) {
      used[k] = true;
      common++;
    }
  }
  return (2 * common) / (a.length + b.length);
}

function compare(x: string | null, y: string | null): number {
  if (x === null || y === null) return 0.5;
  return x === y ? 1 : 0;
}

/**
 * How alike two addresses are, 0..1: street tokens (45%), house number (20%), unit (10%) and
 * locality (25%: postal code, else city and region). Unknown parts count as half a match. Two
 * addresses with the same key score 1.
 */
export function addressSimilarity(a: PostalAddress, b: PostalAddress): number {
  const ka = normalizeAddress(a).key;
  if (ka !== null && ka === normalizeAddress(b).key) return 1;
  const pa = parse(a);
  const pb = parse(b);
  const sa = pa.street;
  const sb = pb.street;
  let street = 0.5;
  let house = 0.5;
  let unit = 0.5;
  if (sa && sb) {
    const ta = sa.poBox !== null ? ['POBOX', sa.poBox] : sa.street;
    const tb = sb.poBox !== null ? ['POBOX', sb.poBox] : sb.street;
    street = tokenDice(ta, tb);
    house = compare(sa.house, sb.house);
    unit = sa.unit === null && sb.unit === null ? 1 : compare(sa.unit, sb.unit);
  }
  let loc: number;
  if (pa.postal && pb.postal) loc = pa.postal === pb.postal ? 1 : 0;
  else if (pa.city && pb.city) loc = pa.city === pb.city ? (pa.region && pb.region && pa.region !== pb.region ? 0 : 1) : 0;
  else loc = 0.5;
  if (pa.country && pb.country && pa.country !== pb.country) loc = 0;
  const score = 0.45 * street + 0.2 * house + 0.1 * unit + 0.25 * loc;
  return Math.round(Math.min(1, Math.max(0, score)) * 1000) / 1000;
}

/**
 * Split a one-line address (`12 N. Main St., Apt 4, Springfield, IL 62701, US`) into fields:
 * from the end, an optional country code, an optional region and postal code, the city, and the
 * rest as the street. A best effort for the command line; stored records already have fields.
 */
export function parseAddressLine(line: string): PostalAddress {
  const parts = line.split(',').map((p) => p.trim()).filter(Boolean);
  const out: PostalAddress = {};
  const last = () => parts[parts.length - 1];
  const tail = last();
  if (parts.length >= 3 && tail && /^[A-Za-z]{2}$/.test(tail) && !(parts.length === 3 && usStateCode(tail))) {
    out.country = tail.toUpperCase();
    parts.pop();
  }
  const rp = last();
  const m = rp ? /^(?:([A-Za-z][A-Za-z .]*?)\s+)?(\d{5}(?:-\d{4})?|[A-Za-z]\d[A-Za-z] ?\d[A-Za-z]\d|[A-Za-z]{1,2}\d[A-Za-z\d]? ?\d[A-Za-z]{2}|\d{4,6})$/.exec(rp) : null;
  if (m && parts.length >= 2) {
    if (m[1]) out.region = m[1].trim();
    out.postal_code = m[2];
    parts.pop();
  } else if (rp && parts.length >= 3 && usStateCode(rp)) {
    out.region = rp;
    parts.pop();
  }
  if (parts.length >= 2) {
    const city = parts.pop() as string;
    // Much of Europe writes the postal code before the city: "75002 Paris".
    const pc = out.postal_code ? null : /^(\d{4,6})\s+(\D.*)$/.exec(city);
    if (pc) out.postal_code = pc[1];
    out.city = pc ? pc[2] : city;
  }
  if (parts.length) out.street = parts.join(', ');
  if (!out.country && out.region && usStateCode(out.region)) out.country = 'US';
  return out;
}
