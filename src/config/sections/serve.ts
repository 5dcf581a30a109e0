import { z } from 'zod';

const serveDefaults = {
  port: 8080,
  host: '127.0.0.1',
  /** Public URL the server is reached at (behind a proxy); used in the printed setup link. */
  public_url: null as string | null,
  /** A session ends this many hours after sign-in. */
  session_hours: 12,
  /** The one-time setup link printed on first start stays valid this long. */
  setup_token_hours: 24,
  /** Failed sign-ins allowed per IP address and user name within `login_window_minutes`. */
  login_max_failures: 5,
  /** Failed sign-ins allowed per IP address (any user names) within the window. */
  login_max_failures_per_ip: 20,
  login_window_minutes: 15,
  /** Largest upload (a zip of a data folder, or files) accepted by the ingest and scan endpoints. */
  max_upload_mb: 512,
  /** Trust X-Forwarded-* headers (only behind a reverse proxy you run). */
  trust_proxy: false,
};

/** `serve:` section of unmask.yaml. Owned by the server (src/serve); documented in docs/serve.md. */
export const serveSection = z
  .object({
    port: z.number().int().min(1).max(65535).default(serveDefaults.port),
    host: z.string().default(serveDefaults.host),
    public_url: z.string().url().nullable().default(null),
    session_hours: z.number().positive().max(24 * 30).default(serveDefaults.session_hours),
    setup_token_hours: z.number().positive().max(24 * 7).default(serveDefaults.setup_token_hours),
    login_max_failures: z.number().int().min(1).default(serveDefaults.login_max_failures),
    login_max_failures_per_ip: z.number().int().min(1).default(serveDefaults.login_max_failures_per_ip),
    login_window_minutes: z.number().positive().default(serveDefaults.login_window_minutes),
    max_upload_mb: z.number().positive().default(serveDefaults.max_upload_mb),
    trust_proxy: z.boolean().default(serveDefaults.trust_proxy),
  })
  .strict()
  .default(serveDefaults);
