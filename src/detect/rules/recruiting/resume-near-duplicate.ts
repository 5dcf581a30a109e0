import { nearDuplicateResumes, resumeShingles } from '../../../enrich/near-duplicates.js';
import { members } from '../../helpers/people.js';
import type { FindingDraft, Rule } from '../../rule.js';
import { SRC } from '../../sources.js';

function jaccard(a: Set<string>, b: Set<string>): number {
  let common = 0;
  for (const x of a) if (b.has(x)) common++;
  return common / (a.size + b.size - common || 1);
}

export const rule: Rule = {
  meta: {
    id: 'recruiting.resume.near_duplicate',
    title: 'Resume is a near-copy of another applicant\'s',
    description: 'An applicant\'s resume text is a near-duplicate (MinHash over word 5-shingles, then exact Jaccard) of a resume submitted by a different person.',
    rationale: 'Teams of operators apply with templated resumes under many names, changing little more than the name and the dates.',
    sources: [SRC.mandiant, SRC.gtig, SRC.okta, SRC.seal],
    severity: 'high',
    data_needed: ['candidates.csv resume_text or resume_file'],
    false_positives: ['Resumes written from one bootcamp or agency template (they share boilerplate, not experience)', 'One person applying twice under one name is one person and does not count'],
    params: {
      threshold: { default: 0.8, description: 'Smallest Jaccard similarity of word 5-shingles that fires.' },
      min_shingles: { default: 20, description: 'Resumes shorter than this many shingles are not compared.' },
    },
  },
  async run(ctx) {
    const records = [...ctx.data.people.values()].filter((p) => p.resume_text);
    const groups = nearDuplicateResumes(records.map((r) => r.resume_text), ctx.params.threshold, ctx.params.min_shingles);
    const out: FindingDraft[] = [];
    for (const g of groups) {
      const recs = g.map((i) => records[i]!);
      const humans = [...new Set(recs.map((r) => ctx.data.humanOf(r.id)))].sort();
      if (humans.length < 2) continue;
      const sh = recs.map((r) => resumeShingles(r.resume_text!));
      const pairs = [];
      for (let i = 0; i < recs.length; i++)
        for (let j = i + 1; j < recs.length; j++)
          if (ctx.data.humanOf(recs[i]!.id) !== ctx.data.humanOf(recs[j]!.id)) pairs.push({ a: recs[i]!.id, b: recs[j]!.id, jaccard: Math.round(jaccard(sh[i]!, sh[j]!) * 100) / 100 });
      const fp = `resume-group:${recs.map((r) => r.id).sort().join(',')}`;
      for (const h of humans) {
        out.push({
          subject_type: 'person',
          subject_id: h,
          summary: `Resume is a near-copy of ${humans.length - 1} other applicant${humans.length === 2 ? '\'s' : 's\''} (similarity up to ${Math.max(...pairs.map((p) => p.jaccard))})`,
          discriminator: fp,
          evidence: { people: members(ctx.data, humans), records: recs.map((r) => ({ id: r.id, name: r.full_name, applied_at: r.applied_at ?? null, resume_chars: r.resume_text!.length })), pairs: pairs.slice(0, 20) },
          fact_keys: [fp],
        });
      }
    }
    return out;
  },
};
