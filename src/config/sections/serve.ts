import { z } from 'zod';

/** `serve:` section of unmask.yaml. Owned by the server (src/serve). */
export const serveSection = z
  .object({
    port: z.number().int().min(1).max(65535).default(8080),
    host: z.string().default('127.0.0.1'),
  })
  .strict()
  .default({ port: 8080, host: '127.0.0.1' });
