import { z } from 'zod';

/** `score:` section of unmask.yaml. Owned by the scoring layer (src/score). */
export const scoreSection = z.object({}).strict().default({});
