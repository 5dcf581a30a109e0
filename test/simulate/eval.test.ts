/**
 * Evaluation against truth: the scoring arithmetic on documents built from truth.json, and the
 * whole pipeline on a simulated organisation — its files pass the same readers as real samples
 * with nothing set aside, and detection meets the floors docs/simulator.md sets:
 * recall >= 0.9 and precision >= 0.8 over people (flagged = high or critical).
 */
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluate, evalText, type EvalResult } from '../../src/commands/evaluator.js';
import { runScan } from '../../src/commands/scan-runner.js';
import { parseConfig } from '../../src/config/config.js';
import { SecretKey } from '../../src/config/secret.js';
import { ingestFolder } from '../../src/ingest/runner.js';
import { simulate, type SimulateSummary } from '../../src/simulate/index.js';
import type { Truth } from '../../src/simulate/truth.js';
import { silentLogger } from '../../src/util/log.js';
import { describeEachDialect, openTestStore, tempDir, type TestStore } from '../helpers/stores.js';
import { readFileSync } from 'node:fs';

export const RECALL_FLOOR = 0.9;
export const PRECISION_FLOOR = 0.8;

const key = new SecretKey(Buffer.alloc(32, 7));

/** A scan document as a perfect detector would write it, for the truth given. */
function perfectDocument(truth: Truth, everyone: string[]) {
  const positives = new Map<string, string>();
  for (const s of truth.schemes) for (const id of s.subjects) positives.set(id, s.id);
  return {
    people: everyone.map((id) => ({ person_id: id, risk_level: positives.has(id) ? 'critical' : 'low', risk_score: positives.has(id) ? 90 : 3, cluster_id: positives.has(id) && truth.schemes.find((s) => s.id === positives.get(id))!.subjects.length > 1 ? `C-${positives.get(id)}` : null })),
    clusters: truth.schemes.filter((s) => s.subjects.length > 1).map((s) => ({ cluster_id: `C-${s.id}`, person_ids: s.subjects })),
  };
}

describe('evaluate()', () => {
  const tmp = tempDir('unmask-evalfn-');
  let sim: SimulateSummary;
  let everyone: string[];
  beforeAll(async () => {
    sim = await simulate({ people: 150, seed: 'eval-fn', schemeRate: 0.08, out: tmp.dir });
    const people = readFileSync(join(tmp.dir, 'people.csv'), 'utf8').split('\n').slice(1).filter(Boolean).map((l) => l.split(',')[0]!);
    const hired = new Set(sim.truth.schemes.flatMap((s) => s.subjects));
    everyone = [...new Set([...people, ...hired])];
  }, 120_000);
  afterAll(() => tmp.remove());

  it('gives a perfect detector precision 1, recall 1 and one pure cluster per scheme', () => {
    const r = evaluate(sim.truth, perfectDocument(sim.truth, everyone));
    expect(r.people.precision).toBe(1);
    expect(r.people.recall).toBe(1);
    expect(r.people.positives).toBe(sim.truth.schemes.reduce((n, s) => n + s.subjects.length, 0));
    expect(r.clustering.one_cluster).toBe(r.clustering.multi_person_schemes);
    expect(r.clustering.pure).toBe(r.clustering.multi_person_schemes);
    expect(r.other_false_positives).toEqual([]);
  });

  it('counts misses, wrong flags, flagged look-alikes and split schemes', () => {
    const doc = perfectDocument(sim.truth, everyone);
    const farm = sim.truth.schemes.find((s) => s.subjects.length >= 3)!;
    const missed = farm.subjects[0]!;
    const split = farm.subjects[1]!;
    for (const p of doc.people) {
      if (p.person_id === missed) p.risk_level = 'medium';
      if (p.person_id === split) p.cluster_id = 'C-elsewhere';
    }
    const traveller = sim.truth.lookalikes.find((g) => g.type === 'traveller')!.subjects[0]!;
    const stranger = everyone.find((id) => !sim.truth.schemes.some((s) => s.subjects.includes(id)) && !sim.truth.lookalikes.some((g) => g.subjects.includes(id)))!;
    for (const p of doc.people) if (p.person_id === traveller || p.person_id === stranger) p.risk_level = 'high';
    const r: EvalResult = evaluate(sim.truth, doc);
    const positives = r.people.positives;
    expect(r.people.true_positives).toBe(positives - 1);
    expect(r.people.false_positives).toBe(2);
    expect(r.people.recall).toBeCloseTo((positives - 1) / positives, 3);
    expect(r.people.precision).toBeCloseTo((positives - 1) / (positives + 1), 3);
    expect(r.schemes.find((s) => s.id === farm.id)!.missed).toEqual([missed]);
    expect(r.schemes.find((s) => s.id === farm.id)!.one_cluster).toBe(false);
    expect(r.lookalikes.flagged.map((f) => f.person_id)).toEqual([traveller]);
    expect(r.lookalikes.by_type.traveller!.flagged).toBe(1);
    expect(r.other_false_positives.map((f) => f.person_id)).toEqual([stranger]);
    expect(evalText(r)).toContain(`${farm.id} ${farm.type}: ${missed}`);
  });

  it('rejects a document that is not a scan', () => {
    expect(() => evaluate(sim.truth, { people: [{ id: 'x' }] })).toThrow();
  });
});

describeEachDialect('a simulated organisation through the real pipeline', (dialect) => {
  const tmp = tempDir('unmask-evalscan-');
  let store: TestStore;
  let sim: SimulateSummary;
  beforeAll(async () => {
    store = await openTestStore(dialect);
    sim = await simulate({ people: 400, seed: 'eval-e2e', schemeRate: 0.04, out: tmp.dir });
  }, 240_000);
  afterAll(async () => {
    await store.cleanup();
    tmp.remove();
  });

  it('reads every simulated file with the same readers as real data, setting nothing aside', async () => {
    const report = await ingestFolder(store, tmp.dir, { key, log: silentLogger });
    expect(report.totals.failed_files).toBe(0);
    expect(report.totals.rejected).toBe(0);
    expect(report.totals.skipped).toBe(0);
    expect(report.totals.unmatched_people).toBe(0);
    expect(report.totals.unmatched_devices).toBe(0);
    const sources = new Set(report.files.filter((f) => f.accepted > 0).map((f) => f.source));
    for (const s of ['people', 'candidates', 'pay_accounts', 'payments', 'shipments', 'devices', 'okta', 'entra', 'google', 'osquery', 'zeek']) expect(sources, s).toContain(s);
  }, 240_000);

  it(`finds the hidden schemes with recall >= ${RECALL_FLOOR} and precision >= ${PRECISION_FLOOR}`, async () => {
    const config = parseConfig(parseYaml(readFileSync(join(tmp.dir, 'unmask.yaml'), 'utf8')));
    const scan = await runScan({ store, dir: tmp.dir, config, key, log: silentLogger });
    const r = evaluate(sim.truth, scan.document);
    expect(r.missing_in_scan).toEqual([]);
    expect(r.people.recall, evalText(r)).toBeGreaterThanOrEqual(RECALL_FLOOR);
    expect(r.people.precision, evalText(r)).toBeGreaterThanOrEqual(PRECISION_FLOOR);
    expect(r.clustering.one_cluster / Math.max(1, r.clustering.multi_person_schemes)).toBeGreaterThanOrEqual(0.5);
  }, 480_000);
});
