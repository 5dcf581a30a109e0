import { z } from 'zod';

/** `detect:` section of unmask.yaml. Owned by the detection layer (src/detect). */
export const detectSection = z
  .object({
    /** Rule ids not to run. */
    disabled_rules: z.array(z.string()).default([]),
  })
  .strict()
  .default({ disabled_rules: [] });
