import type { Command } from 'commander';
import { startServer } from '../../serve/server.js';
import { action } from '../context.js';

export function register(program: Command): void {
  program
    .command('serve')
    .description('serve the API and the web UI on one port (prints a one-time setup link while no account exists)')
    .option('-p, --port <port>', 'port (default: serve.port in unmask.yaml, else 8080)', (v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`--port: not a port number: ${v}`);
      return n;
    })
    .option('--host <host>', 'address to listen on (default: serve.host, else 127.0.0.1; 0.0.0.0 for all)')
    .option('--web-root <dir>', 'folder of the built web UI (default: web/dist of this installation)')
    .action(
      action(async (ctx, opts: { port?: number; host?: string; webRoot?: string }) => {
        const store = await ctx.store();
        const server = await startServer({ store, config: ctx.config, port: opts.port, host: opts.host, log: ctx.log, webRoot: opts.webRoot, secretKey: () => ctx.secretKey() });
        ctx.print(`serving at ${server.url} (Ctrl-C to stop)`, { url: server.url, setup_url: server.setupUrl });
        await new Promise<void>((resolve) => {
          const stop = () => {
            process.off('SIGINT', stop);
            process.off('SIGTERM', stop);
            ctx.log.info('stopping: finishing running jobs');
            void server.close().then(resolve, resolve);
          };
          process.on('SIGINT', stop);
          process.on('SIGTERM', stop);
        });
      }),
    );
}
