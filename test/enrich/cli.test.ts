import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { tempDir } from '../helpers/stores.js';

const tmp = tempDir('unmask-enrich-cli-');
afterAll(() => tmp.remove());

async function run(...args: string[]): Promise<{ out: string; code: number }> {
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  const before = process.exitCode;
  process.exitCode = 0;
  try {
    await main(['node', 'unmask', ...args]);
  } finally {
    spy.mockRestore();
  }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = before;
  return { out, code };
}

describe('unmask enrich', () => {
  it('ip: prints class, network and the data behind it with its date and credit', async () => {
    const { out, code } = await run('enrich', 'ip', '8.8.8.8');
    expect(code).toBe(0);
    expect(out).toMatch(/8\.8\.8\.8 {2}hosting \(Google\)/);
    expect(out).toMatch(/AS15169 Google LLC/);
    expect(out).toMatch(/DB-IP IP to City Lite \d{4}-\d{2}-\d{2}/);
    expect(out).toMatch(/IP Geolocation by DB-IP \(https:\/\/db-ip\.com\)/);
  });

  it('ip --json with a config file: corporate ranges from unmask.yaml apply', async () => {
    const cfg = join(tmp.dir, 'unmask.yaml');
    writeFileSync(cfg, 'enrich:\n  corporate_ranges: ["73.22.0.0/16"]\n');
    const { out } = await run('--json', '--config', cfg, 'enrich', 'ip', '73.22.1.5', '10.0.0.1');
    const infos = JSON.parse(out) as Array<{ ip: string; class: string; sources: string[] }>;
    expect(infos.map((i) => i.class)).toEqual(['corporate', 'unknown']);
    expect(infos[0]?.sources.join(' ')).toMatch(/corporate_ranges/);
  });

  it('reports a bad enrich setting with the key, and exit code 2', async () => {
    const cfg = join(tmp.dir, 'bad.yaml');
    writeFileSync(cfg, 'enrich:\n  corporate_ranges: ["10.0.0.0/99"]\n');
    const errs: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => (errs.push(String(c)), true));
    const { code } = await run('--config', cfg, 'enrich', 'ip', '8.8.8.8');
    spy.mockRestore();
    expect(code).toBe(2);
    expect(errs.join('')).toMatch(/enrich\.corporate_ranges\[0\]/);
  });

  it('phone, email and address print their results', async () => {
    expect((await run('enrich', 'phone', '+44 5612 345678')).out).toMatch(/\+445612345678 {2}GB {2}valid {2}VOIP/);
    expect((await run('enrich', 'email', 'x@mailinator.com')).out).toMatch(/disposable/);
    const a = await run('--json', 'enrich', 'address', '12 North Main Street #4, Springfield, IL 62701');
    expect(JSON.parse(a.out)).toMatchObject({ key: '12|N MAIN ST|4|62701|US', po_box: false, cmra: false });
  });
});
