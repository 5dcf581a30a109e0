import { z } from 'zod';
import { SEVERITIES } from '../../model/values.js';

/**
 * A remote-access tool the company itself uses: by catalog id (`teamviewer`), or with a scope
 * (only for some departments, people or devices) so that the help desk's tools stay allowed
 * without allowing them on every laptop.
 */
const approvedTool = z.union([
  z.string().min(1),
  z
    .object({
      tool: z.string().min(1),
      departments: z.array(z.string()).optional(),
      subjects: z.array(z.string()).optional(),
      reason: z.string().optional(),
    })
    .strict(),
]);

/** Per-rule settings; param names and types are checked against the catalog when detection runs. */
const ruleSettings = z
  .object({
    enabled: z.boolean().optional(),
    severity: z.enum(SEVERITIES).optional(),
    params: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();

const exemption = z
  .object({
    /** Rule id, or `*` for every rule. */
    rule: z.string().min(1),
    /** Person key (`person:E1042`, `candidate:C7`), bare HR id (`E1042`) or device serial. */
    subject: z.string().min(1),
    reason: z.string().min(1),
    /** Last day the exemption applies (inclusive, YYYY-MM-DD). */
    expires: z
      .union([z.string(), z.date()])
      .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v))
      .pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expires must be a date (YYYY-MM-DD)')),
  })
  .strict();

/**
 * `detect:` section of unmask.yaml. Owned by the detection layer (src/detect); see docs/rules.md.
 * Allowed VPNs and corporate egress are enrichment settings (`enrich.allowed_vpn_providers`,
 * `enrich.corporate_ranges`): the rules read the classes enrichment gives addresses.
 */
export const detectSection = z
  .object({
    /** Rule ids not to run. */
    disabled_rules: z.array(z.string()).default([]),
    /** Remote-access tools the company uses itself (catalog ids; see `unmask rules tools`). */
    approved_remote_access_tools: z.array(approvedTool).default([]),
    /** Per-rule overrides: `{ <rule id>: { enabled, severity, params } }`. */
    rules: z.record(z.string(), ruleSettings).default({}),
    /** People or devices exempted from a rule, with a reason and an expiry date. */
    exemptions: z.array(exemption).default([]),
  })
  .strict()
  .default({ disabled_rules: [], approved_remote_access_tools: [], rules: {}, exemptions: [] });

export type DetectConfig = z.infer<typeof detectSection>;
export type ApprovedTool = z.infer<typeof approvedTool>;
export type Exemption = z.infer<typeof exemption>;
