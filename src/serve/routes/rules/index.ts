/** The rule catalog with each rule's rationale and how often it fired in the stored findings. */
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ruleFireCounts } from '../../../store/repositories/queries-for-api.js';
import { authErrors, Nullable } from '../../schemas/common.js';
import { ruleCatalog } from '../../services/pipeline.js';

const S = Type.String();
const Rule = Type.Object({
  id: S,
  title: S,
  description: S,
  rationale: S,
  severity: S,
  sources: Type.Array(S),
  data_needed: Type.Array(S),
  false_positives: Type.Array(S),
  attack: Type.Array(S),
  in_catalog: Type.Boolean(),
  enabled: Type.Boolean(),
  findings: Type.Integer(),
  subjects: Type.Integer(),
  last_fired: Nullable(S),
});

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/rules',
    { config: { access: 'viewer' }, schema: { tags: ['rules'], response: { 200: Type.Object({ rows: Type.Array(Rule) }), ...authErrors } } },
    async () => {
      const [catalog, counts] = await Promise.all([ruleCatalog(), ruleFireCounts(app.unmask.store)]);
      const byRule = new Map(counts.map((c) => [c.rule_id, c]));
      const disabled = new Set<string>(((app.unmask.config.detect as { disabled_rules?: string[] }).disabled_rules ?? []) as string[]);
      const rows = catalog.map((r) => {
        const c = byRule.get(r.id);
        return { ...r, in_catalog: true, enabled: !disabled.has(r.id), findings: c?.findings ?? 0, subjects: c?.subjects ?? 0, last_fired: c?.last_seen ?? null };
      });
      // Findings of rules no longer in the catalog stay visible, marked as such.
      for (const c of counts) {
        if (catalog.some((r) => r.id === c.rule_id)) continue;
        rows.push({
          id: c.rule_id,
          title: c.rule_id,
          description: '',
          rationale: '',
          severity: 'info',
          sources: [],
          data_needed: [],
          false_positives: [],
          attack: [],
          in_catalog: false,
          enabled: false,
          findings: c.findings,
          subjects: c.subjects,
          last_fired: c.last_seen,
        });
      }
      rows.sort((a, b) => b.findings - a.findings || a.id.localeCompare(b.id));
      return { rows };
    },
  );
};
export default routes;
