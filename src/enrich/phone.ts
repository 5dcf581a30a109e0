/**
 * Phone numbers, offline, from Google's libphonenumber numbering plans (libphonenumber-js with
 * full metadata). The line type is what the numbering plan says about the number's range: it
 * knows VoIP where a country reserves ranges for it (UK 056, for example), and cannot know it in
 * the US and Canada, whose plan does not tell fixed, mobile and VoIP numbers apart
 * (`FIXED_LINE_OR_MOBILE`). Ported numbers keep the type of their original range.
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

export interface PhoneInfo {
  input: string;
  /** +<country code><number>, or null when the input is not a phone number. */
  e164: string | null;
  /** ISO 3166-1 alpha-2 country of the number's range. */
  country: string | null;
  /** The number is a real number in its country's plan (not only the right length). */
  valid: boolean;
  /** libphonenumber's type: MOBILE, FIXED_LINE, FIXED_LINE_OR_MOBILE, VOIP, TOLL_FREE, PERSONAL_NUMBER, ... */
  line_type: string | null;
  voip: boolean;
}

const cache = new Map<string, PhoneInfo>();
const MAX_CACHE = 200_000;

const isCountry = (c: string | undefined): c is CountryCode => Boolean(c && /^[A-Z]{2}$/.test(c));

/**
 * Enrich one phone number. `defaultCountry` (ISO alpha-2) is used only when the number is
 * written without an international prefix.
 */
export function enrichPhone(raw: string, defaultCountry?: string): PhoneInfo {
  const dc = defaultCountry?.toUpperCase();
  const key = `${dc ?? ''}|${raw}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const info = computePhone(raw, isCountry(dc) ? dc : undefined);
  if (cache.size >= MAX_CACHE) cache.clear();
  cache.set(key, info);
  return info;
}

function computePhone(raw: string, defaultCountry: CountryCode | undefined): PhoneInfo {
  const input = raw;
  let p;
  try {
    // `00` is the international prefix in most of the world: read it as `+`.
    const text = raw.trim().replace(/^00(?=[1-9])/, '+');
    p = parsePhoneNumberFromString(text, defaultCountry ? { defaultCountry, extract: false } : { extract: false });
  } catch {
    p = undefined;
  }
  if (!p) return { input, e164: null, country: null, valid: false, line_type: null, voip: false };
  const valid = p.isValid();
  const type = valid ? (p.getType() ?? null) : null;
  return {
    input,
    e164: p.number,
    country: p.country ?? null,
    valid,
    line_type: type,
    voip: type === 'VOIP',
  };
}
