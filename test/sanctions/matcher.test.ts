import { beforeAll, describe, expect, it } from 'vitest';
import { nameTokens } from '../../src/enrich/names.js';
import { FEATURES, scoreMatch } from '../../src/sanctions/features.js';
import { DEFAULT_THRESHOLD, SanctionsIndex, type IndexableEntry, type ScreenMatch } from '../../src/sanctions/matcher.js';
import { indexable, sharedLists } from './shared.js';

let index: SanctionsIndex;
let entries: IndexableEntry[];

beforeAll(() => {
  entries = indexable(sharedLists());
  index = SanctionsIndex.build(entries);
}, 120_000);

const ids = (ms: ScreenMatch[]) => ms.map((m) => m.entry.id);
/** The DPRK-listed KIM, Yong Chol: OFAC 12211 and 17614, UN KPi.024. */
const KIM_YONG_CHOL = ['ofac-sdn:12211', 'ofac-sdn:17614', 'un-sc:KPi.024'];

describe('the done-when screens against the full shared OFAC and UN lists', () => {
  it.each(['Kim Yong Chol', '김영철', 'Yong-chol KIM'])('"%s" returns the DPRK-listed KIM, Yong Chol first, with reasons', (q) => {
    const ms = index.screen({ name: q });
    expect(ids(ms).slice(0, 3).sort()).toEqual(KIM_YONG_CHOL);
    for (const m of ms.slice(0, 3)) {
      expect(m.score).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
      expect(m.entry.programs.some((p) => p.startsWith('DPRK'))).toBe(true);
      expect(m.reasons[0]).toContain(`"${q}" matches`);
      expect(m.reasons.some((r) => /kim: (exact|transliterated)/i.test(r))).toBe(true);
    }
  });

  it('"Korea Trading" does not return every entity with "Korea" or "Trading" in its name', () => {
    const withEither = entries.filter((e) => e.names.some((n) => nameTokens(n.name).some((t) => t === 'korea' || t === 'trading')));
    expect(withEither.length).toBeGreaterThan(100);
    const ms = index.screen({ name: 'Korea Trading' }, { limit: 1000 });
    expect(ms.length).toBeLessThanOrEqual(3);
    // What does come back carries both words as (nearly) its whole name.
    for (const m of ms) expect(m.comparison.queryCoverage).toBe(1);
  });

  it('finds Han-script and alias spellings', () => {
    expect(ids(index.screen({ name: '金英哲' })).slice(0, 3).sort()).toEqual(KIM_YONG_CHOL);
    expect(ids(index.screen({ name: 'Kim Young-Cheol' }))).toEqual(expect.arrayContaining(['ofac-sdn:12211', 'un-sc:KPi.024']));
    // The UN alias "Jin Tiesan (金铁三)" is both a pinyin and a Han name of KIM CHOL SAM.
    expect(ids(index.screen({ name: '金铁三' }))[0]).toBe('un-sc:KPi.035');
    expect(ids(index.screen({ name: 'Jin Tiesan' }))[0]).toBe('un-sc:KPi.035');
    expect(ids(index.screen({ name: 'Малькевич Александр Александрович' }))[0]).toBe('ofac-sdn:26235');
  });

  it('finds Korean surname variants: Lee Su Yong is RI, Su Yong', () => {
    const ms = index.screen({ name: 'Lee Su Yong' });
    expect(ids(ms).slice(0, 2).sort()).toEqual(['ofac-sdn:21735', 'un-sc:KPi.052']);
    expect(ms[0]!.reasons.join('\n')).toMatch(/lee ~ ri: Korean surname variant/);
  });
});

describe('no flood on common tokens', () => {
  it.each(['Kim', 'Korea', 'Trading Company', 'Kim Park', 'Mohammed', 'Bank', 'Ali Hassan'])('"%s" alone makes few or no matches', (q) => {
    expect(index.screen({ name: q }, { limit: 1000 }).length).toBeLessThanOrEqual(3);
  });
  it('another person with the same surname and a shared given-name syllable is not a match', () => {
    const ms = index.screen({ name: 'Kim Yong Nam' });
    expect(ids(ms)).not.toEqual(expect.arrayContaining(['ofac-sdn:12211']));
  });
  it('a Korean name is not a match by itself: ordinary Korean names that are not listed make no match', () => {
    for (const q of ['Kim Min-jun', 'Lee Seo-yeon', 'Park Ji-hoon', 'Choi Yu-na', 'Jung Ha-eun', '김민준', '이서연', '박지훈']) {
      expect(index.screen({ name: q }), q).toEqual([]);
    }
  });
});

describe('dates of birth, countries, identifiers and entity kind move the score', () => {
  const kimOf = (ms: ScreenMatch[], id: string) => ms.find((m) => m.entry.id === id);

  it('an agreeing date of birth raises, a disagreeing one lowers below the threshold', () => {
    const ms = index.screen({ name: 'Kim Young Chol', birth_date: '1962-02-18' });
    const un = kimOf(ms, 'un-sc:KPi.024')!;
    expect(un.contributions.find((c) => c.feature === 'dob_match')).toMatchObject({ value: 1, points: 0.1 });
    // OFAC 12211 was born circa 1946-47: a 1962 birth date rules it out.
    expect(kimOf(ms, 'ofac-sdn:12211')).toBeUndefined();
    const low = index.screen({ name: 'Kim Young Chol', birth_date: '1962-02-18' }, { threshold: 0 });
    expect(kimOf(low, 'ofac-sdn:12211')!.contributions.find((c) => c.feature === 'dob_mismatch')?.points).toBe(-0.25);
    // A year within "circa" counts half.
    const circa = index.screen({ name: 'Kim Yong Chol', birth_date: '1946-05-01' });
    expect(kimOf(circa, 'ofac-sdn:12211')!.contributions.find((c) => c.feature === 'dob_match')?.value).toBe(0.5);
  });

  it('a listed passport number corroborates; countries nudge; a person does not match a ship', () => {
    const withId = index.screen({ name: 'Kim Yong Chol', identifiers: ['472 310 168'] });
    expect(withId[0]!.entry.id).toBe('un-sc:KPi.024');
    expect(withId[0]!.reasons.join('\n')).toMatch(/identifier match \+0\.30: identifier 472310168 is listed/);
    const kp = kimOf(index.screen({ name: 'Kim Young Chol', countries: ['KP'] }, { threshold: 0 }), 'un-sc:KPi.024')!;
    const us = kimOf(index.screen({ name: 'Kim Young Chol', countries: ['US'] }, { threshold: 0 }), 'un-sc:KPi.024')!;
    expect(kp.total).toBeGreaterThan(us.total);
    expect(us.contributions.find((c) => c.feature === 'country_mismatch')?.detail).toBe('US vs listed KP');
    const ship = index.screen({ name: 'Hermann', kind: 'any' });
    expect(ship[0]?.entry.id).toBe('ofac-sdn:4234');
    expect(index.screen({ name: 'Hermann', kind: 'person' })).toEqual([]);
  });

  it('explains the score as contributions that add up to it', () => {
    for (const m of index.screen({ name: 'Kim Yong Chol', birth_date: '1962-02-18', countries: ['KP'] }, { threshold: 0, limit: 20 })) {
      const sum = m.contributions.reduce((s, c) => s + c.points, 0);
      expect(sum).toBeCloseTo(m.score, 10);
    }
  });

  it('has one weight list, each feature named and described', () => {
    expect(new Set(FEATURES.map((f) => f.name)).size).toBe(FEATURES.length);
    for (const f of FEATURES) expect(f.description.length).toBeGreaterThan(20);
    const cmp = { score: 0.4, queryCoverage: 0.4, candidateCoverage: 0.4, matches: [], unmatchedQuery: [], unmatchedCandidate: [] };
    const entry = { entity_type: 'person' as const, birth_dates: [{ date: '1962-02-18' }], countries: [], id_numbers: new Set<string>(), id_hashes: null };
    // Below the floor, a weak name is not lifted by an agreeing date of birth.
    expect(scoreMatch({ query: { name: 'x', birth_date: '1962-02-18' }, entry, name: { name: 'y', kind: 'primary' }, comparison: cmp }).score).toBe(0.4);
  });
});
