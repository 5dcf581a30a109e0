import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDetection } from '../../src/detect/engine.js';
import { rule } from '../../src/detect/rules/sanctions/match.js';
import * as m from '../../src/model/index.js';
import { loadIndex } from '../../src/sanctions/screening.js';
import type { ListDraft } from '../../src/sanctions/model.js';
import { addFeedback, listFindings, savePeople } from '../../src/store/repositories/records.js';
import { deleteList, entryId, getEntry, listEntries, listLists, saveList } from '../../src/store/repositories/sanctions.js';
import { silentLogger, type Logger } from '../../src/util/log.js';
import { candidate, config, payAccount, person, seed, shipment } from '../detect/fixtures.js';
import { describeEachDialect, openTestStore, type TestStore } from '../helpers/stores.js';
import { sharedLists } from './shared.js';

let lists: ListDraft[];
beforeAll(() => {
  lists = sharedLists();
}, 120_000);

const detect = async (store: TestStore, log: Logger = silentLogger) => {
  const report = await runDetection(store, config(), { log, ruleIds: [rule.meta.id], rules: [rule] });
  const failed = report.rules.find((r) => r.error);
  if (failed) throw new Error(`${failed.id}: ${failed.error}`);
  return (await listFindings(store)).filter((f) => f.rule_id === rule.meta.id);
};

const feedback = (over: Partial<m.Feedback>): m.Feedback =>
  m.feedback.parse({ id: `fb-${Math.random()}`, decision: 'benign', reason: 'checked: different person', decided_by: 'analyst', decided_at: new Date().toISOString(), ...over });

describeEachDialect('sanctions lists in the store', (dialect) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openTestStore(dialect);
    for (const l of lists) await saveList(store, l);
  }, 120_000);
  afterAll(async () => store.cleanup());

  it('stores each list with its source, publication date, counts and stats', async () => {
    const stored = await listLists(store);
    expect(stored.map((l) => [l.id, l.source, l.entry_count, l.format])).toEqual([
      ['ofac-sdn', 'ofac-sdn', 7379, 'ofac-csv'],
      ['un-sc', 'un-sc', 1003, 'un-xml'],
    ]);
    expect(stored[1]!.published_at).toBe('2026-02-27');
    expect(stored[0]!.stats?.orphans).toBe(10);
    expect(stored[0]!.file_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('round-trips entries exactly', async () => {
    const un = lists[1]!.entries.find((e) => e.source_uid === 'KPi.024')!;
    const got = await getEntry(store, entryId('un-sc', 'KPi.024'));
    expect(got).toEqual({ ...un, id: entryId('un-sc', 'KPi.024'), list_id: 'un-sc' });
    expect((await listEntries(store, ['un-sc'])).length).toBe(1003);
  });

  it('replaces a list on reload and removes it on request', async () => {
    await saveList(store, lists[1]!, new Date('2030-01-01T00:00:00Z'));
    const stored = await listLists(store);
    expect(stored.find((l) => l.id === 'un-sc')?.loaded_at).toBe('2030-01-01T00:00:00.000Z');
    expect((await listEntries(store)).length).toBe(7379 + 1003);
    const small: ListDraft = { ...lists[1]!, id: 'un-sc-copy', entries: lists[1]!.entries.slice(0, 2) };
    await saveList(store, small);
    expect(await deleteList(store, 'un-sc-copy')).toBe(true);
    expect(await deleteList(store, 'un-sc-copy')).toBe(false);
    expect((await listEntries(store)).length).toBe(7379 + 1003);
  });

  it('builds the screening index from the stored lists', async () => {
    const loaded = await loadIndex(store);
    expect(loaded?.index.size).toBe(8382);
    const ms = loaded!.index.screen({ name: 'Yong-chol KIM' });
    expect(ms.slice(0, 3).map((x) => x.entry.source_uid).sort()).toEqual(['12211', '17614', 'KPi.024']);
  });
});

describeEachDialect('sanctions.match', (dialect) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openTestStore(dialect);
    for (const l of lists) await saveList(store, l);
    await seed(store, {
      people: [
        person('E1', { full_name: 'Yong-chol Kim', date_of_birth: '1962-02-18' }),
        person('E2', { full_name: 'Kim Min-jun' }),
        person('E3', { full_name: 'Jane Doe' }),
        person('E4', { full_name: 'Ri Su Yong' }),
        candidate('C1', { full_name: '김영철' }),
      ],
      payAccounts: [payAccount('person:E3', '2025-01-06', { account_holder: 'Korea Kwangson Banking Corp.', bank_country: 'CN' })],
      shipments: [shipment('S1', 'person:E4', { street: '1 Main St', city: 'Dandong', country: 'CN' })],
    });
  }, 120_000);
  afterAll(async () => store.cleanup());

  it('screens people, candidates, pay-account holders and shipping recipients, with reasons', async () => {
    const f = await detect(store);
    const bySubject = (id: string) => f.filter((x) => x.subject_id === id);
    // E1 was born 1962-02-18: the KOMID representative (UN KPi.024, OFAC 17614), not the OFAC 12211 born circa 1947.
    expect(bySubject('person:E1').map((x) => x.evidence.entry_uid).sort()).toEqual(['17614', 'KPi.024']);
    const e1 = bySubject('person:E1').find((x) => x.evidence.entry_uid === 'KPi.024')!;
    expect(e1.severity).toBe('critical');
    expect(e1.summary).toMatch(/^Name "Yong-chol Kim" matches un-sc entry KIM YONG CHOL \(DPRK\)/);
    expect((e1.evidence.reasons as string[]).join('\n')).toMatch(/dob match \+0\.10: 1962-02-18 agrees with listed 1962-02-18/);
    expect(bySubject('candidate:C1').map((x) => x.evidence.entry_uid).sort()).toEqual(['12211', '17614', 'KPi.024']);
    const holder = bySubject('person:E3');
    expect(holder.map((x) => [x.evidence.role, x.evidence.entry_uid])).toEqual([['pay_account_holder', '11581']]);
    expect(holder[0]!.summary).toMatch(/^Pay-account holder "Korea Kwangson Banking Corp\." matches ofac-sdn entry KOREA KWANGSON BANKING CORP/);
    const e4 = bySubject('person:E4');
    expect(e4.map((x) => x.evidence.role)).toEqual(['shipping_recipient', 'shipping_recipient']);
    expect(bySubject('person:E2')).toEqual([]);
  });

  it('remembers a benign decision on a finding until the data changes', async () => {
    const before = await detect(store);
    const target = before.find((x) => x.subject_id === 'person:E1' && x.evidence.entry_uid === 'KPi.024')!;
    await addFeedback(store, feedback({ subject_type: 'finding', subject_id: target.id }));
    const after = await detect(store);
    expect(after.map((x) => x.id)).not.toContain(target.id);
    expect(after.length).toBe(before.length - 1);
    // Still suppressed on the run after (the decision, not the last run's findings, carries it).
    expect((await detect(store)).map((x) => x.id)).not.toContain(target.id);
    // E1's home moves: the facts behind the match changed, so it is shown again, under a new id.
    await savePeople(store, [person('E1', { full_name: 'Yong-chol Kim', date_of_birth: '1962-02-18', home: { city: 'Toronto', country: 'CA' } })]);
    const changed = await detect(store);
    const again = changed.find((x) => x.subject_id === 'person:E1' && x.evidence.entry_uid === 'KPi.024');
    expect(again).toBeDefined();
    expect(again!.id).not.toBe(target.id);
  });

  it('remembers a benign decision on the person with the match fingerprint; a later confirmation undoes it', async () => {
    const before = await detect(store);
    const target = before.find((x) => x.subject_id === 'candidate:C1' && x.evidence.entry_uid === '12211')!;
    const fp = target.evidence.match_fingerprint as string;
    await addFeedback(store, feedback({ subject_type: 'person', subject_id: 'candidate:C1', evidence_fingerprint: fp, decided_at: '2026-01-01T00:00:00Z' }));
    const after = await detect(store);
    expect(after.filter((x) => x.subject_id === 'candidate:C1').map((x) => x.evidence.entry_uid).sort()).toEqual(['17614', 'KPi.024']);
    await addFeedback(store, feedback({ subject_type: 'person', subject_id: 'candidate:C1', evidence_fingerprint: fp, decision: 'confirmed', decided_at: '2026-02-01T00:00:00Z' }));
    expect((await detect(store)).some((x) => x.id === target.id)).toBe(true);
  });
});

describe('sanctions.match without a loaded list', () => {
  it('screens nothing and says where to get a list', async () => {
    const store = await openTestStore('sqlite');
    try {
      await seed(store, { people: [person('E1', { full_name: 'Kim Yong Chol' })] });
      const warnings: string[] = [];
      const log: Logger = { ...silentLogger, warn: (msg) => warnings.push(msg) };
      expect(await detect(store, log)).toEqual([]);
      expect(warnings.join('\n')).toMatch(/no sanctions list is loaded[\s\S]*unmask lists load[\s\S]*OFAC SDN[\s\S]*UN Security Council[\s\S]*OpenSanctions/);
    } finally {
      await store.cleanup();
    }
  });
});
