/**
 * Independent pieces of evidence combine with diminishing returns, like independent chances:
 * score = 100 × (1 − Π(1 − pᵢ/100)). Two findings of 40 give 64, not 80; nothing passes 100.
 * The explanation is a waterfall: terms in descending strength, each showing what it added on top
 * of the ones before it, rounded so that the rows add up exactly to the final (integer) score.
 */
import type { RiskLevel } from '../model/index.js';

export interface Term {
  label: string;
  /** Strength on its own, 0..100. */
  points: number;
  source: string;
  detail?: string | null;
}

export interface Contribution {
  label: string;
  /** What this term added to the score after the terms above it. */
  points: number;
  source: string;
  detail?: string | null;
}

export function combine(terms: Term[]): { score: number; explanation: Contribution[] } {
  const ordered = terms
    .map((t, i) => ({ t, i }))
    .sort((x, y) => y.t.points - x.t.points || x.i - y.i)
    .map((x) => x.t);
  let remaining = 1;
  let shown = 0;
  const explanation: Contribution[] = [];
  for (const t of ordered) {
    const p = Math.min(Math.max(t.points, 0), 100) / 100;
    remaining *= 1 - p;
    const cumulative = Math.round(100 * (1 - remaining));
    explanation.push({ label: t.label, points: cumulative - shown, source: t.source, detail: t.detail ?? null });
    shown = cumulative;
  }
  return { score: shown, explanation };
}

export function levelOf(score: number, levels: { medium: number; high: number; critical: number }): RiskLevel {
  if (score >= levels.critical) return 'critical';
  if (score >= levels.high) return 'high';
  if (score >= levels.medium) return 'medium';
  return 'low';
}
