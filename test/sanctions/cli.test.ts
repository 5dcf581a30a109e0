import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { tempDir } from '../helpers/stores.js';
import { OFAC_DIR, UN_FILE } from './shared.js';

const tmp = tempDir('unmask-sanctions-cli-');
afterAll(() => tmp.remove());
const db = join(tmp.dir, 'unmask.db');

async function run(...args: string[]): Promise<{ out: string; err: string; code: number }> {
  let out = '';
  let err = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  const spyErr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    err += String(chunk);
    return true;
  });
  const before = process.exitCode;
  process.exitCode = 0;
  try {
    await main(['node', 'unmask', '--db', db, ...args]);
  } finally {
    spy.mockRestore();
    spyErr.mockRestore();
  }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = before;
  return { out, err, code };
}

describe('unmask lists and unmask screen', () => {
  it('with no list loaded, says so and where to download each list', async () => {
    const lists = await run('lists');
    expect(lists.out).toMatch(/No sanctions list is loaded/);
    const s = await run('screen', 'Kim Yong Chol');
    expect(s.code).toBe(3);
    expect(s.out).toMatch(/No sanctions list is loaded[\s\S]*OFAC SDN list \(CSV files sdn\.csv, alt\.csv, add\.csv, sdn_comments\.csv\): https:\/\/[\s\S]*UN Security Council Consolidated List \(XML\): https:\/\/[\s\S]*OpenSanctions/);
  });

  it('lists load: auto-detects the OFAC folder and the UN XML, stores source, date and counts', async () => {
    const r = await run('lists', 'load', OFAC_DIR, UN_FILE);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/ofac-sdn: OFAC Specially Designated Nationals \(SDN\) list/);
    expect(r.out).toMatch(/7379 entries \(2994 organization, 3845 person, 323 vessel, 217 aircraft\)/);
    expect(r.out).toMatch(/un-sc: UN Security Council Consolidated List\n {2}published 2026-02-27 \(from dateGenerated attribute\)/);
    expect(r.err).toMatch(/sdn_comments\.csv:4: refers to entry 17018/);
    const shown = await run('--json', 'lists');
    const json = JSON.parse(shown.out) as { lists: Array<{ id: string; entry_count: number }> };
    expect(json.lists.map((l) => [l.id, l.entry_count])).toEqual([
      ['ofac-sdn', 7379],
      ['un-sc', 1003],
    ]);
  }, 120_000);

  it.each(['Kim Yong Chol', '김영철', 'Yong-chol KIM'])('screen "%s" returns the DPRK-listed KIM, Yong Chol with reasons', async (q) => {
    const r = await run('--json', 'screen', q, '--limit', '3');
    const json = JSON.parse(r.out) as { matches: Array<{ entry_uid: string; programs: string[]; reasons: string[]; score: number }> };
    expect(json.matches.map((m) => m.entry_uid).sort()).toEqual(['12211', '17614', 'KPi.024']);
    for (const m of json.matches) {
      expect(m.programs.join(' ')).toMatch(/DPRK/);
      expect(m.reasons.length).toBeGreaterThan(1);
    }
  }, 120_000);

  it('screen with --dob and --country ranks and explains; "Korea Trading" does not flood', async () => {
    const r = await run('screen', 'Kim Yong Chol', '--dob', '1962-02-18', '--country', 'North Korea');
    expect(r.out).toMatch(/^2 matches for "Kim Yong Chol"/);
    expect(r.out).toMatch(/dob match \+0\.10: 1962-02-18 agrees with listed 1962-02-18/);
    expect(r.out).toMatch(/country match \+0\.04: KP also listed/);
    expect(r.out).toMatch(/List data: US Treasury OFAC \(public domain\); United Nations Security Council\.$/m);
    const t = await run('--json', 'screen', 'Korea Trading', '--limit', '100');
    expect((JSON.parse(t.out) as { matches: unknown[] }).matches.length).toBeLessThanOrEqual(3);
  }, 120_000);

  it('loads FollowTheMoney JSON lines and credits OpenSanctions wherever its data shows', async () => {
    const file = join(tmp.dir, 'targets.ftm.jsonl');
    writeFileSync(file, `${JSON.stringify({ id: 'os-1', schema: 'Person', properties: { name: ['Zorvath Quillmane'], birthDate: ['1970'] } })}\n`);
    const r = await run('lists', 'load', file, '--published', '2026-03-01');
    expect(r.out).toMatch(/opensanctions: OpenSanctions \(FollowTheMoney entities\)\n {2}published 2026-03-01 \(from --published\)/);
    expect(r.out).toMatch(/data: OpenSanctions, https:\/\/www\.opensanctions\.org \(CC BY-NC 4\.0\)/);
    const s = await run('--json', 'screen', 'Quillmane, Zorvath');
    const json = JSON.parse(s.out) as { matches: Array<{ list: string; entry_uid: string }>; credits: string[] };
    expect(json.matches.map((m) => [m.list, m.entry_uid])).toEqual([['opensanctions', 'os-1']]);
    expect(json.credits).toContain('OpenSanctions, https://www.opensanctions.org (CC BY-NC 4.0)');
  }, 120_000);

  it('rejects bad options with a clear message', async () => {
    const r = await run('screen', 'x', '--dob', '18/02/1962');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/--dob must be YYYY-MM-DD/);
    const c = await run('screen', 'x', '--country', 'Atlantis');
    expect(c.err).toMatch(/--country: unknown country Atlantis/);
  }, 120_000);
});
