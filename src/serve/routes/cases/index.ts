/** Cases: analysts open, assign, annotate and close them; everyone signed in can read them. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { listCases } from '../../../store/repositories/cases.js';
import { roleOf } from '../../plugins/app/auth.js';
import { presentFinding } from '../../presenters/findings.js';
import { maskText, needsMasking } from '../../presenters/mask.js';
import { CaseDetail, CasePatch, CasesPage, CasesQuery, CloseCase, ClosedCase, NewCase, NewNote, Note } from '../../schemas/cases.js';
import { authErrors, badRequest, CaseOut, conflict, IdParam, notFound } from '../../schemas/common.js';
import { addNote, caseDetail, changeCase, closeCase, openCase, presentCase } from '../../services/cases.js';
import { rescore } from '../../services/pipeline.js';
import { ruleInfoById } from '../../services/rule-titles.js';

const routes: FastifyPluginAsyncTypebox = async (app) => {
  const { store } = app.unmask;

  app.get('/api/cases', { config: { access: 'viewer' }, schema: { tags: ['cases'], querystring: CasesQuery, response: { 200: CasesPage, ...authErrors } } }, async (req) => {
    const res = await listCases(store, req.query);
    return { total: res.total, rows: await Promise.all(res.rows.map((c) => presentCase(store, c))) };
  });

  app.post(
    '/api/cases',
    { config: { access: 'analyst' }, schema: { tags: ['cases'], summary: 'Open a case on a person or a cluster', body: NewCase, response: { 201: CaseOut, ...authErrors, ...notFound, ...conflict, ...badRequest } } },
    async (req, reply) => {
      const c = await openCase(store, req.body, req.user!.username);
      await app.audit.record(req, 'case.open', { type: 'case', id: c.id }, { subject_type: c.subject_type, subject_id: c.subject_id, title: c.title, assignee: c.assignee });
      return reply.code(201).send(await presentCase(store, c));
    },
  );

  app.get('/api/cases/:id', { config: { access: 'viewer' }, schema: { tags: ['cases'], params: IdParam, response: { 200: CaseDetail, ...authErrors, ...notFound } } }, async (req) => {
    const d = await caseDetail(store, req.params.id);
    const role = roleOf(req);
    const rules = await ruleInfoById();
    return {
      case: d.case,
      notes: d.notes.map((n) => ({ ...n, body: needsMasking(role) ? maskText(n.body) : n.body })),
      attached_findings: d.attached_findings.map((f) => presentFinding(f, role, rules)),
    };
  });

  app.patch(
    '/api/cases/:id',
    { config: { access: 'analyst' }, schema: { tags: ['cases'], summary: 'Change title, assignee or status', params: IdParam, body: CasePatch, response: { 200: CaseOut, ...authErrors, ...notFound, ...badRequest } } },
    async (req) => {
      const res = await changeCase(store, req.params.id, req.body);
      if (Object.keys(res.changes).length) await app.audit.record(req, 'case.update', { type: 'case', id: req.params.id }, { changes: res.changes });
      return presentCase(store, res.case);
    },
  );

  app.post(
    '/api/cases/:id/notes',
    { config: { access: 'analyst' }, schema: { tags: ['cases'], summary: 'Add a note, optionally attaching evidence', params: IdParam, body: NewNote, response: { 201: Note, ...authErrors, ...notFound, ...badRequest } } },
    async (req, reply) => {
      const note = await addNote(store, req.params.id, req.body.body, req.body.attachments, req.user!.username);
      await app.audit.record(req, 'case.note', { type: 'case', id: req.params.id }, { note_id: note.id, attachments: req.body.attachments.length });
      return reply.code(201).send({ ...note, attachments: req.body.attachments });
    },
  );

  app.post(
    '/api/cases/:id/close',
    {
      config: { access: 'analyst' },
      schema: {
        tags: ['cases'],
        summary: 'Close as confirmed or benign: records feedback and queues a re-score (poll the returned job)',
        params: IdParam,
        body: CloseCase,
        response: { 200: ClosedCase, ...authErrors, ...notFound, ...conflict, ...badRequest },
      },
    },
    async (req) => {
      const c = await closeCase(store, req.params.id, req.body.resolution, req.body.reason, req.user!.username);
      await app.audit.record(req, 'case.close', { type: 'case', id: c.id }, { resolution: c.resolution, subject_type: c.subject_type, subject_id: c.subject_id });
      await app.audit.record(req, 'feedback.add', { type: c.subject_type, id: c.subject_id }, { decision: req.body.resolution, via_case: c.id });
      const job = app.jobs.start('rescore', req.user!.username, (log) => rescore({ store, config: app.unmask.config, key: app.unmask.secretKey }, log), () => app.peopleIndex.invalidate());
      return { case: await presentCase(store, c), rescore_job: job.id };
    },
  );
};
export default routes;
