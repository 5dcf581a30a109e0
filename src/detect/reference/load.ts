/**
 * Loading the detection reference catalogs (catalog/detect/*.yaml at the package root; the same
 * relative place from src/ and from dist/). Each file is validated once; an error names the file
 * and the entry path, e.g. `remote-access-tools.yaml: tools[3].windows.processes: expected array`.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';

export const CATALOG_DIR = fileURLToPath(new URL('../../../catalog/detect/', import.meta.url));

export class CatalogError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CatalogError';
  }
}

function issuePath(path: PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('') || '(top level)';
}

/** Parse and validate a YAML document; `label` names it in errors. */
export function parseCatalog<T extends z.ZodTypeAny>(text: string, schema: T, label: string): z.infer<T> {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (e) {
    throw new CatalogError(`${label}: not valid YAML: ${e instanceof Error ? e.message : String(e)}`);
  }
  const res = schema.safeParse(raw);
  if (!res.success) throw new CatalogError(res.error.issues.map((i) => `${label}: ${issuePath(i.path)}: ${i.message}`).join('\n'));
  return res.data;
}

export function loadCatalogFile<T extends z.ZodTypeAny>(name: string, schema: T): z.infer<T> {
  return parseCatalog(readFileSync(CATALOG_DIR + name, 'utf8'), schema, name);
}
