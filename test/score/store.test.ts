import { Ajv } from 'ajv';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { recordFeedback } from '../../src/commands/feedback-recorder.js';
import { linkStore } from '../../src/link/index.js';
import * as m from '../../src/model/index.js';
import { buildReport } from '../../src/report/json.js';
import { renderHtml } from '../../src/report/html.js';
import { scoreStore } from '../../src/score/index.js';
import { listLinks } from '../../src/store/repositories/link.js';
import * as repo from '../../src/store/repositories/records.js';
import { silentLogger } from '../../src/util/log.js';
import { FARM_HOUSE, config, employee, key } from '../link/helpers.js';
import { describeEachDialect, openTestStore, type TestStore } from '../helpers/stores.js';

const schema = JSON.parse(readFileSync(new URL('../../docs/output-schema.json', import.meta.url), 'utf8')) as object;
const ACCOUNT = '000111222333';

function finding(rule_id: string, subject: string, severity: m.Severity, fact_keys: string[], evidence: Record<string, unknown>): m.Finding {
  return m.finding.parse({ id: m.contentId(rule_id, subject), rule_id, severity, subject_type: 'person', subject_id: subject, summary: `${rule_id} fired`, evidence, fact_keys, created_at: '2024-06-01T00:00:00Z' });
}

describeEachDialect('link, score, feedback and the report over the store', (dialect) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openTestStore(dialect);
    const farm = ['E1', 'E2', 'E3', 'E4'].map((id, i) => employee(id, ['Ann Lee', 'Bob Ray', 'Cid Moe', 'Dee Fox'][i]!, { work_email: `${id.toLowerCase()}@corp.example`, home: { street: `${i + 10} Elm St`, city: 'Austin', region: 'TX', postal_code: '78701', country: 'US' } }));
    const home = { street: '12 Birch Ln', city: 'Denver', region: 'CO', postal_code: '80202', country: 'US' };
    const couple = [employee('E8', 'Maria Gonzalez', { date_of_birth: '1988-02-03', home }), employee('E9', 'Luis Gonzalez', { date_of_birth: '1986-11-20', home })];
    const hired = m.person.parse({ id: 'candidate:C1', source_id: 'C1', kind: 'candidate', full_name: 'Ann Lee', hired_person_id: 'E1', interview_flags: ['camera_refused'] });
    await repo.savePeople(store, [...farm, ...couple, hired]);
    await repo.saveShipments(store, farm.map((p, i) => m.shipment.parse({ id: `S${i}`, person_id: p.id, device_serial: `SER${i}`, address: { ...FARM_HOUSE }, shipped_at: '2024-03-02T00:00:00Z' })));
    const pa = (id: string, person: string, account: string) => m.payAccount.parse({ id, person_id: person, effective_date: '2024-03-01', method: 'direct_deposit', account: key.seal('account', account) });
    await repo.savePayAccounts(store, [pa('p1', 'person:E1', ACCOUNT), pa('p2', 'person:E2', ACCOUNT), pa('p3', 'person:E3', '999888777666'), pa('p4', 'person:E4', '999888777666'), pa('p8', 'person:E8', '555544443333'), pa('p9', 'person:E9', '555544443333')]);
    await repo.replaceFindings(store, ['endpoint.rmm.multiple_vendors', 'recruiting.interview.flags'], [
      finding('endpoint.rmm.multiple_vendors', 'person:E3', 'high', ['host:SER2:rmm'], { tools: ['AnyDesk', 'TeamViewer'] }),
      finding('recruiting.interview.flags', 'candidate:C1', 'medium', ['interview:C1'], { flags: ['camera_refused'] }),
    ]);
    await linkStore(store, config, silentLogger);
    await scoreStore(store, config, silentLogger);
  });
  afterAll(async () => store.cleanup());

  it('fills identifiers (secrets only as keyed hashes), links and one farm cluster with its reasons', async () => {
    const ids = await repo.listIdentifiers(store);
    expect(ids.filter((i) => i.type === 'pay_account').map((i) => i.display)).toContain('••••2333');
    expect(JSON.stringify(ids)).not.toContain(ACCOUNT);
    const clusters = await repo.listClusters(store);
    const farm = clusters.find((c) => c.person_ids.includes('person:E1'))!;
    expect(farm.person_ids).toEqual(['person:E1', 'person:E2', 'person:E3', 'person:E4']);
    expect(farm.reasons.some((r) => /4 people share a shipping address/.test(r))).toBe(true);
    expect(farm.reasons).toContain('4 people share 2 bank accounts');
    expect(farm.risk_level).not.toBe('low');
    const links = await listLinks(store, 'candidate:C1');
    expect(links).toEqual([expect.objectContaining({ kind: 'same_person', person_b: 'person:E1', score: 1 })]);
  });

  it('writes a document that validates against docs/output-schema.json, with the hired candidate merged', async () => {
    const doc = await buildReport(store);
    const ajv = new Ajv({ allErrors: true, strict: false });
    const valid = ajv.validate(schema, doc);
    expect(ajv.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    expect(doc.people.map((p) => p.person_id).sort()).toEqual(['E1', 'E2', 'E3', 'E4', 'E8', 'E9']);
    const e1 = doc.people.find((p) => p.person_id === 'E1')!;
    expect(e1.records).toEqual(['candidate:C1', 'person:E1']);
    expect(e1.findings.map((f) => f.rule_id)).toEqual(['recruiting.interview.flags']);
    for (const p of doc.people) expect(p.explanation.reduce((s, e) => s + e.points, 0)).toBe(p.risk_score);
    const couple = doc.people.filter((p) => p.person_id === 'E8' || p.person_id === 'E9');
    expect(couple.map((p) => p.risk_level)).toEqual(['low', 'low']);
    expect(doc.data_sources.some((d) => /DB-IP/.test(d.attribution) && d.license === 'CC BY 4.0')).toBe(true);
    const html = renderHtml(doc);
    expect(html).toContain('IP Geolocation by DB-IP');
    expect(html).toContain('4 people share 2 bank accounts');
    expect(html).not.toContain('<script');
  });

  it('a benign decision on a person suppresses their evidence until it changes, and keeps everything', async () => {
    const before = (await repo.listRiskScores(store, 'person')).find((s) => s.subject_id === 'person:E3')!;
    expect(before.score).toBeGreaterThan(40);
    const rec = await recordFeedback(store, { subject_id: 'E3', decision: 'benign', reason: 'IT staff, approved tools', decided_by: 'kim' });
    expect(rec.feedback.subject_id).toBe('person:E3');
    expect(rec.evidence).toBe(2); // the RMM finding and E3's share of the farm cluster
    await scoreStore(store, config, silentLogger);
    const after = (await repo.listRiskScores(store, 'person')).find((s) => s.subject_id === 'person:E3')!;
    expect(after.score).toBe(0);
    expect(after.explanation.every((e) => e.points === 0)).toBe(true);
    expect((await repo.listFindings(store)).length).toBe(2); // nothing deleted

    // New evidence behind the same finding: the decision no longer covers it.
    await repo.replaceFindings(store, ['endpoint.rmm.multiple_vendors'], [finding('endpoint.rmm.multiple_vendors', 'person:E3', 'high', ['host:SER2:rmm'], { tools: ['AnyDesk', 'TeamViewer', 'RustDesk'] })]);
    await scoreStore(store, config, silentLogger);
    const again = (await repo.listRiskScores(store, 'person')).find((s) => s.subject_id === 'person:E3')!;
    expect(again.score).toBe(config.score.severity_points.high);
    await expect(recordFeedback(store, { subject_id: 'nobody', decision: 'benign', reason: 'x', decided_by: 'kim' })).rejects.toThrow(/no person, cluster or finding called "nobody"/);
  });
});
