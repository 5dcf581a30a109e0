/**
 * Personal and organisation names: a normalised form, tokens, Latin renderings of Hangul, Han and
 * Cyrillic names, Korean surname variants, phonetic keys, and a token-alignment comparison that
 * explains itself. Used by the linker and by the sanctions screener.
 *
 * A name is compared as a list of tokens, each with the Latin spellings ("forms") it may be written
 * in: `김영철` becomes [kim|gim] [yeong|yong|young] [cheol|chol|chul], `KIM, Yong Chol` becomes
 * [kim] [yong] [chol]. Tokens are aligned regardless of order, a run of two tokens may match one
 * joined token (`Yong-chol` ~ `Yongchol`), and each matched pair says how it matched.
 *
 * Pure and synchronous; Han readings (the `hanja` package's table, MIT) load on first use.
 */
import { createRequire } from 'node:module';
import { doubleMetaphone } from 'double-metaphone';
import { pinyin } from 'pinyin-pro';
import { CYRILLIC } from './data/names/cyrillic.js';
import { FINALS, HANGUL_BASE, HANGUL_LAST, INITIALS, MEDIALS, SCHEMES } from './data/names/hangul.js';
import { KOREAN_SURNAMES } from './data/names/korean-surnames.js';

export type Script = 'latin' | 'hangul' | 'han' | 'cyrillic' | 'other';

/** One token of a name with the Latin spellings it may stand for. */
export interface NameToken {
  /** The token as written, normalised (a Hangul or Han token is one syllable). */
  text: string;
  /** Lower-case spellings to compare, most likely first; for a Latin token just the token. */
  forms: string[];
  script: Script;
  /** Set on the first syllable of a Hangul/Han name when it is a known surname. */
  surname?: boolean;
  /** For a Han token read as Korean: the Han characters (`text` holds their Hangul reading). */
  written?: string;
}

// ---------------------------------------------------------------------------------------------
// Normalised form

/** Words that say what kind of organisation it is, not which one: weighted low when matching. */
export const GENERIC_TOKENS = new Set([
  'co', 'company', 'corp', 'corporation', 'inc', 'incorporated', 'ltd', 'limited', 'llc', 'llp', 'lp', 'plc', 'gmbh', 'ag', 'sa', 'sas',
  'srl', 'spa', 'bv', 'nv', 'oy', 'ab', 'as', 'jsc', 'ojsc', 'cjsc', 'pjsc', 'ooo', 'oao', 'zao', 'fze', 'fzco', 'fzc', 'fz', 'pte', 'pty', 'sdn', 'bhd',
  'de', 'cv', 'rl', 'the', 'of', 'and', 'for', 'y', 'el', 'la', 'al', 'del', 'group', 'holding', 'holdings', 'international', 'intl',
  'trading', 'trade', 'general', 'enterprise', 'enterprises', 'industrial', 'industry', 'industries', 'service', 'services',
  'import', 'export', 'joint', 'stock', 'commercial',
]);

const SPECIAL_LATIN: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', þ: 'th', ł: 'l', ı: 'i', ŀ: 'l', ħ: 'h' };
const APOSTROPHES = /['’‘ʼʻ`´]/g;

/** Fold one Latin-script run: strip accents, map the letters NFKD cannot split. */
function foldLatin(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[ßæœøđðþłıŀħ]/g, (c) => SPECIAL_LATIN[c] ?? c);
}

const latinFoldCache = new Map<string, string>();

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** Lower case, accents removed (Latin only: Hangul must not be decomposed), punctuation to spaces. */
function cleanText(s: string): string {
  let out = s.normalize('NFKC').toLowerCase();
  // Most names are plain ASCII; only other characters need folding, one at a time, cached.
  if (!isAscii(out)) {
    let folded = '';
    for (const ch of out) {
      const cp = ch.codePointAt(0)!;
      if (cp < 0x80 || !(cp < 0x250 || (cp >= 0x1e00 && cp <= 0x1eff))) {
        folded += ch;
        continue;
      }
      let f = latinFoldCache.get(ch);
      if (f === undefined) latinFoldCache.set(ch, (f = foldLatin(ch)));
      folded += f;
    }
    out = folded;
  }
  return out
    .replace(APOSTROPHES, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The normalised form of a name: lower case, no accents or punctuation, and a `SURNAME, Given`
 * name turned into `given surname` (one comma, and what follows it is not a legal form such as
 * `Ltd.`). `KIM, Yong Chol` → `yong chol kim`; `Müller-Lüdenscheidt` → `muller ludenscheidt`.
 */
export function normalizeName(s: string): string {
  const parts = s.split(',');
  if (parts.length === 2) {
    const after = cleanText(parts[1]!);
    const before = cleanText(parts[0]!);
    const afterTokens = after.split(' ').filter(Boolean);
    if (before && afterTokens.length && !afterTokens.every((t) => GENERIC_TOKENS.has(t) || t.length === 1)) return `${after} ${before}`;
  }
  return cleanText(s);
}

/** The tokens of the normalised name. */
export function nameTokens(s: string): string[] {
  const n = normalizeName(s);
  return n ? n.split(' ') : [];
}

// ---------------------------------------------------------------------------------------------
// Scripts and transliteration

const isHangul = (cp: number) => cp >= HANGUL_BASE && cp <= HANGUL_LAST;
const HAN_RE = /\p{Script=Han}/u;
const CYRILLIC_RE = /\p{Script=Cyrillic}/u;
const LATIN_RE = /^[a-z0-9]+$/;

export function scriptOf(token: string): Script {
  if (LATIN_RE.test(token)) return 'latin';
  const first = token.codePointAt(0)!;
  if (isHangul(first)) return 'hangul';
  if (HAN_RE.test(token)) return 'han';
  if (CYRILLIC_RE.test(token)) return 'cyrillic';
  return 'other';
}

/** One Hangul syllable in each of the four schemes (RR, MR, DPRK, practical). */
function syllableBySchemes(syl: string): string[] {
  const code = syl.codePointAt(0)! - HANGUL_BASE;
  const ini = Math.floor(code / 588);
  const med = Math.floor((code % 588) / 28);
  const fin = code % 28;
  return SCHEMES.map((scheme) => {
    let i = INITIALS[scheme][ini]!;
    let m = MEDIALS[scheme][med]!;
    const f = FINALS[fin]!;
    // ㅅ before ㅣ/ㅟ is "sh" in MR and in practice (신 Shin); RR keeps "s".
    if ((scheme === 'MR' || scheme === 'PR') && ini === 9 && (med === 20 || med === 16)) i = 'sh';
    // Practical spellings: 영 "young", 정 "jung", 성 "sung".
    if (scheme === 'PR' && fin === 21 && med === 6) m = 'you';
    if (scheme === 'PR' && fin === 21 && med === 13) m = 'u';
    return i + m + f;
  });
}

const dedupe = (xs: string[]): string[] => [...new Set(xs.filter(Boolean))];

function syllableForms(syl: string): string[] {
  return dedupe(syllableBySchemes(syl));
}

interface SurnameInfo {
  hangul: string;
  /** The North Korean Hangul form (리 for 이), or the standard one. */
  north: string;
  latin: string[];
}
let surnameByHangul: Map<string, SurnameInfo> | null = null;
let surnameByHanja: Map<string, SurnameInfo> | null = null;
let surnameGroupsByLatin: Map<string, number[]> | null = null;

function surnameTables(): void {
  if (surnameByHangul) return;
  surnameByHangul = new Map();
  surnameByHanja = new Map();
  surnameGroupsByLatin = new Map();
  KOREAN_SURNAMES.forEach((s, idx) => {
    // The scheme spellings of the standard and the North Korean Hangul forms join the listed ones.
    const schemeForms = s.hangul.flatMap((h) => [...h].map((c) => syllableBySchemes(c)).reduce((acc, f) => acc.map((a, k) => a + f[k]!), ['', '', '', '']));
    const latin = dedupe([...s.latin.map((l) => l.toLowerCase()), ...schemeForms]);
    const info = { hangul: s.hangul[0]!, north: s.hangul[s.hangul.length - 1]!, latin };
    for (const h of s.hangul) surnameByHangul!.set(h, info);
    if ([...s.hangul[0]!].length > 1) surnameByHanja!.set(s.hanja, info);
    else for (const c of s.hanja) surnameByHanja!.set(c, info);
    for (const l of s.latin) {
      const key = l.toLowerCase();
      surnameGroupsByLatin!.set(key, [...(surnameGroupsByLatin!.get(key) ?? []), idx]);
    }
  });
}

/**
 * The Latin spellings of a Korean surname, given in Hangul, Hanja or any Latin spelling:
 * `lee` → Lee, Yi, Rhee, Ri, I, Rhie, Li, Rie; `박` → Park, Pak, Bak, Bahk. Empty if not a known surname.
 */
export function surnameVariants(token: string): string[] {
  surnameTables();
  const t = cleanText(token);
  const byScript = surnameByHangul!.get(t) ?? surnameByHanja!.get(t);
  if (byScript) return byScript.latin.map(titleCase);
  const groups = surnameGroupsByLatin!.get(t);
  if (!groups) return [];
  return dedupe(groups.flatMap((g) => KOREAN_SURNAMES[g]!.latin));
}

/** Whether two Latin tokens are spellings of one Korean surname (Lee/Rhee, Park/Pak, Choi/Choe). */
export function sameKoreanSurname(a: string, b: string): boolean {
  surnameTables();
  const ga = surnameGroupsByLatin!.get(a);
  const gb = surnameGroupsByLatin!.get(b);
  return !!ga && !!gb && ga.some((g) => gb.includes(g));
}

let hanjaReadings: Record<string, string> | null = null;
function hanjaReading(ch: string): string | undefined {
  // The hanja package's table (27,497 characters → their Sino-Korean Hangul reading).
  hanjaReadings ??= createRequire(import.meta.url)('hanja/lib/data/hanjaeum.json') as Record<string, string>;
  return hanjaReadings[ch];
}

function hangulNameTokens(syllables: string[], firstIsName: boolean): NameToken[] {
  surnameTables();
  const out: NameToken[] = [];
  let i = 0;
  if (firstIsName) {
    const two = syllables.slice(0, 2).join('');
    const sur = syllables.length >= 3 ? surnameByHangul!.get(two) : undefined;
    const one = surnameByHangul!.get(syllables[0]!);
    if (sur) {
      out.push({ text: two, forms: sur.latin, script: 'hangul', surname: true });
      i = 2;
    } else if (one) {
      out.push({ text: syllables[0]!, forms: one.latin, script: 'hangul', surname: true });
      i = 1;
    }
  }
  for (; i < syllables.length; i++) out.push({ text: syllables[i]!, forms: syllableForms(syllables[i]!), script: 'hangul' });
  return out;
}

/** Han characters read as Sino-Korean Hangul (surname characters by the surname table). */
function hanToHangul(chars: string[], firstIsName: boolean): string[] {
  surnameTables();
  return chars.map((c, k) => {
    if (k === 0 && firstIsName) {
      const s = surnameByHanja!.get(c);
      if (s) return s.hangul;
    }
    return hanjaReading(c) ?? c;
  });
}

const CYRILLIC_VOWELS = new Set([...'аеёиоуыэюяіїєъь']);
function cyrillicForms(token: string): string[] {
  const schemes = [0, 1, 2].map((k) => {
    let out = '';
    let prev = '';
    for (const ch of token) {
      const v = CYRILLIC[ch];
      // BGN/PCGN and common usage write е/ё as ye/yo at the start and after a vowel (Yelena), e/yo elsewhere.
      if ((ch === 'е' || ch === 'ё') && k !== 1) out += !prev || CYRILLIC_VOWELS.has(prev) ? (ch === 'е' ? 'ye' : 'yo') : ch === 'е' ? 'e' : 'yo';
      else out += v === undefined ? ch : typeof v === 'string' ? v : v[k]!;
      prev = ch;
    }
    return k === 2 ? out.replace(/ks/g, 'x') : out;
  });
  return dedupe(schemes.map((s) => s.replace(/[^a-z0-9]/g, '')));
}

/**
 * A name as tokens with their Latin forms. A name in Han script has two readings (Sino-Korean and
 * Mandarin pinyin), so this returns one token list per reading; every other name has one.
 */
export function nameVariants(s: string): NameToken[][] {
  const tokens = nameTokens(s);
  if (tokens.length === 0) return [];
  const hasHan = tokens.some((t) => scriptOf(t) === 'han');
  const readings: Array<'korean' | 'mandarin'> = hasHan ? ['korean', 'mandarin'] : ['korean'];
  return readings.map((reading) => {
    const out: NameToken[] = [];
    let nameStart = true;
    for (const t of tokens) {
      const script = scriptOf(t);
      if (script === 'hangul') {
        // A Hangul name written without spaces starts with the surname; so does `김 영철`.
        out.push(...hangulNameTokens([...t].filter((c) => isHangul(c.codePointAt(0)!)), nameStart));
      } else if (script === 'han') {
        const chars = [...t];
        if (reading === 'korean') {
          const hangul = hanToHangul(chars, nameStart).join('');
          const asKorean = hangulNameTokens([...hangul].filter((c) => isHangul(c.codePointAt(0)!)), nameStart);
          // Keep the Han characters each token was read from, for the reasons shown to people.
          let at = 0;
          for (const tok of asKorean) {
            const n = [...tok.text].length;
            out.push({ ...tok, script: 'han', written: chars.slice(at, at + n).join('') });
            at += n;
          }
        } else {
          const py = pinyin(t, { toneType: 'none', type: 'array', surname: nameStart ? 'head' : 'off', v: true }) as string[];
          py.forEach((p, k) => out.push({ text: chars[k] ?? p, forms: [p.replace(/[^a-z0-9]/g, '')], script: 'han' }));
        }
      } else if (script === 'cyrillic') {
        out.push({ text: t, forms: cyrillicForms(t), script });
      } else {
        out.push({ text: t, forms: [t], script });
      }
      nameStart = false;
    }
    return out.filter((tok) => tok.forms.length > 0);
  });
}

/** The token list of a name (the first reading when it has several). */
export function nameParts(s: string): NameToken[] {
  return nameVariants(s)[0] ?? [];
}

const titleCase = (w: string) => (w ? w[0]!.toUpperCase() + w.slice(1) : w);

/**
 * Latin renderings of a name written in Hangul, Han or Cyrillic: each scheme applied throughout
 * (`김정은` → Gim Jeong Eun (RR), Kim Chong Un (MR), Kim Jong Un (DPRK), Kim Jung Eun (practical)),
 * then the other surname spellings with each scheme's given name, then the Mandarin reading of
 * Han names. At most `limit` results, most standard first. A Latin name is returned normalised.
 */
export function romanizations(s: string, limit = 48): string[] {
  const out: string[] = [];
  for (const tokens of nameVariants(s)) {
    if (tokens.length === 0) continue;
    const multi = tokens.some((t) => t.script === 'hangul' || (t.script === 'han' && t.forms.length > 1));
    if (!multi) {
      // One form per token except Cyrillic, whose schemes are applied throughout.
      const width = Math.max(...tokens.map((t) => t.forms.length));
      for (let k = 0; k < width; k++) out.push(tokens.map((t) => titleCase(t.forms[Math.min(k, t.forms.length - 1)]!)).join(' '));
      continue;
    }
    const bySchemeTokens = tokens.map((t) => (t.surname ? null : t.script === 'hangul' || t.script === 'han' ? syllableBySchemes(t.text) : null));
    const surnameForms = (t: NameToken, k: number): string[] => {
      // Surname spellings in scheme order: RR, MR, DPRK, practical = the first listed spelling.
      const info = surnameByHangul!.get(t.text);
      if (!info || k === 3) return [t.forms[0]!];
      const written = k === 2 ? info.north : info.hangul;
      return [[...written].map((c) => syllableBySchemes(c)[k]!).join('')];
    };
    const given = (k: number) =>
      tokens.map((t, j) => (t.surname ? null : bySchemeTokens[j] ? bySchemeTokens[j]![k]! : t.forms[0]!));
    for (let k = 0; k < SCHEMES.length; k++) {
      const g = given(k);
      out.push(tokens.map((t, j) => titleCase(t.surname ? surnameForms(t, k)[0]! : g[j]!)).join(' '));
    }
    const sur = tokens.find((t) => t.surname);
    if (sur) {
      for (const form of sur.forms) {
        for (let k = 0; k < SCHEMES.length; k++) {
          const g = given(k);
          out.push(tokens.map((t, j) => titleCase(t.surname ? form : g[j]!)).join(' '));
        }
      }
    }
  }
  return dedupe(out).slice(0, limit);
}

// ---------------------------------------------------------------------------------------------
// Token similarity

/**
 * A loose key for romanised Korean (and similar) syllables: the spelling differences between the
 * schemes fold away (eo/eu/oo/ou/u → o, g → k, d → t, b → p, j/ch → c, sh → s, r → l, doubled
 * consonants single, a silent h after a vowel dropped). `yeong`, `yong` and `young` share `yok`.
 */
export function romanFold(token: string): string {
  return token
    .replace(/tch|ch|jh|j/g, 'c')
    .replace(/kk|gg|ck|g/g, 'k')
    .replace(/tt|dd|d/g, 't')
    .replace(/pp|bb|b/g, 'p')
    .replace(/ss|sh/g, 's')
    .replace(/r/g, 'l')
    .replace(/([aeiou])h(?=[^aeiou]|$)/g, '$1')
    .replace(/ee/g, 'i')
    .replace(/eo|eu|ou|oo|u/g, 'o')
    .replace(/ai/g, 'ae')
    .replace(/oi|oy/g, 'oe')
    .replace(/ng$/g, 'k')
    .replace(/ng/g, 'n');
}

// A syllable sequence as the romanisation schemes write them; romanFold is only trusted on these.
const ROMAN_SYLLABLES = /^(?:(?:kk|gg|tt|dd|pp|bb|ss|jj|tch|ch|sh|kh|th|ph|k|g|n|d|t|r|l|m|b|p|s|j|h)?(?:yeo|yae|wae|weo|eui|you|ae|eo|eu|ya|yo|yu|ye|wa|wo|we|wi|oe|oi|ui|oo|ou|ee|ai|ey|a|e|i|o|u)(?:ng|n|m|l|k|p|t|r|h)?)+$/;
const ONE_SYLLABLE = new RegExp(`^${ROMAN_SYLLABLES.source.slice(4, -3)}$`);
const isOneSyllable = (t: string) => ONE_SYLLABLE.test(t);
const romanCache = new Map<string, boolean>();
function looksRomanized(t: string): boolean {
  let v = romanCache.get(t);
  if (v === undefined) {
    v = t.length <= 14 && ROMAN_SYLLABLES.test(t);
    if (romanCache.size > 100_000) romanCache.clear();
    romanCache.set(t, v);
  }
  return v;
}

/** The Double Metaphone primary key of a token (romanised first if it is not Latin). */
export function phoneticKey(token: string): string {
  const t = cleanText(token).replace(/ /g, '');
  const latin = scriptOf(t) === 'latin' ? t : nameParts(t).map((p) => p.forms[0]).join('');
  return doubleMetaphone(latin)[0];
}

const dmCache = new Map<string, [string, string]>();
function metaphone(t: string): [string, string] {
  let v = dmCache.get(t);
  if (!v) {
    v = doubleMetaphone(t);
    if (dmCache.size > 200_000) dmCache.clear();
    dmCache.set(t, v);
  }
  return v;
}

/** Jaro-Winkler similarity (0..1). */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  if (!la || !lb) return 0;
  const window = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  const ma = new Array<boolean>(la).fill(false);
  const mb = new Array<boolean>(lb).fill(false);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const lo = Math.max(0, i - window);
    const hi = Math.min(lb - 1, i + window);
    for (let j = lo; j <= hi; j++) {
      if (!mb[j] && a[i] === b[j]) {
        ma[i] = mb[j] = true;
        matches++;
        break;
      }
    }
  }
  if (!matches) return 0;
  let k = 0;
  let transpositions = 0;
  for (let i = 0; i < la; i++) {
    if (!ma[i]) continue;
    while (!mb[k]) k++;
    if (a[i] !== b[k]) transpositions++;
    k++;
  }
  const jaro = (matches / la + matches / lb + (matches - transpositions / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < la && prefix < lb && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

export interface TokenSimilarity {
  score: number;
  how: string;
}

const NO_MATCH: TokenSimilarity = { score: 0, how: 'different' };
const simCache = new Map<string, TokenSimilarity>();

/**
 * How alike two Latin tokens are, and why: exact (1), one Korean surname's spellings (0.95), one
 * romanised syllable in different schemes (0.9), alike in sound (0.85), a near spelling
 * (Jaro-Winkler × 0.95), an initial (0.5); otherwise 0.
 */
export function tokenSimilarity(a: string, b: string): TokenSimilarity {
  if (a === b) return { score: 1, how: 'exact' };
  const key = a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
  const hit = simCache.get(key);
  if (hit) return hit;
  const v = computeTokenSimilarity(a, b);
  if (simCache.size > 300_000) simCache.clear();
  simCache.set(key, v);
  return v;
}

function computeTokenSimilarity(a: string, b: string): TokenSimilarity {
  if (a.length === 1 || b.length === 1) {
    return a[0] === b[0] ? { score: 0.5, how: 'initial' } : NO_MATCH;
  }
  if (sameKoreanSurname(a, b)) return { score: 0.95, how: 'Korean surname variant' };
  if (looksRomanized(a) && looksRomanized(b)) {
    if (romanFold(a) === romanFold(b)) return { score: 0.9, how: 'romanisation variant' };
    // Two different romanised syllables (song/sang, kyong/yong) are different syllables: no fuzz.
    if (isOneSyllable(a) && isOneSyllable(b)) return NO_MATCH;
  }
  // Spelling variants and typos keep the length within two letters (jing is not jinghua).
  if (Math.abs(a.length - b.length) > 2) return NO_MATCH;
  const jw = jaroWinkler(a, b);
  const [pa, sa] = metaphone(a);
  const [pb, sb] = metaphone(b);
  if (jw >= 0.84 && pa.length >= 2 && (pa === pb || pa === sb || sa === pb)) return { score: Math.max(0.85, jw * 0.95), how: 'sounds alike' };
  if (jw >= 0.88 && a[0] === b[0] && Math.min(a.length, b.length) >= 4) return { score: jw * 0.95, how: 'similar spelling' };
  return NO_MATCH;
}

// ---------------------------------------------------------------------------------------------
// Aligning two names

export interface TokenMatch {
  /** Indices of the query tokens and candidate tokens that matched (two on one side for a joined token). */
  q: number[];
  c: number[];
  score: number;
  how: string;
  /** What matched, as written on each side. */
  qText: string;
  cText: string;
}

export interface NameComparison {
  /** Harmonic mean of the two coverages, 0..1. */
  score: number;
  /** Share of the query's weight that found a match (weighted by similarity). */
  queryCoverage: number;
  candidateCoverage: number;
  matches: TokenMatch[];
  unmatchedQuery: string[];
  unmatchedCandidate: string[];
}

export type TokenWeight = (t: NameToken) => number;

// Russian/Ukrainian/Belarusian patronymics: part of the legal name, often left out in use.
const PATRONYMIC = /^[a-z]{3,}(ovich|evich|ovych|evych|ich|ovna|evna|ivna|ichna|inichna)$/;

/**
 * How much a token's role counts, whatever its rarity: organisation words (Ltd, Trading) 0.15,
 * initials 0.3, patronymics (Aleksandrovich) 0.35, other name parts 1.
 */
export function tokenRoleFactor(t: NameToken): number {
  if (t.forms.every((f) => GENERIC_TOKENS.has(f))) return 0.15;
  if (t.forms[0]!.length === 1) return 0.3;
  if (t.forms.some((f) => PATRONYMIC.test(f))) return 0.35;
  return 1;
}

/** Default weights without corpus statistics: the role factor alone. */
export const defaultWeight: TokenWeight = tokenRoleFactor;

function bestFormSimilarity(qa: string[], ca: string[], qt: NameToken, ct: NameToken): TokenSimilarity {
  let best = NO_MATCH;
  for (const f of qa) {
    for (const g of ca) {
      const s = tokenSimilarity(f, g);
      if (s.score > best.score) {
        best = s;
        if (s.score === 1) break;
      }
    }
    if (best.score === 1) break;
  }
  if (best.score > 0 && best.how === 'exact' && (qt.script !== 'latin' || ct.script !== 'latin')) {
    const shown = qt.script !== 'latin' ? qt : ct;
    return { score: best.score, how: `transliterated (${shown.written ? `${shown.written} → ${shown.text}` : shown.text} → ${shown.forms.join('/')})` };
  }
  return best;
}

const joinForms = (a: NameToken, b: NameToken): string[] => {
  const out: string[] = [];
  for (const x of a.forms.slice(0, 4)) for (const y of b.forms.slice(0, 4)) out.push(x + y);
  return out;
};

/**
 * Align the tokens of a query name with those of a candidate name, in any order, greedily by
 * similarity; two adjacent tokens on one side may match one joined token on the other. Coverage on
 * each side is the weighted share of tokens matched; the score is their harmonic mean, so a name
 * that matches only one token of a longer name (a common surname alone) scores low.
 */
export function compareNameParts(q: NameToken[], c: NameToken[], weight: TokenWeight = defaultWeight): NameComparison {
  type Pair = { qi: number[]; ci: number[]; s: TokenSimilarity };
  const pairs: Pair[] = [];
  for (let i = 0; i < q.length; i++) {
    for (let j = 0; j < c.length; j++) {
      const s = bestFormSimilarity(q[i]!.forms, c[j]!.forms, q[i]!, c[j]!);
      if (s.score > 0) pairs.push({ qi: [i], ci: [j], s });
    }
  }
  // Joined tokens: `Yongchol` ~ `Yong Chol`, `Kimjongun` is left alone (three tokens).
  for (let i = 0; i + 1 < q.length; i++) {
    const joined = joinForms(q[i]!, q[i + 1]!);
    for (let j = 0; j < c.length; j++) {
      if (c[j]!.forms[0]!.length < 4) continue;
      const s = bestFormSimilarity(joined, c[j]!.forms, q[i]!, c[j]!);
      if (s.score >= 0.85) pairs.push({ qi: [i, i + 1], ci: [j], s: { score: s.score, how: `${s.how}, written joined` } });
    }
  }
  for (let j = 0; j + 1 < c.length; j++) {
    const joined = joinForms(c[j]!, c[j + 1]!);
    for (let i = 0; i < q.length; i++) {
      if (q[i]!.forms[0]!.length < 4) continue;
      const s = bestFormSimilarity(q[i]!.forms, joined, q[i]!, c[j]!);
      if (s.score >= 0.85) pairs.push({ qi: [i], ci: [j, j + 1], s: { score: s.score, how: `${s.how}, written joined` } });
    }
  }
  // Highest similarity first; on a tie a pair covering more tokens wins.
  pairs.sort((x, y) => y.s.score - x.s.score || y.qi.length + y.ci.length - (x.qi.length + x.ci.length));
  const usedQ = new Set<number>();
  const usedC = new Set<number>();
  const matches: TokenMatch[] = [];
  const qScore = new Array<number>(q.length).fill(0);
  const cScore = new Array<number>(c.length).fill(0);
  for (const p of pairs) {
    if (p.qi.some((i) => usedQ.has(i)) || p.ci.some((j) => usedC.has(j))) continue;
    p.qi.forEach((i) => {
      usedQ.add(i);
      qScore[i] = p.s.score;
    });
    p.ci.forEach((j) => {
      usedC.add(j);
      cScore[j] = p.s.score;
    });
    matches.push({
      q: p.qi,
      c: p.ci,
      score: p.s.score,
      how: p.s.how,
      qText: p.qi.map((i) => q[i]!.written ?? q[i]!.text).join(' '),
      cText: p.ci.map((j) => c[j]!.written ?? c[j]!.text).join(' '),
    });
  }
  const coverage = (tokens: NameToken[], scores: number[]) => {
    let total = 0;
    let got = 0;
    tokens.forEach((t, k) => {
      const w = weight(t);
      total += w;
      got += w * scores[k]!;
    });
    return total > 0 ? got / total : 0;
  };
  const qc = coverage(q, qScore);
  const cc = coverage(c, cScore);
  return {
    score: qc + cc > 0 ? (2 * qc * cc) / (qc + cc) : 0,
    queryCoverage: qc,
    candidateCoverage: cc,
    matches,
    unmatchedQuery: q.filter((_, i) => !usedQ.has(i)).map((t) => t.text),
    unmatchedCandidate: c.filter((_, j) => !usedC.has(j)).map((t) => t.text),
  };
}

/** One line per matched token pair, e.g. `yong = Yong (exact)`, `김 = KIM (transliterated (김))`. */
export function describeMatches(cmp: NameComparison): string[] {
  const lines = cmp.matches.map((m) => `${m.qText} ~ ${m.cText}: ${m.how} (${m.score.toFixed(2)})`);
  if (cmp.unmatchedQuery.length) lines.push(`not matched in the query: ${cmp.unmatchedQuery.join(' ')}`);
  if (cmp.unmatchedCandidate.length) lines.push(`not matched in the other name: ${cmp.unmatchedCandidate.join(' ')}`);
  return lines;
}

/**
 * How alike two names are (0..1) and why, across scripts, romanisations, token order and Korean
 * surname spellings. `nameSimilarity('김영철', 'KIM, Yong Chol')` is 1 with reasons per token.
 */
export function nameSimilarity(a: string, b: string): { score: number; reasons: string[] } {
  let best: NameComparison | null = null;
  for (const qa of nameVariants(a)) {
    for (const cb of nameVariants(b)) {
      const cmp = compareNameParts(qa, cb);
      if (!best || cmp.score > best.score) best = cmp;
    }
  }
  if (!best) return { score: 0, reasons: ['a name is empty'] };
  return { score: best.score, reasons: describeMatches(best) };
}
