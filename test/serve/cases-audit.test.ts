/** Case work (open, assign, notes with evidence, close → feedback and re-score) and the audit trail. */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect, type TestStore } from '../helpers/stores.js';
import { scoreStore } from '../../src/score/index.js';
import { silentLogger } from '../../src/util/log.js';
import { ALICE, as, openSeededApp, testConfig, type Session } from './helpers.js';

describeEachDialect('cases and the audit trail', (dialect) => {
  let store: TestStore;
  let app: FastifyInstance;
  let closeApp: () => Promise<void>;
  let admin: Session;
  let analyst: Session;
  let viewer: Session;
  let caseId = '';
  let baseline = 0;

  beforeAll(async () => {
    ({ store, app, admin, analyst, viewer, close: closeApp } = await openSeededApp(dialect));
    await scoreStore(store, testConfig(), silentLogger);
    baseline = (await store.db.selectFrom('risk_scores').select('score').where('subject_id', '=', ALICE).executeTakeFirstOrThrow()).score;
    expect(baseline).toBeGreaterThan(0);
  });
  afterAll(async () => {
    await closeApp();
  });

  const audit = async (action: string) => (await as(app, admin)('GET', `/api/audit?action=${action}`)).json().rows;

  it('records who viewed which person', async () => {
    await as(app, viewer)('GET', `/api/people/${encodeURIComponent(ALICE)}`);
    const rows = await audit('person.view');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor: 'viewer', subject_type: 'person', subject_id: ALICE });
  });

  it('opens a case on a person, refuses a second open one, assigns it and adds a note with evidence', async () => {
    const open = await as(app, analyst)('POST', '/api/cases', { subject_type: 'person', subject_id: ALICE });
    expect(open.statusCode).toBe(201);
    caseId = open.json().id;
    expect(open.json()).toMatchObject({ status: 'open', subject_name: 'Alice Example', title: 'Review Alice Example', created_by: 'analyst' });
    expect((await as(app, analyst)('POST', '/api/cases', { subject_type: 'person', subject_id: ALICE })).statusCode).toBe(409);
    expect((await as(app, analyst)('POST', '/api/cases', { subject_type: 'person', subject_id: 'person:NOPE' })).statusCode).toBe(404);

    expect((await as(app, analyst)('PATCH', `/api/cases/${caseId}`, { assignee: 'viewer' })).statusCode).toBe(400);
    const assigned = await as(app, analyst)('PATCH', `/api/cases/${caseId}`, { assignee: 'analyst', status: 'in_progress' });
    expect(assigned.json()).toMatchObject({ assignee: 'analyst', status: 'in_progress' });

    const note = await as(app, analyst)('POST', `/api/cases/${caseId}/notes`, { body: 'AnyDesk confirmed on the laptop', attachments: [{ type: 'finding', id: 'f1' }] });
    expect(note.statusCode).toBe(201);
    expect((await as(app, analyst)('POST', `/api/cases/${caseId}/notes`, { body: 'x', attachments: [{ type: 'finding', id: 'nope' }] })).statusCode).toBe(400);
    const detail = (await as(app, viewer)('GET', `/api/cases/${caseId}`)).json();
    expect(detail.notes.map((n: { body: string }) => n.body)).toEqual(['AnyDesk confirmed on the laptop']);
    expect(detail.attached_findings.map((f: { id: string }) => f.id)).toEqual(['f1']);
    const list = (await as(app, viewer)('GET', '/api/cases?status=active')).json();
    expect(list.rows.map((c: { id: string }) => c.id)).toEqual([caseId]);
  });

  it('closing as benign records feedback by the analyst and queues a re-score', async () => {
    const res = await as(app, analyst)('POST', `/api/cases/${caseId}/close`, { resolution: 'benign', reason: 'IT support tool approved by the helpdesk' });
    expect(res.statusCode).toBe(200);
    expect(res.json().case).toMatchObject({ status: 'closed', resolution: 'benign' });
    const jobId = res.json().rescore_job;
    expect(jobId).toBeTruthy();
    const fb = await store.db.selectFrom('feedback').selectAll().execute();
    expect(fb).toHaveLength(1);
    expect(fb[0]).toMatchObject({ subject_type: 'person', subject_id: ALICE, decision: 'benign', decided_by: 'analyst' });
    await app.jobs.idle();
    const job = (await as(app, viewer)('GET', `/api/jobs/${jobId}`)).json();
    expect(job).toMatchObject({ kind: 'rescore', status: 'done', error: null });
    // The re-score read the decision: Alice's evidence no longer counts.
    const after = (await as(app, viewer)('GET', `/api/people/${encodeURIComponent(ALICE)}`)).json().score.score;
    expect(after).toBeLessThan(baseline);
    expect((await as(app, analyst)('POST', `/api/cases/${caseId}/close`, { resolution: 'confirmed', reason: 'again' })).statusCode).toBe(409);
    const feedback = (await as(app, viewer)('GET', '/api/feedback')).json();
    expect(feedback.rows[0]).toMatchObject({ decision: 'benign', subject_id: ALICE });
  });

  it('records every change in the audit trail, readable by admins only', async () => {
    expect((await audit('case.open'))[0]).toMatchObject({ actor: 'analyst', subject_type: 'case', subject_id: caseId });
    expect((await audit('case.update'))[0].detail.changes).toMatchObject({ assignee: { from: null, to: 'analyst' }, status: { from: 'open', to: 'in_progress' } });
    expect((await audit('case.note'))[0].detail).toMatchObject({ attachments: 1 });
    expect((await audit('case.close'))[0].detail).toMatchObject({ resolution: 'benign' });
    expect((await audit('feedback.add'))[0]).toMatchObject({ actor: 'analyst', subject_id: ALICE });

    const created = await as(app, admin)('POST', '/api/users', { username: 'dora', password: 'another long password', role: 'viewer' });
    expect((await audit('user.create'))[0]).toMatchObject({ actor: 'admin', subject_id: created.json().id, detail: { username: 'dora', role: 'viewer' } });
    await as(app, admin)('PATCH', `/api/users/${created.json().id}`, { password: 'a brand new password' });
    const upd = (await audit('user.update'))[0];
    expect(JSON.stringify(upd)).not.toContain('a brand new password');

    const cfg = await as(app, admin)('PATCH', '/api/config', { detect: { disabled_rules: ['endpoint.rmm.present'] } });
    expect(cfg.statusCode).toBe(200);
    expect((await audit('config.update'))[0].detail.changes.detect.to.disabled_rules).toEqual(['endpoint.rmm.present']);
    expect((await as(app, admin)('PATCH', '/api/config', { detect: { no_such_key: 1 } })).statusCode).toBe(400);

    expect((await audit('auth.login')).length).toBeGreaterThanOrEqual(3);
    expect((await as(app, analyst)('GET', '/api/audit')).statusCode).toBe(403);
  });

  it('is append-only: the database refuses to change or delete entries', async () => {
    await expect(store.db.updateTable('audit_log').set({ actor: 'someone else' }).execute()).rejects.toThrow(/append-only/);
    await expect(store.db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
    const n = (await as(app, admin)('GET', '/api/audit?limit=500')).json().rows.length;
    expect(n).toBeGreaterThan(8);
  });
});
