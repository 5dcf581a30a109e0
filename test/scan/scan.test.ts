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
    let multiRule = 0;
    const bySubject = new Map<string, typeof findings>();
    for (const f of findings) (bySubject.get(f.subject_id) ?? bySubject.set(f.subject_id, []).get(f.subject_id)!).push(f);
    for (const [subject, fs] of bySubject) {
      // Findings that share a fact, directly or through another finding, are one piece of evidence.
      const group = fs.map((_, i) => i);
      const root = (i: number): number => (group[i] === i ? i : (group[i] = root(group[i]!)));
      const seen = new Map<string, number>();
      fs.forEach((f, i) => f.fact_keys.forEach((k) => (seen.has(k) ? (group[root(i)] = root(seen.get(k)!)) : seen.set(k, i))));
      const groups = new Map<number, typeof fs>();
      fs.forEach((f, i) => (groups.get(root(i)) ?? groups.set(root(i), []).get(root(i))!).push(f));
      const person = scan.document.people.find((p) => p.records.includes(subject));
      if (!person) continue; // a device nobody is assigned to
      for (const g of groups.values()) {
        if (g.some((f) => person.findings.find((x) => x.finding_id === f.id)?.suppressed)) continue;
        const summaries = new Set(g.map((f) => f.summary));
        const rows = person.explanation.filter((e) => summaries.has(e.label) && e.source !== 'cluster');
        expect(rows.length).toBe(1);
        if (new Set(g.map((f) => f.rule_id)).size > 1) {
          multiRule++;
          expect(rows[0]!.detail).toMatch(/counted once/);
        }
      }
    }
    expect(multiRule).toBeGreaterThan(0); // the generated data has facts several rules report
    for (const p of scan.document.people) expect(p.explanation.reduce((s, e) => s + e.points, 0)).toBe(p.risk_score);
  });
});
