/**
 * Hangul jamo → Latin, in the four schemes names are actually written in:
 *   0 RR   Revised Romanization (South Korea, 2000): Gim Jeong-eun, Bak Jin-seong
 *   1 MR   McCune–Reischauer without breves and apostrophes: Kim Chong-un, Pak Chin-song
 *   2 DPRK North Korea's own system as the UN/OFAC lists write it: Kim Jong Un, Pak Jin Song
 *   3 PR   common practical spellings (older passports, the press): Kim Jung Eun, Park Jin Sung
 * A syllable's jamo come from Unicode arithmetic: (code − 0xAC00) = (initial × 21 + medial) × 28 + final.
 */
export const SCHEMES = ['RR', 'MR', 'DPRK', 'PR'] as const;
export type Scheme = (typeof SCHEMES)[number];

/** 19 initials: ㄱ ㄲ ㄴ ㄷ ㄸ ㄹ ㅁ ㅂ ㅃ ㅅ ㅆ ㅇ ㅈ ㅉ ㅊ ㅋ ㅌ ㅍ ㅎ; one row per scheme. */
export const INITIALS: Record<Scheme, string[]> = {
  RR: ['g', 'kk', 'n', 'd', 'tt', 'r', 'm', 'b', 'pp', 's', 'ss', '', 'j', 'jj', 'ch', 'k', 't', 'p', 'h'],
  MR: ['k', 'kk', 'n', 't', 'tt', 'r', 'm', 'p', 'pp', 's', 'ss', '', 'ch', 'tch', 'ch', 'k', 't', 'p', 'h'],
  DPRK: ['k', 'kk', 'n', 't', 'tt', 'r', 'm', 'p', 'pp', 's', 'ss', '', 'j', 'jj', 'ch', 'k', 't', 'p', 'h'],
  PR: ['k', 'kk', 'n', 'd', 'tt', 'r', 'm', 'b', 'pp', 's', 'ss', '', 'j', 'jj', 'ch', 'k', 't', 'p', 'h'],
};

/** 21 medials: ㅏ ㅐ ㅑ ㅒ ㅓ ㅔ ㅕ ㅖ ㅗ ㅘ ㅙ ㅚ ㅛ ㅜ ㅝ ㅞ ㅟ ㅠ ㅡ ㅢ ㅣ. */
export const MEDIALS: Record<Scheme, string[]> = {
  RR: ['a', 'ae', 'ya', 'yae', 'eo', 'e', 'yeo', 'ye', 'o', 'wa', 'wae', 'oe', 'yo', 'u', 'wo', 'we', 'wi', 'yu', 'eu', 'ui', 'i'],
  MR: ['a', 'ae', 'ya', 'yae', 'o', 'e', 'yo', 'ye', 'o', 'wa', 'wae', 'oe', 'yo', 'u', 'wo', 'we', 'wi', 'yu', 'u', 'ui', 'i'],
  DPRK: ['a', 'ae', 'ya', 'yae', 'o', 'e', 'yo', 'ye', 'o', 'wa', 'wae', 'oe', 'yo', 'u', 'wo', 'we', 'wi', 'yu', 'u', 'ui', 'i'],
  PR: ['a', 'ae', 'ya', 'yae', 'u', 'e', 'yu', 'ye', 'o', 'wa', 'wae', 'oi', 'yo', 'oo', 'wo', 'we', 'wi', 'yu', 'eu', 'ui', 'i'],
};

/** 28 finals (index 0 = none): ㄱ ㄲ ㄳ ㄴ ㄵ ㄶ ㄷ ㄹ ㄺ ㄻ ㄼ ㄽ ㄾ ㄿ ㅀ ㅁ ㅂ ㅄ ㅅ ㅆ ㅇ ㅈ ㅊ ㅋ ㅌ ㅍ ㅎ, as pronounced at a syllable's end. */
export const FINALS: string[] = ['', 'k', 'k', 'k', 'n', 'n', 'n', 't', 'l', 'k', 'm', 'l', 'l', 'l', 'p', 'l', 'm', 'p', 'p', 't', 't', 'ng', 't', 't', 'k', 't', 'p', 't'];

export const HANGUL_BASE = 0xac00;
export const HANGUL_LAST = 0xd7a3;
