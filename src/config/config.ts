/**
 * unmask.yaml: one file, validated at load with errors that name the bad key. Each part of the
 * pipeline owns its section (src/config/sections). Precedence: command-line option, then
 * environment variable, then the file, then the default.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { DEFAULT_DB } from '../store/db.js';
import { detectSection } from './sections/detect.js';
import { enrichSection } from './sections/enrich.js';
import { ingestSection } from './sections/ingest.js';
import { scoreSection } from './sections/score.js';
import { serveSection } from './sections/serve.js';

export const configSchema = z
  .object({
    /** SQLite file path or postgres:// URL. */
    database: z.string().min(1).default(DEFAULT_DB),
    /** Where the keyed-hashing secret lives (see src/config/secret.ts). */
    secret_key_file: z.string().nullable().default(null),
    ingest: ingestSection,
    enrich: enrichSection,
    detect: detectSection,
    score: scoreSection,
    serve: serveSection,
  })
  .strict();

export type UnmaskConfig = z.infer<typeof configSchema>;

export const DEFAULT_CONFIG_FILE = 'unmask.yaml';

export class ConfigError extends Error {
  constructor(
    message: string,
    readonly file: string | null,
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Turn zod issues into lines like `unmask.yaml: detect.disabled_rules[2]: expected string`. */
export function describeIssues(file: string, error: z.ZodError): string {
  return error.issues
    .map((i) => {
      const path = i.path.map((p, k) => (typeof p === 'number' ? `[${p}]` : `${k ? '.' : ''}${String(p)}`)).join('') || '(top level)';
      const keys = i.code === 'unrecognized_keys' ? ` (${(i as { keys: string[] }).keys.join(', ')})` : '';
      return `${file}: ${path}: ${i.message}${keys}`;
    })
    .join('\n');
}

export function parseConfig(raw: unknown, file = '(inline config)'): UnmaskConfig {
  const res = configSchema.safeParse(raw ?? {});
  if (!res.success) throw new ConfigError(`invalid configuration:\n${describeIssues(file, res.error)}`, file);
  return res.data;
}

/**
 * Load the configuration. An explicit path must exist; without one, ./unmask.yaml is read when
 * present and the defaults apply otherwise. UNMASK_DB overrides `database`.
 */
export function loadConfig(path?: string | null): UnmaskConfig {
  const file = path ?? process.env.UNMASK_CONFIG ?? (existsSync(DEFAULT_CONFIG_FILE) ? DEFAULT_CONFIG_FILE : null);
  let raw: unknown = {};
  if (file) {
    const abs = resolve(file);
    if (!existsSync(abs)) throw new ConfigError(`configuration file not found: ${abs}`, abs);
    try {
      raw = parseYaml(readFileSync(abs, 'utf8')) ?? {};
    } catch (e) {
      throw new ConfigError(`${abs}: not valid YAML: ${e instanceof Error ? e.message : String(e)}`, abs);
    }
  }
  const cfg = parseConfig(raw, file ?? '(defaults)');
  if (process.env.UNMASK_DB) cfg.database = process.env.UNMASK_DB;
  return cfg;
}
