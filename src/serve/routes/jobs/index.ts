/**
 * Ingest and scan through the API: upload a data folder (a zip, or files whose names carry their
 * path such as `okta/events.json`) as multipart/form-data; the server unpacks it to a temporary
 * folder, queues the job and answers 202 with its id. Poll GET /api/jobs/:id for progress.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { authErrors, badRequest, IdParam, JobOut, notFound } from '../../schemas/common.js';
import { ingestDir, scanDir, type PipelineDeps } from '../../services/pipeline.js';
import { UploadError, UploadFolder } from '../../services/uploads.js';
import type { Job, JobKind } from '../../services/jobs.js';

const routes: FastifyPluginAsyncTypebox = async (app) => {
  const deps = (): PipelineDeps => ({ store: app.unmask.store, config: app.unmask.config, key: app.unmask.secretKey });
  const maxBytes = app.unmask.config.serve.max_upload_mb * 1024 * 1024;

  const present = (j: Job) => ({ ...j, log: j.log.slice(-50) });

  async function receive(req: FastifyRequest, reply: FastifyReply, kind: Exclude<JobKind, 'rescore'>) {
    if (!req.isMultipart()) return reply.code(400).send({ error: 'upload', message: 'send multipart/form-data with one zip or the data files (file names may carry folders, e.g. okta/events.json)' });
    const folder = new UploadFolder(maxBytes);
    try {
      for await (const part of req.parts()) {
        if (part.type !== 'file') continue;
        await folder.addFile(part.filename || part.fieldname, part.file);
        if (part.file.truncated) throw new UploadError(`${part.filename} is larger than ${app.unmask.config.serve.max_upload_mb} MB`);
      }
      if (folder.files === 0) throw new UploadError('the upload holds no files');
    } catch (err) {
      folder.remove();
      if (err instanceof UploadError) return reply.code(400).send({ error: 'upload', message: err.message });
      throw err;
    }
    const root = folder.root();
    const job = app.jobs.start(
      kind,
      req.user!.username,
      (log) => (kind === 'scan' ? scanDir(deps(), root, log) : ingestDir(deps(), root, log)),
      () => {
        folder.remove();
        app.peopleIndex.invalidate();
      },
    );
    await app.audit.record(req, `${kind}.start`, { type: 'job', id: job.id }, { files: folder.files });
    return reply.code(202).send(present(job));
  }

  const uploadSchema = (summary: string) => ({
    tags: ['jobs'],
    summary,
    consumes: ['multipart/form-data'],
    response: { 202: JobOut, ...authErrors, ...badRequest },
  });

  app.post('/api/ingest', { config: { access: 'analyst' }, schema: uploadSchema('Upload a data folder (zip or files) and ingest it') }, (req, reply) => receive(req, reply, 'ingest'));
  app.post('/api/scan', { config: { access: 'analyst' }, schema: uploadSchema('Upload a data folder (zip or files) and scan it: ingest, enrich, detect, link, score') }, (req, reply) =>
    receive(req, reply, 'scan'),
  );

  app.get('/api/jobs', { config: { access: 'viewer' }, schema: { tags: ['jobs'], response: { 200: Type.Object({ rows: Type.Array(JobOut) }), ...authErrors } } }, async () => ({
    rows: app.jobs.list().map(present),
  }));

  app.get('/api/jobs/:id', { config: { access: 'viewer' }, schema: { tags: ['jobs'], params: IdParam, response: { 200: JobOut, ...authErrors, ...notFound } } }, async (req, reply) => {
    const job = app.jobs.get(req.params.id);
    if (!job) return reply.code(404).send({ error: 'not_found', message: `no job ${req.params.id} (jobs are kept in memory until the server restarts)` });
    return present(job);
  });
};
export default routes;
