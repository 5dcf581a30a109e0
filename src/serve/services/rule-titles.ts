/** Rule titles by id, from the catalog, loaded once. */
import { ruleCatalog, type RuleInfo } from './pipeline.js';

let cached: Promise<Map<string, RuleInfo>> | null = null;

export function ruleInfoById(): Promise<Map<string, RuleInfo>> {
  cached ??= ruleCatalog()
    .then((rules) => new Map(rules.map((r) => [r.id, r])))
    .catch(() => new Map<string, RuleInfo>());
  return cached;
}
