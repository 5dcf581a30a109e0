import { describe, expect, it } from 'vitest';
import {
  compareNameParts,
  jaroWinkler,
  nameParts,
  nameSimilarity,
  nameTokens,
  normalizeName,
  phoneticKey,
  romanFold,
  romanizations,
  sameKoreanSurname,
  surnameVariants,
  tokenSimilarity,
} from '../../src/enrich/names.js';

describe('normalizeName', () => {
  it('lower-cases, strips accents and punctuation, and puts "SURNAME, Given" in given-surname order', () => {
    expect(normalizeName('KIM, Yong Chol')).toBe('yong chol kim');
    expect(normalizeName('Yong-chol KIM')).toBe('yong chol kim');
    expect(normalizeName("  Müller-Lüdenscheidt,  Zoë ")).toBe('zoe muller ludenscheidt');
    expect(normalizeName("O'Brien, Seán")).toBe('sean obrien');
    expect(normalizeName("Kim Ch'ŏl-su")).toBe('kim chol su');
    expect(normalizeName('Łukasz Straße')).toBe('lukasz strasse');
  });
  it('does not reorder around a legal-form suffix', () => {
    expect(normalizeName('ANGLO-CARIBBEAN CO., LTD.')).toBe('anglo caribbean co ltd');
    expect(normalizeName('CIMEX, S.A.')).toBe('cimex s a');
  });
  it('keeps Hangul and Han characters whole (no jamo decomposition)', () => {
    expect(normalizeName('김정은')).toBe('김정은');
    expect(nameTokens('金 英哲')).toEqual(['金', '英哲']);
  });
});

describe('romanizations', () => {
  it('gives Kim Jong Un for 김정은 and Pak Jin Song for 박진성 among the schemes', () => {
    const kju = romanizations('김정은');
    expect(kju).toContain('Kim Jong Un'); // DPRK spelling
    expect(kju).toContain('Gim Jeong Eun'); // Revised Romanization
    expect(kju).toContain('Kim Chong Un'); // McCune-Reischauer
    expect(kju).toContain('Kim Jung Eun'); // practical
    const pjs = romanizations('박진성');
    expect(pjs).toContain('Pak Jin Song');
    expect(pjs).toContain('Park Jin Sung');
    expect(pjs).toContain('Bak Jin Seong');
  });
  it('reads Han names in Sino-Korean and in Mandarin pinyin', () => {
    const r = romanizations('金英哲');
    expect(r).toContain('Kim Yong Chol');
    expect(r).toContain('Jin Ying Zhe');
  });
  it('uses the North Korean surname spelling in the DPRK scheme and handles two-syllable surnames', () => {
    expect(romanizations('이순신')).toEqual(expect.arrayContaining(['Ri Sun Sin', 'Lee Sun Sin', 'Yi Sun Sin']));
    expect(romanizations('남궁민수')[0]).toBe('Namgung Min Su');
  });
  it('transliterates Cyrillic in BGN/PCGN, ICAO and practical forms', () => {
    expect(romanizations('Александр Малькевич')).toContain('Aleksandr Malkevich');
    expect(romanizations('Елена Хусяйнова')).toEqual(expect.arrayContaining(['Yelena Khusyaynova', 'Elena Khusiainova']));
  });
  it('returns a Latin name normalised', () => {
    expect(romanizations('KIM, Yong Chol')).toEqual(['Yong Chol Kim']);
  });
});

describe('Korean surnames', () => {
  it.each([
    ['kim', 'gim'],
    ['lee', 'yi'],
    ['lee', 'rhee'],
    ['lee', 'ri'],
    ['rhie', 'ri'],
    ['park', 'pak'],
    ['park', 'bak'],
    ['choi', 'choe'],
    ['jung', 'jeong'],
    ['chung', 'chong'],
    ['kang', 'gang'],
    ['cho', 'jo'],
    ['yoon', 'yun'],
    ['jang', 'chang'],
    ['lim', 'rim'],
    ['im', 'lim'],
    ['shin', 'sin'],
    ['oh', 'o'],
    ['seo', 'suh'],
    ['kwon', 'gwon'],
    ['ahn', 'an'],
    ['jeon', 'chon'],
    ['jun', 'jeon'],
    ['ko', 'go'],
    ['moon', 'mun'],
    ['son', 'sohn'],
    ['bae', 'pae'],
    ['baek', 'paek'],
    ['heo', 'hur'],
    ['ryu', 'yoo'],
    ['roh', 'no'],
    ['ro', 'roh'],
  ])('%s and %s are one surname', (a, b) => {
    expect(sameKoreanSurname(a, b)).toBe(true);
  });
  it('keeps different surnames apart', () => {
    expect(sameKoreanSurname('kim', 'park')).toBe(false);
    expect(sameKoreanSurname('lee', 'lim')).toBe(false);
    expect(sameKoreanSurname('smith', 'kim')).toBe(false);
  });
  it('lists the spellings of a surname given in Hangul, Hanja or Latin', () => {
    expect(surnameVariants('박')).toEqual(expect.arrayContaining(['Park', 'Pak', 'Bak']));
    expect(surnameVariants('李')).toEqual(expect.arrayContaining(['Lee', 'Yi', 'Rhee', 'Ri']));
    expect(surnameVariants('Choe')).toEqual(expect.arrayContaining(['Choi', 'Choe']));
    expect(surnameVariants('Smith')).toEqual([]);
  });
});

describe('phonetic keys and token similarity', () => {
  it('gives sound-alike spellings one Double Metaphone key', () => {
    expect(phoneticKey('Smith')).toBe(phoneticKey('Smyth'));
    expect(phoneticKey('Chol')).toBe(phoneticKey('Cheol'));
    expect(phoneticKey('Kim')).not.toBe(phoneticKey('Park'));
    expect(phoneticKey('김')).toBe(phoneticKey('Kim'));
  });
  it('folds the romanisation schemes of one syllable together', () => {
    expect(romanFold('yeong')).toBe(romanFold('young'));
    expect(romanFold('yong')).toBe(romanFold('yeong'));
    expect(romanFold('cheol')).toBe(romanFold('chul'));
    expect(romanFold('jong')).toBe(romanFold('chong'));
    expect(romanFold('kim')).not.toBe(romanFold('park'));
  });
  it('says how two tokens match', () => {
    expect(tokenSimilarity('kim', 'kim')).toEqual({ score: 1, how: 'exact' });
    expect(tokenSimilarity('lee', 'rhee').how).toBe('Korean surname variant');
    expect(tokenSimilarity('young', 'yong').how).toBe('romanisation variant');
    expect(tokenSimilarity('mohammed', 'muhammad').score).toBeGreaterThan(0.8);
    expect(tokenSimilarity('kim', 'lee').score).toBe(0);
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3);
  });
});

describe('nameSimilarity', () => {
  it('matches a name across order, hyphens, scripts and romanisations, with reasons', () => {
    for (const q of ['Yong-chol KIM', 'Kim Yongchol', '김영철', '金英哲', 'Kim Young-chul', 'KIM Yeong Cheol']) {
      const r = nameSimilarity(q, 'KIM, Yong Chol');
      expect(r.score, q).toBeGreaterThanOrEqual(0.9);
      expect(r.reasons.join('\n'), q).toMatch(/kim/i);
    }
    expect(nameSimilarity('김영철', 'KIM, Yong Chol').reasons[0]).toMatch(/김 ~ kim: transliterated/);
    expect(nameSimilarity('Lee Su Yong', 'RI, Su Yong').reasons.join('\n')).toMatch(/lee ~ ri: Korean surname variant/);
  });
  it('scores a common surname alone, or another person with the same surname, low', () => {
    expect(nameSimilarity('Kim', 'KIM, Yong Chol').score).toBeLessThan(0.6);
    expect(nameSimilarity('Kim Min Jun', 'KIM, Yong Chol').score).toBeLessThan(0.6);
    expect(nameSimilarity('Park Ji Hoon', 'PAK, Jin Song').score).toBeLessThan(0.8);
    expect(nameSimilarity('Alice Johnson', 'KIM, Yong Chol').score).toBe(0);
  });
  it('weights coverage on both sides: extra or missing parts lower the score', () => {
    const full = compareNameParts(nameParts('Kim Yong Chol'), nameParts('Kim Yong Chol'));
    const partial = compareNameParts(nameParts('Kim Yong'), nameParts('Kim Yong Chol'));
    expect(full.score).toBe(1);
    expect(partial.queryCoverage).toBe(1);
    expect(partial.candidateCoverage).toBeLessThan(1);
    expect(partial.unmatchedCandidate).toEqual(['chol']);
  });
});
