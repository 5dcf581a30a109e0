import { describe, expect, it } from 'vitest';
import { linkRecords } from '../../src/link/pipeline.js';
import * as m from '../../src/model/index.js';
import { findingFingerprint } from '../../src/score/fingerprint.js';
import { NO_FEEDBACK, scoreAll, type FeedbackState } from '../../src/score/scorer.js';
import { combine } from '../../src/score/waterfall.js';
import { FARM_HOUSE, config, employee, functions, pay, shipment, sources } from '../link/helpers.js';

const cfg = config.score;

function finding(rule_id: string, subject: string, severity: m.Severity, fact_keys: string[], evidence: Record<string, unknown> = {}): m.Finding {
  return m.finding.parse({
    id: m.contentId(rule_id, subject, ...fact_keys),
    rule_id,
    severity,
    subject_type: 'person',
    subject_id: subject,
    summary: `${rule_id} on ${subject}`,
    evidence,
    fact_keys,
    created_at: '2024-06-01T00:00:00Z',
  });
}

const sum = (rows: Array<{ points: number }>) => rows.reduce((s, r) => s + r.points, 0);

describe('waterfall', () => {
  it('adds up exactly to the score, with diminishing returns', () => {
    const { score, explanation } = combine([
      { label: 'a', points: 40, source: 'x' },
      { label: 'b', points: 40, source: 'y' },
      { label: 'c', points: 7.5, source: 'z' },
    ]);
    expect(score).toBe(Math.round(100 * (1 - 0.6 * 0.6 * 0.925)));
    expect(sum(explanation)).toBe(score);
    expect(explanation.map((e) => e.points)).toEqual([40, 24, 3]);
  });
});

describe('person and cluster scores', () => {
  it('a married couple sharing an address and an account scores low when nothing else is wrong', () => {
    const home = { street: '12 Birch Ln', city: 'Denver', postal_code: '80202', country: 'US' };
    const a = employee('E1', 'Maria Gonzalez', { date_of_birth: '1988-02-03', home });
    const b = employee('E2', 'Luis Gonzalez', { date_of_birth: '1986-11-20', home });
    const link = linkRecords(sources({ people: [a, b], pay: [pay(a.id, '123412341234'), pay(b.id, '123412341234')] }), cfg.link, functions());
    expect(link.clusters).toHaveLength(1);
    const res = scoreAll({ subjects: [a.id, b.id], findings: [], clusters: link.clusters, feedback: NO_FEEDBACK }, cfg);
    for (const id of [a.id, b.id]) {
      expect(res.people.get(id)).toMatchObject({ score: 0, level: 'low', cluster_id: link.clusters[0]!.id });
    }
    const c = res.clusters.get(link.clusters[0]!.id)!;
    expect(c).toMatchObject({ score: 0, level: 'low' });
    expect(c.explanation.map((r) => r.detail)).toEqual(['no more than a household explains (2 sharers)', 'no more than a household explains (2 sharers)']);
  });

  it('the same fact seen by several rules counts once; independent facts add up with diminishing returns', () => {
    const p = employee('E5', 'Sam Park');
    const vpn = ['signin-ip:185.220.14.7'];
    const same = [finding('identity.vpn.astrill', p.id, 'high', vpn), finding('identity.geo.country_mismatch', p.id, 'medium', vpn), finding('network.vpn.egress', p.id, 'medium', vpn)];
    const one = scoreAll({ subjects: [p.id], findings: same.map((f) => ({ finding: f, owner: p.id })), clusters: [], feedback: NO_FEEDBACK }, cfg).people.get(p.id)!;
    expect(one.score).toBe(cfg.severity_points.high);
    expect(one.explanation).toHaveLength(1);
    expect(one.explanation[0]!.detail).toMatch(/identity\.geo\.country_mismatch, network\.vpn\.egress \(counted once\)/);

    const independent = [finding('identity.vpn.astrill', p.id, 'high', vpn), finding('endpoint.rmm.multiple_vendors', p.id, 'high', ['host:LAP1:rmm']), finding('payroll.pay.abroad', p.id, 'high', ['pay_account:abc'])];
    const three = scoreAll({ subjects: [p.id], findings: independent.map((f) => ({ finding: f, owner: p.id })), clusters: [], feedback: NO_FEEDBACK }, cfg).people.get(p.id)!;
    expect(three.score).toBe(Math.round(100 * (1 - Math.pow(1 - cfg.severity_points.high / 100, 3))));
    expect(sum(three.explanation)).toBe(three.score);
    expect(three.level).toBe('critical');
  });

  it('a person’s score takes the cluster into account without counting their own evidence twice', () => {
    const people = ['E1', 'E2', 'E3', 'E4'].map((id) => employee(id, `Worker ${id}`));
    const link = linkRecords(sources({ people, shipments: people.map((p, i) => shipment(`S${i}`, p.id, FARM_HOUSE)), pay: people.map((p) => pay(p.id, '555566667777')) }), cfg.link, functions());
    expect(link.clusters).toHaveLength(1);
    const rmm = finding('endpoint.rmm.multiple_vendors', 'person:E1', 'high', ['host:L1:rmm']);
    const res = scoreAll({ subjects: people.map((p) => p.id), findings: [{ finding: rmm, owner: 'person:E1' }], clusters: link.clusters, feedback: NO_FEEDBACK }, cfg);
    const cluster = res.clusters.get(link.clusters[0]!.id)!;
    // 4 sharers of a shipping address (2 beyond a household) and of an account, plus E1's finding.
    const addr = 2 * cfg.shared.address.per_member;
    const acct = Math.min(cfg.shared.pay_account.max, 2 * cfg.shared.pay_account.per_member);
    const rmmPart = cfg.severity_points.high * cfg.member_evidence_factor;
    expect(cluster.score).toBe(Math.round(100 * (1 - (1 - addr / 100) * (1 - acct / 100) * (1 - rmmPart / 100))));
    expect(sum(cluster.explanation)).toBe(cluster.score);

    const withoutE1 = Math.round(100 * (1 - (1 - addr / 100) * (1 - acct / 100)));
    const e1 = res.people.get('person:E1')!;
    expect(e1.explanation.map((r) => r.source)).toEqual(['endpoint.rmm.multiple_vendors', 'cluster']);
    expect(e1.score).toBe(Math.round(100 * (1 - (1 - cfg.severity_points.high / 100) * (1 - (withoutE1 * cfg.cluster_factor) / 100))));
    const e2 = res.people.get('person:E2')!;
    expect(e2.score).toBe(Math.round(cluster.score * cfg.cluster_factor));
    expect(e2.score).toBeLessThan(e1.score);
  });

  it('a benign decision suppresses that evidence until the data behind it changes', () => {
    const p = employee('E5', 'Sam Park');
    const f = finding('endpoint.rmm.anydesk', p.id, 'high', ['host:L9:anydesk'], { tool: 'AnyDesk', version: '8.0' });
    const decision: m.Feedback = { id: 'fb1', subject_type: 'finding', subject_id: f.id, decision: 'benign', reason: 'help desk laptop', decided_by: 'kim', decided_at: '2024-06-02T00:00:00Z' };
    const feedback: FeedbackState = { benign: new Map([[findingFingerprint(f), decision]]), confirmed: new Map() };
    const quiet = scoreAll({ subjects: [p.id], findings: [{ finding: f, owner: p.id }], clusters: [], feedback }, cfg).people.get(p.id)!;
    expect(quiet.score).toBe(0);
    expect(quiet.explanation).toEqual([expect.objectContaining({ points: 0, detail: 'suppressed: benign by kim on 2024-06-02: help desk laptop' })]);
    const changed = { ...f, evidence: { tool: 'AnyDesk', version: '8.0', second_tool: 'TeamViewer' } };
    expect(scoreAll({ subjects: [p.id], findings: [{ finding: changed, owner: p.id }], clusters: [], feedback }, cfg).people.get(p.id)!.score).toBe(cfg.severity_points.high);
  });
});
