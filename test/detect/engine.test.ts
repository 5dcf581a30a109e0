import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/config/config.js';
import { allRules } from '../../src/detect/catalog.js';
import { DetectData, toPersonKey } from '../../src/detect/data.js';
import { toPersonSignIns } from '../../src/detect/define.js';
import { findingId, runDetection, validateDetectConfig } from '../../src/detect/engine.js';
import type { Rule } from '../../src/detect/rule.js';
import { enrichStore } from '../../src/enrich/stage.js';
import { signInsByPerson } from '../../src/store/repositories/detect.js';
import * as repo from '../../src/store/repositories/records.js';
import { silentLogger } from '../../src/util/log.js';
import { describeEachDialect, openTestStore } from '../helpers/stores.js';
import { IP, config, person, seed, series, signIns } from './fixtures.js';

const VPN = 'identity.signin.vpn_or_hosting';
const COUNTRY = 'identity.signin.country_mismatch';

/** Five people: E1 on a VPN half the time, E2 in Korea, the others at home in the US. */
function dataset() {
  const people = ['E1', 'E2', 'E3', 'E4', 'E5'].map((id) => person(id));
  const s = [
    ...signIns('person:E1', IP.mullvad, series('2025-03-01T15:00:00Z', 12, 24)),
    ...signIns('person:E1', IP.usFairfield, series('2025-03-01T16:00:00Z', 12, 24)),
    ...signIns('person:E2', IP.krSeoul, series('2025-02-01T01:00:00Z', 40, 24)),
    ...['E3', 'E4', 'E5'].flatMap((id) => signIns(`person:${id}`, IP.usSpokane, series('2025-02-01T17:00:00Z', 30, 24))),
    // A failed sign-in from abroad: someone else's attempt, not the worker's whereabouts.
    ...signIns('person:E3', IP.cnShanghai, ['2025-03-05T03:00:00Z'], { outcome: 'failure' }),
  ];
  return { people, signIns: s };
}

describeEachDialect('detection engine', (dialect) => {
  it('re-running replaces findings instead of adding duplicates; ids are stable, runs are stamped', async () => {
    const store = await openTestStore(dialect);
    try {
      await seed(store, dataset());
      const cfg = config();
      await enrichStore(store, cfg, silentLogger);
      const first = await runDetection(store, cfg, { log: silentLogger, ruleIds: [VPN, COUNTRY] });
      const a = await repo.listFindings(store);
      const second = await runDetection(store, cfg, { log: silentLogger, ruleIds: [VPN, COUNTRY] });
      const b = await repo.listFindings(store);
      expect(a.map((f) => f.subject_id).sort()).toEqual(['person:E1', 'person:E2']);
      expect(b.map((f) => f.id).sort()).toEqual(a.map((f) => f.id).sort());
      expect(b.every((f) => f.run_id === second.run_id)).toBe(true);
      expect(second.run_id).not.toBe(first.run_id);
      const vpn = b.find((f) => f.rule_id === VPN)!;
      expect(vpn.id).toBe(findingId(VPN, { subject_type: 'person', subject_id: 'person:E1' }));
      // Data-relative now: the latest observation, not the wall clock.
      expect(first.now).toBe('2025-03-12T16:00:00.000Z');
    } finally {
      await store.cleanup();
    }
  }, 60_000);

  it('configuration: severity and parameter overrides, disabled rules lose their old findings', async () => {
    const store = await openTestStore(dialect);
    try {
      await seed(store, dataset());
      await enrichStore(store, config(), silentLogger);
      await runDetection(store, config({ detect: { rules: { [VPN]: { severity: 'critical' } } } }), { log: silentLogger, ruleIds: [VPN, COUNTRY] });
      expect((await repo.listFindings(store)).find((f) => f.rule_id === VPN)!.severity).toBe('critical');
      await runDetection(store, config({ detect: { rules: { [VPN]: { params: { min_signins: 50 } } } } }), { log: silentLogger, ruleIds: [VPN] });
      expect((await repo.listFindings(store)).filter((f) => f.rule_id === VPN)).toHaveLength(0);
      const report = await runDetection(store, config({ detect: { disabled_rules: [COUNTRY] } }), { log: silentLogger, ruleIds: [VPN, COUNTRY] });
      expect(report.disabled).toEqual([COUNTRY]);
      expect((await repo.listFindings(store)).map((f) => f.rule_id)).toEqual([VPN]);
    } finally {
      await store.cleanup();
    }
  }, 60_000);

  it('exemptions apply until their expiry date, then the finding returns', async () => {
    const store = await openTestStore(dialect);
    try {
      await seed(store, dataset());
      await enrichStore(store, config(), silentLogger);
      const cfg = config({ detect: { exemptions: [{ rule: VPN, subject: 'E1', reason: 'travels with the company VPN down', expires: '2025-06-30' }] } });
      const during = await runDetection(store, cfg, { log: silentLogger, ruleIds: [VPN], today: new Date('2025-06-30T12:00:00Z') });
      expect(during.rules[0]).toMatchObject({ id: VPN, findings: 0, exempted: 1 });
      const after = await runDetection(store, cfg, { log: silentLogger, ruleIds: [VPN], today: new Date('2025-07-01T12:00:00Z') });
      expect(after.rules[0]).toMatchObject({ id: VPN, findings: 1, exempted: 0 });
    } finally {
      await store.cleanup();
    }
  }, 60_000);

  it('without enrichment, rules fall back on the identity provider\'s own geolocation (Okta writes country names)', async () => {
    const store = await openTestStore(dialect);
    try {
      const s = signIns('person:E1', '198.18.0.9', series('2025-02-01T01:00:00Z', 20, 24), { vendor_country: 'South Korea', vendor_lat: 37.57, vendor_lon: 126.98 });
      await seed(store, { people: [person('E1')], signIns: s });
      await runDetection(store, config(), { log: silentLogger, ruleIds: [COUNTRY] });
      const [f] = await repo.listFindings(store);
      expect(f!.evidence.signins_by_country).toEqual({ KR: 20 });
    } finally {
      await store.cleanup();
    }
  });

  it('a failing rule keeps its earlier findings and reports the error', async () => {
    const store = await openTestStore(dialect);
    try {
      let fail = false;
      const flaky: Rule = {
        meta: { id: 'test.engine.flaky', title: 't', description: 'd', rationale: 'r', sources: ['s'], severity: 'low', data_needed: ['x'], false_positives: ['f'], params: {} },
        async run() {
          if (fail) throw new Error('boom');
          return [{ subject_type: 'person', subject_id: 'person:E1', summary: 'seen', evidence: {}, fact_keys: ['k'] }];
        },
      };
      await runDetection(store, config(), { log: silentLogger, rules: [flaky] });
      fail = true;
      const report = await runDetection(store, config(), { log: silentLogger, rules: [flaky] });
      expect(report.rules[0]!.error).toBe('boom');
      expect((await repo.listFindings(store)).map((f) => f.rule_id)).toEqual(['test.engine.flaky']);
    } finally {
      await store.cleanup();
    }
  });

  it('the shared sign-in pass gives the same findings as each rule alone, across page boundaries', async () => {
    const store = await openTestStore(dialect);
    try {
      await seed(store, dataset());
      const cfg = config();
      await enrichStore(store, cfg, silentLogger);
      // Pages of 7 rows split people across pages; grouping must still be per person and in time order.
      const groups = [];
      for await (const g of signInsByPerson(store, 7)) groups.push(g);
      expect(groups.map((g) => g.personId)).toEqual(['person:E1', 'person:E2', 'person:E3', 'person:E4', 'person:E5']);
      expect(groups.map((g) => g.rows.length)).toEqual([24, 40, 30, 30, 30]);
      for (const g of groups) expect(g.rows.map((r) => r.occurred_at)).toEqual([...g.rows.map((r) => r.occurred_at)].sort());
      const data = await new DetectData(store, cfg).load();
      const ctx = { store, config: cfg, now: new Date('2025-03-12T16:00:00Z'), log: silentLogger, runId: 'r', data, priorFindings: async () => [] };
      for (const id of [VPN, COUNTRY]) {
        const rule = allRules().find((r) => r.meta.id === id)!;
        const params = Object.fromEntries(Object.entries(rule.meta.params).map(([k, p]) => [k, p.default]));
        const alone = await rule.run({ ...ctx, params });
        const shared = groups.flatMap((g) => rule.perPerson!({ ...ctx, params }, toPersonSignIns(data, g)));
        expect(shared).toEqual(alone);
        expect(alone.length).toBe(1);
      }
    } finally {
      await store.cleanup();
    }
  }, 60_000);
});

describe('detect configuration', () => {
  const rules = allRules();
  const tools = new Set(['teamviewer', 'anydesk']);
  const problems = (raw: unknown): string => {
    try {
      validateDetectConfig(parseConfig(raw), rules, tools);
      return '';
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      return (e as Error).message;
    }
  };

  it('names every bad key: unknown rules, parameters, types and tools', () => {
    const msg = problems({
      detect: {
        disabled_rules: ['identity.signin.nope'],
        rules: { [VPN]: { params: { min_signins: 'five', window: 3 } }, 'endpoint.rmm.gone': { enabled: false } },
        exemptions: [{ rule: 'x.y', subject: 'E1', reason: 'r', expires: '2030-01-01' }],
        approved_remote_access_tools: ['teamviewer', { tool: 'anydeskk' }],
      },
    });
    expect(msg).toContain('detect.disabled_rules[0]: unknown rule "identity.signin.nope"');
    expect(msg).toContain(`detect.rules.${VPN}.params.min_signins: expected a number, got "five"`);
    expect(msg).toContain(`detect.rules.${VPN}.params.window: unknown parameter (known: window_days, min_signins, min_share)`);
    expect(msg).toContain('detect.rules.endpoint.rmm.gone: unknown rule');
    expect(msg).toContain('detect.exemptions[0].rule: unknown rule "x.y"');
    expect(msg).toContain('detect.approved_remote_access_tools[1]: unknown tool "anydeskk"');
    expect(problems({ detect: { rules: { [VPN]: { severity: 'high', params: { min_share: 0.5 } } }, approved_remote_access_tools: [{ tool: 'anydesk', departments: ['IT'] }] } })).toBe('');
  });

  it('rejects malformed sections at load, naming the key', () => {
    const bad = (raw: unknown) => {
      try {
        parseConfig(raw, 'unmask.yaml');
        return '';
      } catch (e) {
        return (e as Error).message;
      }
    };
    expect(bad({ detect: { exemptions: [{ rule: VPN, subject: 'E1', reason: 'r', expires: 'next week' }] } })).toContain('unmask.yaml: detect.exemptions[0].expires: expires must be a date (YYYY-MM-DD)');
    expect(bad({ detect: { exemptions: [{ rule: VPN, subject: 'E1', expires: '2030-01-01' }] } })).toContain('detect.exemptions[0].reason');
    expect(bad({ detect: { rules: { [VPN]: { severity: 'severe' } } } })).toContain(`detect.rules.${VPN}.severity`);
    expect(bad({ detect: { allowlist: [] } })).toMatch(/detect: .*\(allowlist\)/);
    expect(bad({ detect: { approved_remote_access_tools: [{ tool: 'anydesk', team: 'x' }] } })).toContain('detect.approved_remote_access_tools[0]');
  });

  it('accepts a bare HR id or a person key in exemptions', () => {
    expect(toPersonKey('E1')).toBe('person:E1');
    expect(toPersonKey('candidate:C1')).toBe('candidate:C1');
  });
});
