/**
 * The commands as a user runs them: `unmask ingest`, `unmask quarantine`, `unmask osquery-pack`,
 * in-process through the real commander program (stdout captured).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { parseConfig } from '../../src/config/config.js';
import { PACK_QUERIES, tableForQuery } from '../../src/ingest/osquery-pack.js';
import { tempDir } from '../helpers/stores.js';

async function run(...args: string[]): Promise<{ out: string; code: number }> {
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  const errSpy = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  process.exitCode = undefined;
  try {
    await main(['node', 'unmask', ...args]);
  } finally {
    spy.mockRestore();
    errSpy.mockRestore();
  }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = undefined;
  return { out, code };
}

describe('unmask ingest / quarantine / osquery-pack', () => {
  const tmp = tempDir('unmask-cli-');
  const db = join(tmp.dir, 'unmask.db');
  const data = join(tmp.dir, 'data');
  beforeAll(() => {
    process.env.UNMASK_SECRET_KEY = '5a'.repeat(32);
    mkdirSync(join(data, 'okta'), { recursive: true });
    writeFileSync(join(data, 'people.csv'), 'person_id,full_name,work_email\nE1,Ann One,ann@example.com\nE2,Bob Two\n');
    writeFileSync(
      join(data, 'okta', 'events.ndjson'),
      [
        JSON.stringify({ uuid: 'u1', published: '2024-04-02T14:00:00.000Z', eventType: 'user.session.start', actor: { alternateId: 'ANN@example.com', type: 'User' }, outcome: { result: 'SUCCESS' } }),
        '{"uuid": "u2"',
      ].join('\n'),
    );
  });
  afterAll(() => {
    delete process.env.UNMASK_SECRET_KEY;
    tmp.remove();
  });
  afterEach(() => vi.restoreAllMocks());

  it('ingests a folder, prints the per-file table, and fails under --strict when records were rejected', async () => {
    const plain = await run('--db', db, 'ingest', data);
    expect(plain.code).toBe(0);
    expect(plain.out).toMatch(/people\.csv\s+people\s+2\s+1\s+1\s+0\s+0\s+0\s+0/);
    expect(plain.out).toMatch(/events\.ndjson\s+okta\s+2\s+1\s+1\s+0\s+0\s+0\s+0/);
    expect(plain.out).toContain('2 records rejected: see `unmask quarantine`');
    const strict = await run('--db', db, '--json', 'ingest', '--strict', data);
    expect(strict.code).toBe(3);
    const report = JSON.parse(strict.out) as { totals: { rejected: number; duplicates: number } };
    // The sign-in was stored already; people are reference data, replaced rather than counted as duplicates.
    expect(report.totals).toMatchObject({ rejected: 2, duplicates: 1, accepted: 2 });
  });

  it('lists quarantined records with file, line, reason and raw text, filtered by file', async () => {
    const { out } = await run('--db', db, '--json', 'quarantine', '--file', 'okta/events.ndjson');
    const q = JSON.parse(out) as { total: number; records: Array<{ file: string; line: number; reason: string; raw: string }> };
    expect(q.total).toBe(1);
    expect(q.records[0]).toMatchObject({ file: join(data, 'okta', 'events.ndjson'), line: 2, raw: '{"uuid": "u2"' });
    expect(q.records[0]!.reason).toMatch(/^invalid JSON/);
    const text = await run('--db', db, 'quarantine');
    expect(text.out).toContain(`${join(data, 'people.csv')}:3: expected 3 columns (as in the header), found 2`);
  });

  it('names the file when a single file cannot be read or its source cannot be told', async () => {
    const missing = await run('--db', db, 'ingest', '--source', 'okta', join(tmp.dir, 'nope.json'));
    expect(missing.code).toBe(1);
    expect(missing.out).toContain(`error: ${join(tmp.dir, 'nope.json')}: cannot read: no such file`);
    writeFileSync(join(tmp.dir, 'mystery.log'), '{}\n');
    const errors: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => (errors.push(String(c)), true));
    await main(['node', 'unmask', '--db', db, 'ingest', join(tmp.dir, 'mystery.log')]);
    expect(errors.join('')).toContain(`${join(tmp.dir, 'mystery.log')}: cannot tell which source this file is; give --source`);
    process.exitCode = undefined;
  });

  it('prints the osquery pack with every query the reader maps', async () => {
    const { out } = await run('osquery-pack');
    const pack = JSON.parse(out) as { queries: Record<string, { query: string; interval: number; description: string; platform?: string }> };
    expect(Object.keys(pack.queries).sort()).toEqual(PACK_QUERIES.map((q) => q.name).sort());
    for (const name of ['unmask_programs', 'unmask_apps', 'unmask_deb_packages', 'unmask_rpm_packages', 'unmask_processes', 'unmask_usb_devices', 'unmask_listening_ports', 'unmask_system_info', 'unmask_os_version', 'unmask_interface_addresses', 'unmask_locale_windows', 'unmask_locale_darwin', 'unmask_locale_linux', 'unmask_egress_ip']) {
      expect(pack.queries[name]?.query).toMatch(/^SELECT /);
      expect(pack.queries[name]?.interval).toBeGreaterThan(0);
    }
    expect(pack.queries.unmask_programs?.platform).toBe('windows');
    expect(pack.queries.unmask_usb_devices?.query).toContain('vendor_id');
  });
});

describe('osquery query names → tables', () => {
  it('maps the pack names, with or without osquery pack prefix, and configured names', () => {
    expect(tableForQuery('unmask_usb_devices')).toBe('usb_devices');
    expect(tableForQuery('pack_unmask_unmask_locale_windows')).toBe('locale');
    expect(tableForQuery('pack_corp-baseline_unmask_egress_ip')).toBe('egress_ip');
    expect(tableForQuery('processes')).toBe('processes');
    expect(tableForQuery('pack_osquery-monitoring_schedule')).toBe('pack_osquery-monitoring_schedule');
    const cfg = parseConfig({ ingest: { osquery_query_tables: { installed_sw: 'programs' } } });
    expect(tableForQuery('installed_sw', cfg.ingest.osquery_query_tables)).toBe('programs');
    expect(tableForQuery('pack_it_installed_sw', cfg.ingest.osquery_query_tables)).toBe('programs');
  });

  it('rejects a configured table name that is not an osquery table name, naming the key', () => {
    expect(() => parseConfig({ ingest: { osquery_query_tables: { x: 'Not A Table' } } }, 'unmask.yaml')).toThrow(/unmask\.yaml: ingest\.osquery_query_tables\.x: an osquery table name/);
    expect(() => parseConfig({ ingest: { typo: 1 } }, 'unmask.yaml')).toThrow(/ingest: .*typo/);
  });
});
