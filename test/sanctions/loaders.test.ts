import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFtm } from '../../src/sanctions/loaders/ftm.js';
import { classifyPaths, loadLists } from '../../src/sanctions/loaders/index.js';
import { loadOfac } from '../../src/sanctions/loaders/ofac.js';
import { parseRemarks } from '../../src/sanctions/loaders/ofac-remarks.js';
import { loadUn } from '../../src/sanctions/loaders/un.js';
import type { ListDraft } from '../../src/sanctions/model.js';
import { tempDir } from '../helpers/stores.js';
import { OFAC_FILES, SHARED, UN_FILE } from './shared.js';


const entry = (l: ListDraft, uid: string) => {
  const e = l.entries.find((x) => x.source_uid === uid);
  if (!e) throw new Error(`${l.id} has no entry ${uid}`);
  return e;
};

describe('OFAC SDN CSV files (the shared real copy)', () => {
  let ofac: ListDraft;
  beforeAll(() => {
    ofac = loadOfac(OFAC_FILES);
  }, 60_000);

  it('reads every sdn.csv row, by type', () => {
    expect(ofac.entries).toHaveLength(7379);
    expect(ofac.stats.by_type).toEqual({ organization: 2994, person: 3845, vessel: 323, aircraft: 217 });
    expect(ofac.entries.filter((e) => e.programs.some((p) => p.startsWith('DPRK'))).length).toBeGreaterThanOrEqual(380);
  });

  it('reads KIM, Yong Chol (12211) with the aliases from alt.csv, programme and circa dates of birth', () => {
    const e = entry(ofac, '12211');
    expect(e.entity_type).toBe('person');
    expect(e.primary_name).toBe('KIM, Yong Chol');
    expect(e.programs).toEqual(['DPRK']);
    expect(e.names.map((n) => n.name)).toEqual(['KIM, Yong Chol', 'KIM, Yong-Chol', 'KIM, Young-Chol', 'KIM, Young-Cheol', 'KIM, Young-Chul']);
    expect(e.birth_dates).toEqual([
      { date: '1947', circa: true },
      { date: '1946', circa: true },
    ]);
    expect(e.countries).toContainEqual({ code: 'KP', role: 'birth' });
  });

  it('reads the other KIM, Yong Chol (17614): exact date of birth, nationality, title', () => {
    const e = entry(ofac, '17614');
    expect(e.programs).toEqual(['DPRK2']);
    expect(e.birth_dates).toEqual([{ date: '1962-02-18' }]);
    expect(e.countries).toContainEqual({ code: 'KP', role: 'nationality' });
    expect(e.remarks).toMatch(/^Title: KOMID Representative in Iran\./);
  });

  it('splits multiple programmes and reads identifiers with their countries', () => {
    const multi = ofac.entries.find((e) => e.programs.length >= 3);
    expect(multi?.programs.every((p) => /^[A-Z0-9-]+$/.test(p))).toBe(true);
    const e = entry(ofac, '26235');
    expect(e.primary_name).toBe('MALKEVICH, Alexander Aleksandrovich');
    expect(e.birth_dates).toEqual([{ date: '1975-06-14' }]);
    expect(e.identifiers).toContainEqual({ type: 'passport', number: '717637093', country: 'RU' });
    expect(e.identifiers).toContainEqual({ type: 'national_id', number: '781005202108', country: null });
  });

  it('continues cut remarks from sdn_comments.csv (mid-word) and parses what follows', () => {
    const e = entry(ofac, '12300');
    expect(e.remarks).toContain('Linked To: PROMO RAIZ S.A.S.; Linked To: RED MUNDIAL INMOBILIARIA');
    expect(e.remarks).toMatch(/Linked To: R D I S\.A\.$/);
    expect(e.identifiers).toContainEqual({ type: 'passport', number: 'AL720622', country: 'CO' });
    expect(e.birth_dates.map((d) => d.date)).toEqual(['1965-05-13', '1968-04-13', '1964-07-07']);
  });

  it('counts comment rows for entries the list does not have, naming file and line', () => {
    expect(ofac.stats.orphans).toBe(10);
    expect(ofac.problems[0]).toEqual({ file: OFAC_FILES[3], line: 4, reason: 'refers to entry 17018, which sdn.csv does not have' });
  });

  it('keeps weak aliases from the remarks, addresses from add.csv, vessel flags and call signs', () => {
    const bnc = entry(ofac, '306');
    expect(bnc.names).toContainEqual({ name: 'NATIONAL BANK OF CUBA', kind: 'aka' });
    expect(bnc.names).toContainEqual({ name: 'BNC', kind: 'weak' });
    expect(bnc.addresses.map((a) => a.country)).toEqual(['CH', 'ES', 'JP', 'PA']);
    const vessel = entry(ofac, '4234');
    expect(vessel.entity_type).toBe('vessel');
    expect(vessel.countries).toEqual([{ code: 'CU', role: 'registration' }]);
    expect(vessel.identifiers).toEqual([{ type: 'call_sign', number: 'CL2685' }]);
  });
});

describe('OFAC remarks', () => {
  it('parses dates, places, nationality, documents and aliases', () => {
    const f = parseRemarks(
      "DOB 18 Feb 1962; alt. DOB circa 1960; alt. DOB 1955 to 1957; POB Pyongyang, North Korea; nationality Korea, North; Passport 472310168 (Korea, North) issued 2010; a.k.a. 'KIM YONG-CHOL; JR'; Gender Male.",
    );
    expect(f.birth_dates).toEqual([{ date: '1962-02-18' }, { date: '1960', circa: true }, { date: '1955', to: '1957' }]);
    expect(f.countries).toEqual(expect.arrayContaining([{ code: 'KP', role: 'birth' }, { code: 'KP', role: 'nationality' }]));
    expect(f.identifiers).toEqual([{ type: 'passport', number: '472310168', country: 'KP' }]);
    expect(f.names).toEqual([{ name: 'KIM YONG-CHOL; JR', kind: 'weak' }]);
    expect(f.gender).toBe('Male');
  });
});

describe('a malformed OFAC file', () => {
  const t = tempDir('unmask-ofac-');
  afterAll(() => t.remove());
  it('sets bad rows aside with file and line and keeps the good ones', () => {
    const sdn = join(t.dir, 'sdn.csv');
    writeFileSync(
      sdn,
      [
        '1,"GOOD ONE, Ann","individual","SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"DOB 01 Jan 1970."',
        'x,"NOT AN ID","individual","SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ',
        '3,"SHORT ROW"',
        '4,"GOOD TWO LTD.",-0- ,"DPRK3",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ',
      ].join('\n') + '\u001a',
    );
    const l = loadOfac([sdn]);
    expect(l.entries.map((e) => e.primary_name)).toEqual(['GOOD ONE, Ann', 'GOOD TWO LTD.']);
    expect(l.problems.map((p) => [p.file, p.line])).toEqual([
      [sdn, 2],
      [sdn, 3],
    ]);
    expect(l.stats.rejected).toBe(2);
  });
});

describe('UN consolidated list XML (the shared real copy)', () => {
  let un: ListDraft;
  beforeAll(() => {
    un = loadUn(UN_FILE);
  }, 60_000);

  it('reads individuals and entities and the generation date', () => {
    expect(un.entries).toHaveLength(1003);
    expect(un.stats.by_type).toEqual({ person: 730, organization: 273 });
    expect(un.published_at).toBe('2026-02-27');
    expect(un.published_from).toBe('dateGenerated attribute');
  });

  it('reads KIM YONG CHOL (KPi.024): aliases, DPRK programme, date of birth, nationality, passport', () => {
    const e = entry(un, 'KPi.024');
    expect(e.primary_name).toBe('KIM YONG CHOL');
    expect(e.programs).toEqual(['DPRK']);
    expect(e.names.map((n) => n.name)).toEqual(['KIM YONG CHOL', 'Kim Yong-Chol', 'Kim Young-Chol', 'Kim Young-Cheol', 'Young-Chul']);
    expect(e.birth_dates).toEqual([{ date: '1962-02-18' }]);
    expect(e.countries).toContainEqual({ code: 'KP', role: 'nationality' });
    expect(e.identifiers).toEqual([{ type: 'passport', number: '472310168', country: 'KP' }]);
  });

  it('reads entity aliases with their quality and original-script names', () => {
    const adf = entry(un, 'CDe.001');
    expect(adf.entity_type).toBe('organization');
    expect(adf.names).toContainEqual({ name: 'Allied Democratic Forces', kind: 'aka' });
    expect(adf.names).toContainEqual({ name: 'NALU', kind: 'fka' });
    const withHan = un.entries.find((e) => e.names.some((n) => n.name.includes('金铁三')));
    expect(withHan?.primary_name).toBe('KIM CHOL SAM');
    const arabic = un.entries.filter((e) => e.names.some((n) => n.kind === 'original_script'));
    expect(arabic.length).toBeGreaterThan(300);
  });
});

describe('FollowTheMoney entity JSON lines', () => {
  const t = tempDir('unmask-ftm-');
  afterAll(() => t.remove());
  it('loads persons, organisations and vessels, attaches Sanction programmes, skips other schemata and bad lines', async () => {
    const file = join(t.dir, 'entities.ftm.json');
    const lines = [
      { id: 'os-kim', schema: 'Person', properties: { name: ['Kim Yong Chol'], alias: ['김영철'], birthDate: ['1962-02-18'], nationality: ['kp'], passportNumber: ['472310168'], topics: ['sanction'] }, last_change: '2025-06-01T10:00:00' },
      { id: 'os-komid', schema: 'Company', properties: { name: ['Korea Mining Development Trading Corporation'], weakAlias: ['KOMID'], country: ['kp'] }, last_change: '2025-07-02T10:00:00' },
      { id: 'os-ship', schema: 'Vessel', properties: { name: ['CHON MA SAN'], imoNumber: ['8660313'], flag: ['kp'] } },
      { id: 'os-addr', schema: 'Address', properties: { full: ['Pyongyang'] } },
      { id: 'os-sanc', schema: 'Sanction', properties: { entity: ['os-kim'], program: ['DPRK2'] } },
    ].map((x) => JSON.stringify(x));
    writeFileSync(file, [...lines.slice(0, 2), '{not json', ...lines.slice(2)].join('\n'));
    const l = await loadFtm([file]);
    expect(l.entries.map((e) => [e.source_uid, e.entity_type])).toEqual([
      ['os-kim', 'person'],
      ['os-komid', 'organization'],
      ['os-ship', 'vessel'],
    ]);
    const kim = l.entries[0]!;
    expect(kim.names).toEqual([
      { name: 'Kim Yong Chol', kind: 'primary' },
      { name: '김영철', kind: 'aka' },
    ]);
    expect(kim.programs).toEqual(['DPRK2']);
    expect(kim.birth_dates).toEqual([{ date: '1962-02-18' }]);
    expect(kim.countries).toEqual([{ code: 'KP', role: 'nationality' }]);
    expect(kim.identifiers).toEqual([{ type: 'passport', number: '472310168' }]);
    expect(l.entries[1]!.names[1]).toEqual({ name: 'KOMID', kind: 'weak' });
    expect(l.entries[2]!.identifiers).toEqual([{ type: 'imo', number: '8660313' }]);
    expect(l.published_at).toBe('2025-07-02');
    expect(l.stats.skipped).toBe(1);
    expect(l.problems).toHaveLength(1);
    expect(l.problems[0]).toMatchObject({ file, line: 3 });
  });
});

describe('format detection', () => {
  const t = tempDir('unmask-lists-');
  afterAll(() => t.remove());
  it('groups OFAC files, recognises the UN XML by its root and FtM by extension, and names what it cannot read', async () => {
    const c = classifyPaths([join(SHARED, 'ofac'), UN_FILE]);
    expect(c.ofac.get('ofac-sdn')?.map((f) => f.split('/').pop()).sort()).toEqual(['add.csv', 'alt.csv', 'sdn.csv', 'sdn_comments.csv']);
    expect(c.un).toEqual([UN_FILE]);
    const odd = join(t.dir, 'notes.txt');
    writeFileSync(odd, 'hello');
    expect(() => classifyPaths([odd])).toThrow(/notes\.txt: not a recognised sanctions list/);
    expect(() => classifyPaths([t.dir + '/missing'])).toThrow(/no such file/);
    // Upper-case file names as OFAC serves them work too.
    copyFileSync(OFAC_FILES[0]!, join(t.dir, 'SDN.CSV'));
    const lists = await loadLists([join(t.dir, 'SDN.CSV')], { published: '2026-01-15' });
    expect(lists).toHaveLength(1);
    expect(lists[0]!.published_at).toBe('2026-01-15');
    expect(lists[0]!.entries).toHaveLength(7379);
  }, 60_000);
});
