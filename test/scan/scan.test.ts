/**
 * `unmask scan` end to end on a generated organisation (src/simulate): the laptop farm hidden in it
 * becomes one cluster saying what its members share, look-alikes (a couple, agency contractors,
 * people on the corporate VPN) stay apart and low, each fact counts once, and the JSON document
 * validates against docs/output-schema.json.
 */
import { Ajv } from 'ajv';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runScan, type ScanSummary } from '../../src/commands/scan-runner.js';
import { loadConfig } from '../../src/config/config.js';
import { simulate } from '../../src/simulate/index.js';
import type { Truth } from '../../src/simulate/truth.js';
import { listFindings } from '../../src/store/repositories/records.js';
import { silentLogger } from '../../src/util/log.js';
import { key } from '../link/helpers.js';
import { describeEachDialect, openTestStore, tempDir, type TestStore } from '../helpers/stores.js';

const schema = JSON.parse(readFileSync(new URL('../../docs/output-schema.json', import.meta.url), 'utf8')) as object;

describeEachDialect('unmask scan on a generated organisation', (dialect) => {
  let store: TestStore;
  let data: ReturnType<typeof tempDir>;
  let truth: Truth;
  let scan: ScanSummary;
  beforeAll(async () => {
    data = tempDir('unmask-scan-');
    const sim = await simulate({ people: 200, seed: 'link2', schemeRate: 0.04, out: join(data.dir, 'org') });
    truth = sim.truth;
    store = await openTestStore(dialect);
    const config = loadConfig(join(data.dir, 'org', 'unmask.yaml'));
    scan = await runScan({ store, dir: join(data.dir, 'org'), config, key, log: silentLogger, json: join(data.dir, 'out.json'), html: join(data.dir, 'out.html') });
  }, 600_000);
  afterAll(async () => {
    await store?.cleanup();
    data?.remove();
  });

  it('lists every person and candidate once, and writes a document that validates against the schema', () => {
    const doc = JSON.parse(readFileSync(join(data.dir, 'out.json'), 'utf8')) as ScanSummary['document'];
    const ajv = new Ajv({ allErrors: true, strict: false });
    ajv.validate(schema, doc);
    expect(ajv.errors ?? []).toEqual([]);
    const hired = scan.document.people.filter((p) => p.records.length > 1).length;
    expect(doc.people).toHaveLength(truth.people + truth.candidates - hired);
    const ids = doc.people.map((p) => `${p.kind === 'candidate' ? 'c' : 'p'}:${p.person_id}`);
    expect(new Set(ids).size).toBe(ids.length);
    const inClusters = doc.clusters.flatMap((c) => c.person_ids);
    expect(new Set(inClusters).size).toBe(inClusters.length); // a person is in at most one cluster
    expect(readFileSync(join(data.dir, 'out.html'), 'utf8')).toContain('Data sources and credits');
  });

  it('each laptop farm becomes one cluster saying what its members share, and names its hubs', () => {
    const farms = truth.schemes.filter((s) => s.type === 'laptop_farm' || s.type === 'ipkvm_farm' || s.type === 'facilitator_employee');
    expect(farms.length).toBeGreaterThan(0);
    for (const farm of farms) {
      const cluster = scan.document.clusters.find((c) => c.person_ids.some((p) => farm.subjects.includes(p)))!;
      expect(cluster).toBeDefined();
      // Nobody outside the farm, and most of the farm.
      expect(cluster.person_ids.filter((p) => !farm.subjects.includes(p))).toEqual([]);
      expect(cluster.person_ids.length).toBeGreaterThanOrEqual(Math.ceil((farm.subjects.length * 2) / 3));
      // Paid into the facilitator's (or an LLC's) account: the cluster says so.
      if (/facilitator_account|llc_account/.test(String(farm.variant.pay))) {
        expect(cluster.reasons.join('\n')).toMatch(/people share (a bank account|\d+ bank accounts|an IBAN|\d+ IBANs)/);
        if (cluster.person_ids.length >= 3) expect(cluster.hubs.length).toBeGreaterThan(0);
      }
      expect(['high', 'critical']).toContain(cluster.risk_level);
    }
  });

  it('look-alikes stay apart: a couple with nothing else wrong scores low, agency contractors and corporate-VPN users are in no cluster', async () => {
    const byId = new Map(scan.document.people.map((p) => [p.person_id, p]));
    const schemeMembers = new Set(truth.schemes.flatMap((s) => s.subjects));
    const look = (type: string) => truth.lookalikes.filter((l) => l.type === type).flatMap((l) => l.subjects).filter((s) => !schemeMembers.has(s));
    const households = truth.lookalikes.filter((l) => l.type === 'shared_household' && !l.subjects.some((s) => schemeMembers.has(s)));
    expect(households.length).toBeGreaterThan(0);
    for (const h of households) {
      for (const s of h.subjects) {
        const p = byId.get(s)!;
        // Sharing a home (and an account) adds nothing: the score is the person's own findings.
        expect(p.explanation.filter((e) => e.source === 'cluster' || e.source.startsWith('shared.')).every((e) => e.points === 0)).toBe(true);
        if (p.findings.length === 0) expect(p.risk_level).toBe('low');
      }
    }
    for (const id of [...look('agency_contractors'), ...look('corporate_vpn')]) expect(byId.get(id)!.cluster_id).toBeNull();
  });

  it('the same fact reported by several rules counts once', async () => {
    const findings = await listFindings(store);
    const byFact = new Map<string, typeof findings>();
    for (const f of findings) for (const k of f.fact_keys) (byFact.get(`${f.subject_id}|${k}`) ?? byFact.set(`${f.subject_id}|${k}`, []).get(`${f.subject_id}|${k}`)!).push(f);
    const shared = [...byFact].filter(([, fs]) => new Set(fs.map((f) => f.rule_id)).size > 1);
    expect(shared.length).toBeGreaterThan(0); // the generated data has such facts
    for (const [subjectFact, fs] of shared) {
      const subject = subjectFact.split('|')[0]!;
      const person = scan.document.people.find((p) => p.records.includes(subject))!;
      const summaries = new Set(fs.map((f) => f.summary));
      const rows = person.explanation.filter((e) => summaries.has(e.label) && e.points > 0);
      // One row for the fact, naming the other rules as counted once.
      expect(rows.length).toBe(1);
      expect(rows[0]!.detail).toMatch(/counted once/);
    }
    for (const p of scan.document.people) expect(p.explanation.reduce((s, e) => s + e.points, 0)).toBe(p.risk_score);
  });
});
