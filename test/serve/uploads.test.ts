/**
 * Ingest and scan through the API: a data folder written by the simulator is uploaded as a zip
 * and as single files, the job's progress is polled, and the store holds the result.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulate } from '../../src/simulate/index.js';
import { safeRelativePath } from '../../src/serve/services/uploads.js';
import { openTestStore, tempDir, type TestStore } from '../helpers/stores.js';
import { addUsers, as, login, makeApp, type Session } from './helpers.js';

function multipart(files: Array<{ name: string; data: Uint8Array }>): { body: Buffer; contentType: string } {
  const boundary = `----unmask${Date.now()}`;
  const parts: Buffer[] = [];
  for (const f of files) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${f.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`));
    parts.push(Buffer.from(f.data));
    parts.push(Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

function filesOf(dir: string): Array<{ name: string; data: Uint8Array }> {
  const out: Array<{ name: string; data: Uint8Array }> = [];
  const walk = (d: string) => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (n !== 'truth.json' && n !== 'unmask.yaml') out.push({ name: relative(dir, p), data: readFileSync(p) });
    }
  };
  walk(dir);
  return out;
}

describe('upload paths', () => {
  it('refuses names that leave the data folder', () => {
    expect(safeRelativePath('okta/events.json')).toBe('okta/events.json');
    for (const bad of ['../etc/passwd', 'okta/../../x', '/abs/../../x', 'C:\\windows\\x']) expect(() => safeRelativePath(bad), bad).toThrow(/outside the data folder/);
  });
});

describe('ingest and scan through the API [sqlite]', () => {
  let store: TestStore;
  let app: FastifyInstance;
  let analyst: Session;
  const data = tempDir('unmask-upload-src-');

  beforeAll(async () => {
    store = await openTestStore('sqlite');
    await addUsers(store);
    app = await makeApp(store);
    analyst = await login(app, 'analyst');
    await simulate({ people: 40, seed: 'upload-test', out: data.dir });
  });
  afterAll(async () => {
    await app.close();
    await store.cleanup();
    data.remove();
  });

  const poll = async (id: string) => {
    await app.jobs.idle();
    return (await as(app, analyst)('GET', `/api/jobs/${id}`)).json();
  };

  it('rejects a zip whose entries point outside the folder, and a request without files', async () => {
    const evil = multipart([{ name: 'data.zip', data: zipSync({ '../evil.csv': new TextEncoder().encode('x') }) }]);
    const res = await app.inject({ method: 'POST', url: '/api/ingest', payload: evil.body, headers: { 'content-type': evil.contentType, cookie: analyst.cookie, 'x-csrf-token': analyst.csrf } });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/outside the data folder/);
    const json = await as(app, analyst)('POST', '/api/ingest', {});
    expect(json.statusCode).toBe(400);
  });

  it('ingests single files whose names carry their folders', async () => {
    const files = filesOf(data.dir).filter((f) => f.name === 'people.csv' || f.name.startsWith('okta/'));
    expect(files.length).toBeGreaterThan(1);
    const mp = multipart(files);
    const res = await app.inject({ method: 'POST', url: '/api/ingest', payload: mp.body, headers: { 'content-type': mp.contentType, cookie: analyst.cookie, 'x-csrf-token': analyst.csrf } });
    expect(res.statusCode).toBe(202);
    const job = await poll(res.json().id);
    expect(job).toMatchObject({ kind: 'ingest', status: 'done', error: null });
    const people = await store.db.selectFrom('people').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(people.n)).toBeGreaterThanOrEqual(40);
    expect(Number((await store.db.selectFrom('signins').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)).toBeGreaterThan(0);
  });

  it('scans a zipped data folder and reports progress, then the people list shows scores', async () => {
    const zip = zipSync(Object.fromEntries(filesOf(data.dir).map((f) => [`demo/${f.name}`, f.data])));
    const mp = multipart([{ name: 'demo.zip', data: zip }]);
    const res = await app.inject({ method: 'POST', url: '/api/scan', payload: mp.body, headers: { 'content-type': mp.contentType, cookie: analyst.cookie, 'x-csrf-token': analyst.csrf } });
    expect(res.statusCode).toBe(202);
    const job = await poll(res.json().id);
    expect(job.error).toBeNull();
    expect(job.status).toBe('done');
    expect(job.log.join('\n')).toMatch(/scan 5\/5/);
    const runs = (await as(app, analyst)('GET', '/api/data/scan-runs')).json().rows;
    expect(runs).toHaveLength(1);
    expect(runs[0].finished_at).not.toBeNull();
    const people = (await as(app, analyst)('GET', '/api/people?limit=5')).json();
    expect(people.rows[0].score).not.toBeNull();
    expect(people.rows[0].score).toBeGreaterThanOrEqual(people.rows[1].score);
    const audit = (await as(app, await login(app, 'admin'))('GET', '/api/audit?action=scan.start')).json().rows;
    expect(audit[0]).toMatchObject({ actor: 'analyst' });
  });
});
