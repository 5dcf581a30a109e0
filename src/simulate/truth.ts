/**
 * truth.json: what the simulator hid and where, written beside the data so that `unmask eval`
 * can score a scan. Scan output names people by HR person_id, and candidates who were never
 * hired by candidate_id; `subjects` lists each group's members in those terms.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { corporateRanges } from './catalog/networks.js';
import { REMOTE_TOOLS, APPROVED_REMOTE_TOOL } from './catalog/software.js';
import { PERIOD, type SimOrg, type TruthGroup } from './model.js';

export const TRUTH_FILE = 'truth.json';

const truthGroup = z.object({
  id: z.string(),
  type: z.string(),
  variant: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  person_ids: z.array(z.string()),
  candidate_ids: z.array(z.string()),
  subjects: z.array(z.string()),
  roles: z.record(z.string(), z.string()).default({}),
  notes: z.string().default(''),
});
export type TruthGroupDoc = z.infer<typeof truthGroup>;

export const truthSchema = z.object({
  format: z.literal('unmask-simulation-truth'),
  version: z.literal(1),
  seed: z.string(),
  people: z.number().int(),
  candidates: z.number().int(),
  devices: z.number().int(),
  scheme_rate: z.number(),
  period: z.object({ start: z.string(), end: z.string(), activity_start: z.string(), activity_end: z.string() }),
  corporate_ranges: z.array(z.string()),
  approved_remote_access: z.array(z.string()),
  schemes: z.array(truthGroup),
  lookalikes: z.array(truthGroup),
});
export type Truth = z.infer<typeof truthSchema>;

function groupDoc(g: TruthGroup): TruthGroupDoc {
  const personIds = g.people.map((p) => p.id);
  const candidateIds = g.candidates.map((c) => c.id);
  const subjects = [...personIds, ...g.candidates.filter((c) => !c.hired).map((c) => c.id)];
  const roles: Record<string, string> = {};
  for (const p of g.people) if (p.scheme?.role === 'facilitator') roles[p.id] = 'facilitator';
  return { id: g.id, type: g.type, variant: g.variant, person_ids: personIds, candidate_ids: candidateIds, subjects: [...new Set(subjects)], roles, notes: g.notes };
}

export function truthOf(org: SimOrg): Truth {
  return {
    format: 'unmask-simulation-truth',
    version: 1,
    seed: org.seed,
    people: org.people.length,
    candidates: org.candidates.length,
    devices: org.people.reduce((n, p) => n + p.devices.length, 0),
    scheme_rate: org.schemeRate,
    period: { start: PERIOD.start, end: PERIOD.end, activity_start: PERIOD.activityStart, activity_end: PERIOD.activityEnd },
    corporate_ranges: corporateRanges(),
    approved_remote_access: [REMOTE_TOOLS[APPROVED_REMOTE_TOOL]?.vendorName ?? APPROVED_REMOTE_TOOL],
    schemes: org.schemes.map(groupDoc),
    lookalikes: org.lookalikes.map(groupDoc),
  };
}

/** Read and validate a truth.json (clear error naming the file). */
export function readTruth(path: string): Truth {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new Error(`${path}: not readable JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  const res = truthSchema.safeParse(raw);
  if (!res.success) throw new Error(`${path}: not a simulator truth file: ${res.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return res.data;
}
