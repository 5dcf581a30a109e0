import type { Selectable } from 'kysely';
import type { FindingsTable } from '../../store/schema.js';
import type { Role } from '../security/roles.js';
import type { RuleInfo } from '../services/pipeline.js';
import { maskDeep, maskText, needsMasking } from './mask.js';

export function presentFinding(r: Selectable<FindingsTable>, role: Role, rules: Map<string, RuleInfo>) {
  let evidence: Record<string, unknown> = {};
  try {
    evidence = JSON.parse(r.evidence) as Record<string, unknown>;
  } catch {
    evidence = { unreadable: true };
  }
  const mask = needsMasking(role);
  return {
    id: r.id,
    rule_id: r.rule_id,
    rule_title: rules.get(r.rule_id)?.title ?? null,
    severity: r.severity,
    subject_type: r.subject_type,
    subject_id: r.subject_id,
    summary: mask ? maskText(r.summary) : r.summary,
    evidence: mask ? (maskDeep(evidence) as Record<string, unknown>) : evidence,
    first_seen: r.first_seen,
    last_seen: r.last_seen,
    created_at: r.created_at,
  };
}

const SEVERITY_RANK: Record<string, number> = { critical: 5, high: 4, medium: 3, low: 2, info: 1 };
export const bySeverity = (a: { severity: string; rule_id: string }, b: { severity: string; rule_id: string }) =>
  (SEVERITY_RANK[b.severity] ?? 0) - (SEVERITY_RANK[a.severity] ?? 0) || a.rule_id.localeCompare(b.rule_id);
