/**
 * Country names as the lists write them → ISO 3166-1 alpha-2. English names and their common
 * alternatives come from the i18n-iso-countries package (MIT); the lists' own forms (`Korea,
 * North`, `Burma`, `Democratic People's Republic of Korea`, nationality adjectives) are added here.
 */
import { createRequire } from 'node:module';
import countries from 'i18n-iso-countries';

const require = createRequire(import.meta.url);

/** The lists' spellings that the package does not know, normalised (see `key`). */
const EXTRA: Record<string, string> = {
  'korea north': 'KP', 'north korea': 'KP', 'democratic peoples republic of korea': 'KP', dprk: 'KP', 'korea dprk': 'KP',
  'korea south': 'KR', 'south korea': 'KR', 'republic of korea': 'KR', korea: 'KR',
  burma: 'MM', russia: 'RU', iran: 'IR', syria: 'SY', laos: 'LA', macau: 'MO', macao: 'MO', moldova: 'MD', vietnam: 'VN', 'viet nam': 'VN',
  'congo democratic republic of the': 'CD', 'democratic republic of the congo': 'CD', 'congo republic of the': 'CG', congo: 'CG',
  'cote d ivoire': 'CI', 'ivory coast': 'CI', 'west bank': 'PS', gaza: 'PS', 'gaza strip': 'PS', palestinian: 'PS', palestine: 'PS',
  'state of palestine': 'PS', 'occupied palestinian territory': 'PS', bolivia: 'BO', venezuela: 'VE', tanzania: 'TZ',
  'united states': 'US', usa: 'US', 'united states of america': 'US', uk: 'GB', 'united kingdom': 'GB', 'great britain': 'GB',
  'united kingdom of great britain and northern ireland': 'GB', 'u k': 'GB', 'u s': 'US', 'u s a': 'US',
  turkey: 'TR', turkiye: 'TR', 'czech republic': 'CZ', kosovo: 'XK', 'bosnia herzegovina': 'BA', 'bosnia and herzegovina': 'BA',
  'the gambia': 'GM', gambia: 'GM', 'the bahamas': 'BS', 'cabo verde': 'CV', 'cape verde': 'CV', 'timor leste': 'TL', 'east timor': 'TL',
  swaziland: 'SZ', eswatini: 'SZ', 'north macedonia': 'MK', macedonia: 'MK', 'the former yugoslav republic of macedonia': 'MK',
  'holy see': 'VA', 'vatican city': 'VA', brunei: 'BN', 'brunei darussalam': 'BN', micronesia: 'FM', 'st kitts and nevis': 'KN',
  'saint kitts and nevis': 'KN', 'st lucia': 'LC', 'st vincent and the grenadines': 'VC', 'sao tome and principe': 'ST',
  'netherlands antilles': 'CW', curacao: 'CW', 'sint maarten': 'SX', 'united arab emirates': 'AE', uae: 'AE', 'hong kong': 'HK',
  taiwan: 'TW', 'china': 'CN', 'peoples republic of china': 'CN', 'region china': 'CN', 'british virgin islands': 'VG', 'virgin islands british': 'VG',
  'iran islamic republic of': 'IR', 'syrian arab republic': 'SY', 'russian federation': 'RU', 'lao peoples democratic republic': 'LA',
  'republic of moldova': 'MD', 'united republic of tanzania': 'TZ', 'venezuela bolivarian republic of': 'VE', 'bolivia plurinational state of': 'BO',
  'yemen republic of': 'YE', 'republic of yemen': 'YE', 'kyrgyz republic': 'KG', kyrgyzstan: 'KG', 'slovak republic': 'SK',
  'central african republic': 'CF', 'south sudan': 'SS', sudan: 'SD', libya: 'LY', 'libyan arab jamahiriya': 'LY', 'serbia and montenegro': 'RS',
  yugoslavia: 'RS', 'federal republic of yugoslavia': 'RS', crimea: 'UA', 'region crimea': 'UA', 'sovereign base areas': 'CY',
  // Nationality adjectives seen in the lists' remarks.
  korean: 'KR', russian: 'RU', iranian: 'IR', syrian: 'SY', iraqi: 'IQ', afghan: 'AF', pakistani: 'PK', lebanese: 'LB', chinese: 'CN',
  yemeni: 'YE', saudi: 'SA', 'saudi arabian': 'SA', egyptian: 'EG', libyan: 'LY', sudanese: 'SD', somali: 'SO', kenyan: 'KE', belarusian: 'BY',
  ukrainian: 'UA', venezuelan: 'VE', colombian: 'CO', mexican: 'MX', cuban: 'CU', nicaraguan: 'NI', turkish: 'TR', emirati: 'AE',
  jordanian: 'JO', kuwaiti: 'KW', qatari: 'QA', bahraini: 'BH', omani: 'OM', tunisian: 'TN', algerian: 'DZ', moroccan: 'MA', malian: 'ML',
  nigerian: 'NG', british: 'GB', american: 'US', german: 'DE', french: 'FR', italian: 'IT', spanish: 'ES', canadian: 'CA', australian: 'AU',
  indonesian: 'ID', filipino: 'PH', malaysian: 'MY', singaporean: 'SG', thai: 'TH', vietnamese: 'VN', burmese: 'MM', cambodian: 'KH',
};

const key = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z]+/g, ' ')
    .trim();

let table: Map<string, string> | null = null;
function names(): Map<string, string> {
  if (table) return table;
  countries.registerLocale(require('i18n-iso-countries/langs/en.json'));
  table = new Map();
  for (const [code, n] of Object.entries(countries.getNames('en', { select: 'all' }))) {
    for (const name of [n].flat()) table.set(key(name), code);
  }
  for (const [k, code] of Object.entries(EXTRA)) table.set(k, code);
  return table;
}

/**
 * The ISO code for a country as written: a code (`KP`), a name (`North Korea`, `Korea, North`,
 * `Iran (Islamic Republic of)`), or a place ending in one (`Pyongyang, North Korea`). Null if unknown.
 */
export function countryCode(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const s = raw.trim();
  if (!s) return null;
  if (/^[A-Za-z]{2}$/.test(s)) {
    const up = s.toUpperCase();
    return countries.isValid(up) || up === 'XK' ? up : null;
  }
  const t = names();
  const tries = [s, s.replace(/\(.*?\)/g, ' '), s.replace(/[()]/g, ' ')];
  const comma = s.split(',');
  if (comma.length === 2) tries.push(`${comma[1]} ${comma[0]}`);
  if (comma.length >= 2) tries.push(comma[comma.length - 1]!);
  for (const x of tries) {
    const hit = t.get(key(x));
    if (hit) return hit;
  }
  return null;
}
