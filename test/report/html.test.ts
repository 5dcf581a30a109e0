import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/report/html.js';
import type { ScanDocument } from '../../src/report/json.js';
import { jsonFileOperand } from '../../src/cli/commands/scan.js';

const doc: ScanDocument = {
  schema_version: 1,
  generated_at: '2026-11-21T09:00:00.000Z',
  unmask_version: '0.1.0',
  scan: { run_id: 'r1', target: '/data/acme', started_at: '2026-11-21T08:59:00.000Z', finished_at: '2026-11-21T09:00:00.000Z', stats: {} },
  summary: { people: 3, candidates: 0, clusters: 1, findings: 1, by_level: { low: 1, medium: 0, high: 1, critical: 1 } },
  people: [
    {
      person_id: 'E1', kind: 'employee', full_name: 'Ann <script>alert(1)</script> Lee', records: ['person:E1'], risk_score: 78, risk_level: 'critical', cluster_id: 'C-1',
      findings: [{ finding_id: 'f1', rule_id: 'endpoint.rmm.multiple_vendors', severity: 'high', summary: 'AnyDesk & TeamViewer', evidence: { tools: ['AnyDesk', 'TeamViewer'] }, first_seen: null, last_seen: null, suppressed: null }],
      explanation: [
        { label: 'AnyDesk & TeamViewer', points: 40, source: 'endpoint.rmm.multiple_vendors', detail: null },
        { label: 'member of cluster C-1 (2 people)', points: 38, source: 'cluster', detail: 'x' },
        { label: 'Old VPN finding', points: 0, source: 'identity.signin.vpn_or_hosting', detail: 'suppressed: benign by kim' },
      ],
    },
    { person_id: 'E2', kind: 'employee', full_name: 'Bob Ray', records: ['person:E2'], risk_score: 60, risk_level: 'high', cluster_id: 'C-1', findings: [], explanation: [{ label: 'member of cluster C-1 (2 people)', points: 60, source: 'cluster', detail: null }] },
    { person_id: 'E3', kind: 'employee', full_name: 'Quiet Person', records: ['person:E3'], risk_score: 0, risk_level: 'low', cluster_id: null, findings: [], explanation: [] },
  ],
  clusters: [{ cluster_id: 'C-1', person_ids: ['E1', 'E2'], risk_score: 90, risk_level: 'critical', reasons: ['2 people share 2 bank accounts'], hubs: [{ type: 'pay_account', value: '••••1234', members: 2 }], explanation: [{ label: 'shared', points: 90, source: 'shared.pay_account', detail: null }] }],
  rules: [{ rule_id: 'endpoint.rmm.multiple_vendors', title: 'Two RMM vendors', severity: 'high', findings: 1, sources: ['LOLRMM catalog of RMM tools (magicsword-io/LOLRMM, Apache-2.0)'] }],
  data_sources: [{ name: 'DB-IP IP to City Lite', kind: 'enrichment', license: 'CC BY 4.0', attribution: 'IP Geolocation by DB-IP (https://db-ip.com), CC BY 4.0', version: '1', date: null }],
};

describe('the HTML report', () => {
  const html = renderHtml(doc);
  it('is self-contained and escapes what it shows', () => {
    expect(html).not.toMatch(/<script|<link |src=|@import/);
    expect(html).toContain('Ann &lt;script&gt;alert(1)&lt;/script&gt; Lee');
    expect(html).toContain('AnyDesk &amp; TeamViewer');
  });
  it('ranks people and clusters with their reasons, hubs, waterfall and credits', () => {
    expect(html.indexOf('id="p-E1"')).toBeLessThan(html.indexOf('id="p-E2"'));
    expect(html).not.toContain('id="p-E3"'); // low, nothing found: only counted
    expect(html).toContain('1 more people scored low with nothing found');
    expect(html).toContain('2 people share 2 bank accounts');
    expect(html).toContain('pay_account <code>••••1234</code> (2 members)');
    expect(html).toContain('<td class="num">=78</td>');
    expect(html).toContain('Old VPN finding — suppressed: benign by kim');
    expect(html).toContain('IP Geolocation by DB-IP (https://db-ip.com), CC BY 4.0 — CC BY 4.0');
    expect(html).toContain('magicsword-io/LOLRMM, Apache-2.0');
  });
});

describe('--json FILE after a command', () => {
  const isDir = (p: string) => p.startsWith('/data');
  it('reunites the global --json flag with the file it was given', () => {
    expect(jsonFileOperand(true, ['/data/acme', 'out.json'], isDir)).toEqual({ rest: ['/data/acme'], jsonFile: 'out.json' });
    expect(jsonFileOperand(true, ['out.json', '/data/acme'], isDir)).toEqual({ rest: ['/data/acme'], jsonFile: 'out.json' });
    expect(jsonFileOperand(false, ['/data/acme', undefined], isDir)).toEqual({ rest: ['/data/acme'], jsonFile: null });
    expect(jsonFileOperand(true, ['/data/acme', undefined], isDir)).toEqual({ rest: ['/data/acme'], jsonFile: null });
  });
});
