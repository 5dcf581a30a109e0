import { z } from 'zod';

/** `enrich:` section of unmask.yaml. Owned by the enrichment layer (src/enrich). */
export const enrichSection = z
  .object({
    /** CIDR ranges of the company's own egress (offices, corporate VPN concentrators). */
    corporate_ranges: z.array(z.string()).default([]),
  })
  .strict()
  .default({ corporate_ranges: [] });
