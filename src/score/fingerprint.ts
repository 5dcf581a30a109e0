/**
 * Evidence fingerprints of findings: what an analyst's decision was about (a cluster's is
 * `ClusterDraft.fingerprint`, from the link stage). A benign decision suppresses the
 * evidence whose fingerprint it recorded; when the data behind a finding or a cluster changes
 * (new sign-ins, another member, another shared account), the fingerprint changes and the evidence
 * counts again.
 */
import { createHash } from 'node:crypto';
import type { Finding } from '../model/index.js';

/** JSON with sorted keys, so equal evidence always gives equal text. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v as object)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v ?? null);
}

const sha = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 32);

export function findingFingerprint(f: Pick<Finding, 'rule_id' | 'subject_type' | 'subject_id' | 'evidence' | 'fact_keys'>): string {
  return `finding:${sha(canonicalJson({ r: f.rule_id, t: f.subject_type, s: f.subject_id, e: f.evidence, k: [...(f.fact_keys ?? [])].sort() }))}`;
}
