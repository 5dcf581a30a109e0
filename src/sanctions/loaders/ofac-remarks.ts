/**
 * OFAC's remarks field carries most of an SDN entry's detail as `;`-separated phrases:
 * `DOB 18 Feb 1962; alt. DOB circa 1960; POB Pyongyang, North Korea; nationality Korea, North;
 * Passport 472310168 (Korea, North); a.k.a. 'KIM YONG-CHOL'; Gender Male; Linked To: KOMID.`
 * This turns those phrases into dates of birth, countries, identifiers and aliases.
 */
import { countryCode } from '../countries.js';
import { parseBirthDate } from '../dates.js';
import type { BirthDate, ListedCountry, ListedIdentifier, ListedName } from '../model.js';

export interface RemarkFacts {
  birth_dates: BirthDate[];
  countries: ListedCountry[];
  identifiers: ListedIdentifier[];
  names: ListedName[];
  gender: string | null;
}

/**
 * Identifier labels OFAC uses, longest first so `Diplomatic Passport` wins over `Passport`. The
 * value runs to an optional `(Country)` and an optional `issued ...`/`expires ...` tail.
 */
const ID_LABELS = [
  'Vessel Registration Identification', 'Diplomatic Passport', 'Passport', 'National ID No.', 'Personal ID Card', 'Identification Number',
  'Cedula No.', 'NIT #', 'R.F.C.', 'RFC', 'C.U.R.P.', 'CURP #', 'RUC #', 'RIF #', 'D.N.I.', 'I.F.E.', 'RTN', 'SSN', 'Tax ID No.',
  'Registration ID', 'Registration Number', 'Company Number', 'UK Company Number', 'Commercial Registry Number', 'Business Registration Document #',
  'Business Registration Number', 'Trade License No.', 'Matricula Mercantil No', 'Folio Mercantil No.', 'Electoral Registry No.',
  'Credencial electoral', "Driver's License No.", 'Italian Fiscal Code', 'US FEIN', 'V.A.T. Number', 'D-U-N-S Number', 'SWIFT/BIC', 'MMSI',
  'BIK (RU)', 'Government Gazette Number', 'Public Security and Immigration No.', 'Residency Number', 'Birth Certificate Number',
  'Kenyan ID No.', 'Afghan Passport', 'Stateless Person Passport', 'Stateless Person ID Card', 'Refugee ID Card', 'Travel Document Number',
  'Economic Register Number (CRE)', 'Legal Entity Number', 'Chinese Commercial Code', 'Aircraft Manufacturer\'s Serial Number (MSN)',
  'Aircraft Construction Number (also called L/N or S/N or F/N)', 'C.R. No.', 'LE Number', 'Digital Currency Address - [A-Z0-9]+',
].sort((a, b) => b.length - a.length);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const ID_RE = new RegExp(
  `^(?:alt\\. )?(${ID_LABELS.map((l) => (l.startsWith('Digital Currency') ? 'Digital Currency Address - [A-Z0-9]+' : escape(l))).join('|')}):?\\s+(.+?)(?:\\s+\\(([^()]+)\\))?(?:\\s+(?:issued|expires|Issue Date|Expiration Date)\\b.*)?$`,
);

function identifierType(label: string): string {
  const l = label.toLowerCase();
  if (l.includes('passport')) return 'passport';
  if (l.startsWith('digital currency')) return 'digital_currency_address';
  if (l.startsWith('vessel registration')) return 'imo';
  if (l === 'mmsi') return 'mmsi';
  if (l === 'swift/bic') return 'swift_bic';
  if (/national id|personal id|identification number|cedula|d\.n\.i|i\.f\.e|kenyan id|credencial|electoral/.test(l)) return 'national_id';
  if (/tax|r\.f\.c|rfc|nit|ruc|rif|rtn|ssn|fein|v\.a\.t|fiscal/.test(l)) return 'tax_id';
  if (/registration|company|commercial|trade license|matricula|folio|d-u-n-s|legal entity|c\.r\./.test(l)) return 'registration';
  return l.replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');
}

/** Split remarks on `;` outside quotes. */
function phrases(remarks: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of remarks) {
    if (ch === "'" && (cur.endsWith('a.k.a. ') || cur.endsWith('f.k.a. ') || cur.endsWith('n.k.a. ') || quoted)) {
      // Only quotes that open an alias, and the one that closes it, toggle; apostrophes in names do not.
      if (!quoted) quoted = true;
      else quoted = false;
    }
    if (ch === ';' && !quoted) {
      out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out.map((p) => p.replace(/\.$/, '').trim()).filter(Boolean);
}

export function parseRemarks(remarks: string | null): RemarkFacts {
  const facts: RemarkFacts = { birth_dates: [], countries: [], identifiers: [], names: [], gender: null };
  if (!remarks) return facts;
  const addCountry = (raw: string, role: ListedCountry['role']) => {
    const code = countryCode(raw);
    if (code && !facts.countries.some((c) => c.code === code && c.role === role)) facts.countries.push({ code, role });
  };
  for (const p of phrases(remarks)) {
    let m: RegExpExecArray | null;
    if ((m = /^(?:alt\. )?DOB\s+(.+)$/.exec(p))) {
      const d = parseBirthDate(m[1]!);
      if (d) facts.birth_dates.push(d);
    } else if ((m = /^(?:alt\. )?POB\s+(.+)$/.exec(p))) {
      addCountry(m[1]!.split(',').slice(-1)[0]!, 'birth');
      // `POB Pyongyang, North Korea` and `POB Korea, North` both end in the country.
      if (!facts.countries.some((c) => c.role === 'birth')) addCountry(m[1]!, 'birth');
    } else if ((m = /^(?:alt\. )?nationality\s+(.+)$/i.exec(p))) {
      addCountry(m[1]!, 'nationality');
    } else if ((m = /^(?:alt\. )?citizen\s+(.+)$/i.exec(p))) {
      addCountry(m[1]!, 'citizenship');
    } else if ((m = /^(?:alt\. )?Nationality of Registration\s+(.+)$/i.exec(p))) {
      addCountry(m[1]!, 'registration');
    } else if ((m = /^([afn])\.k\.a\.,?\s+'(.+)'$/.exec(p))) {
      // Aliases in the remarks are the "weak" ones OFAC does not put in alt.csv.
      facts.names.push({ name: m[2]!, kind: 'weak' });
    } else if ((m = /^Gender\s+(\w+)$/.exec(p))) {
      facts.gender = m[1]!;
    } else if ((m = ID_RE.exec(p))) {
      const label = m[1]!;
      const number = m[2]!.trim();
      const country = m[3] ? countryCode(m[3]) : null;
      facts.identifiers.push({ type: identifierType(label), number, country });
      if (country && identifierType(label) === 'passport') addCountry(m[3]!, 'document');
    }
  }
  return facts;
}
