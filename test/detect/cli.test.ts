import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import * as repo from '../../src/store/repositories/records.js';
import { PG_URL, describeEachDialect, openTestStore, tempDir } from '../helpers/stores.js';
import { device, person, row, seed } from './fixtures.js';

const LOLRMM = resolve(process.cwd(), '../shared/data/lolrmm');

/** Run the CLI in-process; returns what it printed on stdout. */
async function cli(...args: string[]): Promise<{ out: string; code: number }> {
  let out = '';
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  process.exitCode = 0;
  try {
    await main(['node', 'unmask', ...args]);
  } finally {
    write.mockRestore();
    err.mockRestore();
  }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = 0;
  return { out, code };
}

describe('unmask rules / unmask detect', () => {
  let dir: ReturnType<typeof tempDir>;
  beforeEach(() => {
    dir = tempDir('unmask-cli-');
  });
  afterEach(() => dir.remove());

  it('lists the catalog and shows a rule with its configured settings', async () => {
    const list = await cli('--json', 'rules');
    const rules = JSON.parse(list.out) as Array<{ id: string; enabled: boolean }>;
    expect(rules.length).toBeGreaterThanOrEqual(30);
    const cfg = join(dir.dir, 'unmask.yaml');
    writeFileSync(cfg, 'detect:\n  rules:\n    endpoint.rmm.after_delivery:\n      severity: critical\n      params: { max_days: 45 }\n');
    const show = await cli('--config', cfg, 'rules', 'show', 'endpoint.rmm.after_delivery');
    expect(show.out).toContain('severity: critical (configured; default high)');
    expect(show.out).toContain('max_days = 45 (default 30)');
    expect((await cli('rules', 'show', 'no.such.rule')).code).toBe(1);
    const md = await cli('rules', '--markdown');
    expect(md.out).toMatch(/^# Detection rules/);
  });

  it('a bad detect section is refused with the key named', async () => {
    const cfg = join(dir.dir, 'bad.yaml');
    writeFileSync(cfg, 'detect:\n  disabled_rulez: [x]\n');
    let stderr = '';
    const err = vi.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => {
      stderr += String(c);
      return true;
    });
    try {
      await main(['node', 'unmask', '--config', cfg, 'rules']);
    } finally {
      err.mockRestore();
    }
    expect(process.exitCode).toBe(2);
    process.exitCode = 0;
    expect(stderr).toContain('detect: Unrecognized key');
    expect(stderr).toContain('disabled_rulez');
  });
});

describeEachDialect('unmask rules import-lolrmm', (dialect) => {
  it('imports LOLRMM into the tool catalog, and detection then knows the imported tools', async () => {
    process.env.UNMASK_SECRET_KEY = 'ab'.repeat(32);
    const store = await openTestStore(dialect);
    const db = dialect === 'sqlite' ? store.where : `${PG_URL}${PG_URL.includes('?') ? '&' : '?'}schema=${store.where}`;
    try {
      const imp = await cli('--db', db, '--json', 'rules', 'import-lolrmm', LOLRMM);
      expect(JSON.parse(imp.out).imported).toBeGreaterThan(200);
      const tools = JSON.parse((await cli('--db', db, '--json', 'rules', 'tools')).out) as Array<{ id: string; source: string }>;
      expect(tools.find((t) => t.id === 'alpemix')?.source).toBe('lolrmm:alpemix.yaml');
      // Alpemix is in LOLRMM only, not in the built-in catalog.
      await seed(store, { people: [person('E1')], devices: [device('SN1', 'E1')], rows: [row('SN1', 'processes', { pid: '7', name: 'Alpemix.exe' })] });
      const first = JSON.parse((await cli('--db', db, '--json', 'detect', '--rule', 'endpoint.rmm.running')).out) as { findings: number };
      expect(first.findings).toBe(1);
      await cli('--db', db, '--json', 'detect', '--rule', 'endpoint.rmm.running');
      const stored = await repo.listFindings(store);
      expect(stored).toHaveLength(1);
      expect(stored[0]!.evidence.tool).toBe('alpemix');
    } finally {
      await store.cleanup();
    }
  }, 60_000);
});
