import { z } from 'zod';

/** `ingest:` section of unmask.yaml. Owned by the ingest layer (src/ingest). */
export const ingestSection = z
  .object({
    /**
     * osquery query names (as they appear in result logs) mapped to the osquery table their rows
     * come from, for queries other than Unmask's own pack, e.g. `pack_it_installed_software: programs`.
     */
    osquery_query_tables: z.record(z.string().min(1), z.string().regex(/^[a-z_][a-z0-9_]*$/, 'an osquery table name')).default({}),
  })
  .strict()
  .default({ osquery_query_tables: {} });
