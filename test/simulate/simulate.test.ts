/**
 * The simulator writes what it promises: the same seed gives the same bytes, every file is in its
 * vendor's shape, the hidden schemes and look-alikes are in truth.json with the traits they are
 * defined by, and the organisation is varied (many states, time zones, ISPs).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulate, type SimulateSummary } from '../../src/simulate/index.js';
import { tempDir } from '../helpers/stores.js';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

function digest(dir: string): Map<string, string> {
  return new Map(files(dir).map((f) => [relative(dir, f), createHash('sha256').update(readFileSync(f)).digest('hex')]));
}

const csv = (dir: string, name: string) => parseCsv(readFileSync(join(dir, name), 'utf8'), { columns: true, bom: true }) as Array<Record<string, string>>;

describe('unmask simulate', () => {
  const tmp = tempDir('unmask-sim-');
  let a: SimulateSummary;
  const dirA = join(tmp.dir, 'a');
  beforeAll(async () => {
    a = await simulate({ people: 240, seed: 'sim-test', schemeRate: 0.06, out: dirA });
  }, 180_000);
  afterAll(() => tmp.remove());

  it('writes byte-identical folders for the same seed, and different ones for another seed', async () => {
    const dirB = join(tmp.dir, 'b');
    const dirC = join(tmp.dir, 'c');
    await simulate({ people: 240, seed: 'sim-test', schemeRate: 0.06, out: dirB });
    await simulate({ people: 240, seed: 'other', schemeRate: 0.06, out: dirC });
    const da = digest(dirA);
    const db = digest(dirB);
    expect([...db.keys()].sort()).toEqual([...da.keys()].sort());
    for (const [k, v] of da) expect(db.get(k), k).toBe(v);
    expect(digest(dirC).get('people.csv')).not.toBe(da.get('people.csv'));
  }, 180_000);

  it('writes the data contract columns and a consistent roster', () => {
    const people = csv(dirA, 'people.csv');
    expect(people).toHaveLength(240);
    for (const col of ['person_id', 'full_name', 'work_email', 'personal_email', 'phone', 'date_of_birth', 'home_street', 'home_city', 'home_region', 'home_postal_code', 'home_country', 'timezone', 'employment_type', 'agency', 'title', 'department', 'manager_id', 'hire_date', 'end_date']) expect(Object.keys(people[0]!)).toContain(col);
    const ids = new Set(people.map((p) => p.person_id));
    expect(ids.size).toBe(240);
    expect(new Set(people.map((p) => p.work_email)).size).toBe(240);
    for (const p of people) if (p.manager_id) expect(ids.has(p.manager_id)).toBe(true);
    // Many states and zones, some people abroad, each zone a real IANA zone.
    const states = new Set(people.filter((p) => p.home_country === 'US').map((p) => p.home_region));
    expect(states.size).toBeGreaterThanOrEqual(20);
    expect(people.some((p) => p.home_country !== 'US')).toBe(true);
    for (const tz of new Set(people.map((p) => p.timezone))) expect(() => new Intl.DateTimeFormat('en-US', { timeZone: tz })).not.toThrow();

    const devices = csv(dirA, 'devices.csv');
    for (const d of devices) expect(ids.has(d.person_id!)).toBe(true);
    const shipments = csv(dirA, 'shipments.csv');
    const serials = new Set(devices.map((d) => d.device_serial));
    for (const s of shipments) expect(serials.has(s.device_serial!)).toBe(true);
    const pay = csv(dirA, 'pay_accounts.csv');
    for (const p of pay) expect(['direct_deposit', 'wire', 'paypal', 'payoneer', 'wise', 'crypto', 'check', 'other']).toContain(p.method);
    const payments = csv(dirA, 'payments.csv');
    expect(payments.length).toBeGreaterThan(240 * 6);
  });

  it('writes candidates with resume and photo files that exist', () => {
    const cands = csv(dirA, 'candidates.csv');
    expect(cands.length).toBeGreaterThan(20);
    let pdfs = 0;
    for (const c of cands) {
      if (c.resume_file) {
        const buf = readFileSync(join(dirA, c.resume_file));
        if (c.resume_file.endsWith('.pdf')) {
          pdfs++;
          expect(buf.subarray(0, 5).toString()).toBe('%PDF-');
          expect(buf.toString('latin1')).toMatch(/startxref\n\d+\n%%EOF\n$/);
        } else expect(buf.toString('utf8')).toContain(c.full_name!);
      } else expect(c.resume_text).toContain(c.full_name!);
      if (c.photo_file) expect(readFileSync(join(dirA, c.photo_file)).subarray(1, 4).toString()).toBe('PNG');
      for (const f of (c.interview_flags ?? '').split(';').filter(Boolean)) expect(['camera_refused', 'face_mismatch', 'voice_mismatch', 'answers_read', 'refused_in_person', 'id_document_inconsistent']).toContain(f);
    }
    expect(pdfs).toBeGreaterThan(0);
  });

  it('writes vendor logs in their shapes: JSON arrays, Graph pages, diagnostic records, NDJSON, Zeek TSV and JSON', () => {
    const okta = files(join(dirA, 'okta'));
    const arrays = okta.filter((f) => f.endsWith('.json'));
    expect(arrays.length).toBeGreaterThan(0);
    const first = JSON.parse(readFileSync(arrays[0]!, 'utf8')) as Array<Record<string, any>>;
    expect(Array.isArray(first)).toBe(true);
    expect(first[0]!.actor.alternateId).toMatch(/@ridgeway-analytics\.com$/);
    expect(first[0]!.published).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const ndjson = okta.filter((f) => f.endsWith('.ndjson'));
    for (const line of readFileSync(ndjson[0]!, 'utf8').trim().split('\n')) expect(JSON.parse(line).eventType).toMatch(/^user\./);

    const entra = files(join(dirA, 'entra'));
    const page = JSON.parse(readFileSync(entra.find((f) => /signins-\d/.test(f))!, 'utf8')) as { value: Array<Record<string, any>> };
    expect(page.value[0]!.userPrincipalName).toMatch(/@/);
    const diag = readFileSync(entra.find((f) => f.includes('diagnostic'))!, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, any>);
    expect(diag[0]!.category).toBe('SignInLogs');
    expect(diag[0]!.properties.userPrincipalName).toMatch(/@/);
    expect(diag[0]!.time).toMatch(/\.\d{7}Z$/);

    const google = files(join(dirA, 'google'));
    const items = JSON.parse(readFileSync(google.find((f) => f.endsWith('.json'))!, 'utf8')) as { kind: string; items: Array<Record<string, any>> };
    expect(items.kind).toBe('admin#reports#activities');
    expect(items.items[0]!.id.applicationName).toBe('login');

    const osq = readFileSync(join(dirA, 'osquery', 'osqueryd.results.log'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, any>);
    const names = new Set(osq.map((r) => r.name));
    for (const n of names) expect(n).toMatch(/^unmask_(programs|apps|deb_packages|rpm_packages|processes|usb_devices|listening_ports|system_info|os_version|interface_addresses|egress_ip|locale_(windows|darwin|linux))$/);
    expect(osq.some((r) => r.action === 'snapshot' && Array.isArray(r.snapshot))).toBe(true);
    expect(osq.some((r) => r.action === 'added' && r.columns)).toBe(true);
    const batch = readFileSync(join(dirA, 'osquery', 'windows-fleet.results.log'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, any>);
    expect(batch.some((r) => r.diffResults && Array.isArray(r.diffResults.added))).toBe(true);

    const zeek = files(join(dirA, 'zeek'));
    const tsv = readFileSync(zeek.find((f) => f.endsWith('-east.log'))!, 'utf8').split('\n');
    expect(tsv[0]).toBe('#separator \\x09');
    const fields = tsv.find((l) => l.startsWith('#fields'))!.split('\t').slice(1);
    const row = tsv.find((l) => l && !l.startsWith('#'))!.split('\t');
    expect(row).toHaveLength(fields.length);
    const json = readFileSync(zeek.find((f) => f.endsWith('-west.log'))!, 'utf8').trim().split('\n');
    expect(JSON.parse(json[0]!)['id.orig_h']).toMatch(/^10\./);
  });

  it('hides every scheme type and look-alike type, with the traits that define them', () => {
    const t = a.truth;
    expect(new Set(t.schemes.map((s) => s.type))).toEqual(new Set(['laptop_farm', 'vpn_solo', 'applicant_ring', 'ipkvm_farm', 'facilitator_employee']));
    for (const type of ['traveller', 'corporate_vpn', 'privacy_vpn', 'helpdesk_rmm', 'shared_household', 'agency_contractors', 'night_shift', 'lives_abroad', 'bilingual_keyboard']) expect(t.lookalikes.some((g) => g.type === type), type).toBe(true);
    const people = new Map(csv(dirA, 'people.csv').map((p) => [p.person_id!, p]));
    const shipments = csv(dirA, 'shipments.csv');
    const pay = csv(dirA, 'pay_accounts.csv');
    for (const farm of t.schemes.filter((s) => s.type === 'laptop_farm' || s.type === 'ipkvm_farm')) {
      // Every worker's laptop went to one street address (label spelling aside).
      const streets = new Set(shipments.filter((s) => farm.person_ids.includes(s.person_id!)).map((s) => `${s.ship_city}|${s.ship_street!.split(' ')[0]}`));
      expect(streets.size, farm.id).toBe(1);
      // Pay moved, after hiring, to a destination that is shared or a money-service platform.
      for (const id of farm.person_ids) expect(pay.filter((p) => p.person_id === id).length, id).toBeGreaterThanOrEqual(2);
    }
    const ring = t.schemes.find((s) => s.type === 'applicant_ring')!;
    const cands = csv(dirA, 'candidates.csv').filter((c) => ring.candidate_ids.includes(c.candidate_id!));
    const phones = cands.map((c) => c.phone).filter(Boolean);
    expect(new Set(phones).size).toBeLessThan(phones.length);
    for (const id of ring.subjects) expect(people.has(id) || cands.some((c) => c.candidate_id === id)).toBe(true);
    // Subjects are HR ids, or candidate ids of people never hired.
    for (const s of t.schemes) for (const id of s.subjects) expect(id).toMatch(/^(E|C)\d+$/);
  });
});
