/**
 * Serves the built web UI (web/dist). The file list is read once at start and requests are
 * answered only from it, so no request path ever reaches the file system. Unknown non-API paths
 * get index.html: the UI routes in the browser.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

const SECURITY_HEADERS = {
  'content-security-policy': "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

function listFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(p);
    }
  };
  walk(root);
  return out;
}

export interface WebStaticOptions {
  root: string;
}

export const webStatic: FastifyPluginAsync<WebStaticOptions> = async (app, opts) => {
  const files = new Map<string, { body: Buffer; type: string; immutable: boolean }>();
  const available = existsSync(join(opts.root, 'index.html'));
  if (available) {
    for (const file of listFiles(opts.root)) {
      const url = '/' + relative(opts.root, file).split(sep).join('/');
      files.set(url, { body: readFileSync(file), type: TYPES[extname(file)] ?? 'application/octet-stream', immutable: url.startsWith('/assets/') });
    }
  }
  const index = files.get('/index.html');

  const send = (reply: FastifyReply, f: { body: Buffer; type: string; immutable: boolean }) =>
    reply
      .headers(SECURITY_HEADERS)
      .header('content-type', f.type)
      .header('cache-control', f.immutable ? 'public, max-age=31536000, immutable' : 'no-cache')
      .send(f.body);

  app.get('/*', { config: { access: 'public' }, schema: { hide: true } }, async (req, reply) => {
    const path = decodeURIComponent(req.url.split('?')[0] ?? '/');
    if (path.startsWith('/api/')) return reply.code(404).send({ error: 'not_found', message: `no API route ${req.method} ${path}` });
    const f = files.get(path);
    if (f) return send(reply, f);
    if (!index) {
      return reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send('The web UI is not built. Run `npm run build` (or `npm run build:web`), then restart `unmask serve`. The API is available under /api/.');
    }
    // Asset-looking paths that do not exist are real 404s; everything else is a UI route.
    if (extname(path)) return reply.code(404).type('text/plain').send('not found');
    return send(reply, index);
  });
};
