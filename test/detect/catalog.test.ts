/**
 * The catalog lint: one small check per property, like pySigma's validators. Every rule has a
 * unique lowercase dotted id, complete metadata, a file whose path mirrors its id, and both a
 * firing and a silent test; docs/rules.md matches the catalog; the reference catalogs load.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allRules } from '../../src/detect/catalog.js';
import { renderRulesMarkdown } from '../../src/detect/docs.js';
import { ipKvmCatalog } from '../../src/detect/reference/ip-kvm.js';
import { keepAwakeCatalog } from '../../src/detect/reference/keep-awake.js';
import { parseCatalog } from '../../src/detect/reference/load.js';
import { builtinTools, toolCatalogFileSchema } from '../../src/detect/reference/remote-access-tools.js';
import { SEVERITIES } from '../../src/model/values.js';

const ROOT = resolve(import.meta.dirname, '../..');
const RULES_DIR = join(ROOT, 'src/detect/rules');
const rules = allRules();

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

/** `endpoint.rmm.multiple_vendors` → src/detect/rules/endpoint/rmm-multiple-vendors.ts */
const pathFor = (id: string) => {
  const [family, ...rest] = id.split('.');
  return join(RULES_DIR, family!, `${rest.join('-').replace(/_/g, '-')}.ts`);
};

const testSources = files(join(ROOT, 'test')).map((f) => readFileSync(f, 'utf8'));
const detectTests = files(join(ROOT, 'test/detect')).map((f) => readFileSync(f, 'utf8')).join('\n');

describe('rule catalog lint', () => {
  it('has at least 30 rules with unique, lowercase dotted ids', () => {
    expect(rules.length).toBeGreaterThanOrEqual(30);
    const ids = rules.map((r) => r.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9_]+(\.[a-z0-9_]+)+$/);
  });

  it.each(rules.map((r) => [r.meta.id, r] as const))('%s has complete metadata', (_id, r) => {
    const m = r.meta;
    for (const k of ['title', 'description', 'rationale'] as const) expect(m[k].trim().length, k).toBeGreaterThan(10);
    expect(m.sources.length).toBeGreaterThan(0);
    expect(m.data_needed.length).toBeGreaterThan(0);
    expect(m.false_positives.length).toBeGreaterThan(0);
    expect(SEVERITIES).toContain(m.severity);
    for (const [name, p] of Object.entries(m.params)) {
      expect(name).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(p.description.length, name).toBeGreaterThan(5);
      expect(p.default, name).not.toBeUndefined();
    }
    for (const a of m.attack ?? []) expect(a).toMatch(/^T\d{4}(\.\d{3})?$/);
    expect(['identity', 'endpoint', 'network', 'hr', 'payroll', 'recruiting', 'sanctions']).toContain(m.id.split('.')[0]);
  });

  it.each(rules.map((r) => [r.meta.id, r] as const))('%s lives in the file its id names', async (id, r) => {
    const mod = (await import(pathFor(id))) as { rule: unknown };
    expect(mod.rule, relative(ROOT, pathFor(id))).toBe(r);
  });

  it('has no rule file outside the catalog', () => {
    const expected = new Set(rules.map((r) => pathFor(r.meta.id)));
    expect(files(RULES_DIR).filter((f) => !expected.has(f)).map((f) => relative(ROOT, f))).toEqual([]);
  });

  it.each(rules.map((r) => [r.meta.id] as const))('%s has a firing and a silent test', (id) => {
    if (id.startsWith('sanctions.')) {
      // Owned and tested by the sanctions area (test/sanctions), against the real lists.
      expect(testSources.some((s) => s.includes('rules/sanctions/match.js') && s.includes('runDetection'))).toBe(true);
      return;
    }
    // The rule's own describe block (`describe('<id>', ...)`) holds both kinds of test.
    const block = detectTests.split(/\bdescribe\(/).find((b) => b.startsWith(`'${id}'`));
    expect(block, `a describe block for ${id}`).toBeDefined();
    expect(block).toContain('firesIt(id');
    expect(block).toContain('silentIt(id');
  });

  it('docs/rules.md is generated from the current catalog (run `npm run docs:rules`)', () => {
    expect(readFileSync(join(ROOT, 'docs/rules.md'), 'utf8')).toBe(renderRulesMarkdown(rules));
  });
});

describe('reference catalogs', () => {
  it('the remote-access tool catalog has at least 40 tools with names to match', () => {
    const tools = builtinTools();
    expect(tools.length).toBeGreaterThanOrEqual(40);
    for (const t of tools) {
      const names = [t.windows, t.darwin, t.linux].flatMap((p) => [...p.processes, ...p.programs, ...p.apps, ...p.bundle_ids, ...p.packages]);
      expect(names.length, t.id).toBeGreaterThan(0);
    }
    for (const id of ['anydesk', 'teamviewer', 'chrome_remote_desktop', 'rustdesk', 'splashtop', 'logmein', 'goto_resolve', 'screenconnect', 'realvnc', 'tightvnc']) {
      expect(tools.map((t) => t.id)).toContain(id);
    }
  });

  it('IP-KVM signatures cover the devices advisories name', () => {
    const ids = ipKvmCatalog().devices.map((d) => d.id);
    for (const id of ['pikvm', 'tinypilot', 'jetkvm', 'glkvm', 'blikvm', 'nanokvm']) expect(ids).toContain(id);
  });

  it('keep-awake signatures load', () => {
    expect(keepAwakeCatalog().catalog.software.length).toBeGreaterThanOrEqual(10);
  });

  it('a broken catalog entry is reported with its file and path', () => {
    expect(() => parseCatalog('tools:\n  - id: Any Desk\n    name: x\n    windows: { processes: nope }\n', toolCatalogFileSchema, 'remote-access-tools.yaml')).toThrow(
      /remote-access-tools\.yaml: tools\[0\]\.id: tool ids are lowercase[\s\S]*remote-access-tools\.yaml: tools\[0\]\.windows\.processes/,
    );
  });
});
