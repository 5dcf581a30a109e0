import type { FindingDraft, Rule } from '../../rule.js';
import { SRC } from '../../sources.js';

/** First stable public release of technologies resumes claim years of experience in. */
const RELEASED: Array<[RegExp, string, number]> = [
  [/^kubernetes|^k8s/i, 'Kubernetes', 2014],
  [/^docker/i, 'Docker', 2013],
  [/^swift(ui)?\b/i, 'Swift', 2014],
  [/^rust\b/i, 'Rust', 2015],
  [/^react native/i, 'React Native', 2015],
  [/^react(\.js|js)?\b/i, 'React', 2013],
  [/^flutter/i, 'Flutter', 2017],
  [/^kotlin/i, 'Kotlin', 2016],
  [/^typescript/i, 'TypeScript', 2012],
  [/^golang|^go\s+(language|lang)/i, 'Go', 2009],
  [/^terraform/i, 'Terraform', 2014],
  [/^next\.?js/i, 'Next.js', 2016],
  [/^vue(\.js|js)?\b/i, 'Vue.js', 2014],
  [/^tensorflow/i, 'TensorFlow', 2015],
  [/^pytorch/i, 'PyTorch', 2016],
  [/^solidity/i, 'Solidity', 2015],
  [/^graphql/i, 'GraphQL', 2015],
  [/^svelte/i, 'Svelte', 2016],
  [/^deno\b/i, 'Deno', 2018],
  [/^langchain/i, 'LangChain', 2022],
];

const CLAIM = /(\d{1,2})\s*\+?\s*(?:years?|yrs?)\s+(?:of\s+)?(?:(?:professional|hands-on|commercial|production)\s+)?(?:experience\s+)?(?:with|in|using|of|building with)\s+([A-Za-z][A-Za-z0-9.+#]*(?:\s[A-Za-z][A-Za-z0-9.]*)?)/gi;

export const rule: Rule = {
  meta: {
    id: 'recruiting.resume.experience_predates_technology',
    title: 'Claimed experience older than the technology',
    description: 'A resume claims more years of experience with a technology than the technology has existed (e.g. "10 years of Kubernetes" in 2024).',
    rationale: 'Fabricated resumes inflate experience mechanically; advisories list experience that predates the technology among the inconsistencies to check.',
    sources: [SRC.psa2024, SRC.mandiant, SRC.seal],
    severity: 'low',
    data_needed: ['candidates.csv resume_text'],
    false_positives: ['Counting experience with predecessors (Borg before Kubernetes) or internal betas', 'Typos in the number of years'],
    params: { tolerance_years: { default: 1, description: 'Years of slack before the claim counts as impossible.' } },
  },
  async run(ctx) {
    const out: FindingDraft[] = [];
    for (const p of ctx.data.people.values()) {
      if (!p.resume_text) continue;
      const year = new Date(p.applied_at ?? ctx.now.toISOString()).getUTCFullYear();
      const claims = [];
      for (const m of p.resume_text.matchAll(CLAIM)) {
        const years = Number(m[1]);
        const tech = RELEASED.find(([re]) => re.test(m[2]!.trim()));
        if (!tech) continue;
        const possible = year - tech[2];
        if (years > possible + ctx.params.tolerance_years) claims.push({ text: m[0].trim(), technology: tech[1], claimed_years: years, released: tech[2], possible_years: possible });
      }
      if (!claims.length) continue;
      out.push({
        subject_type: 'person',
        subject_id: ctx.data.humanOf(p.id),
        summary: `Resume claims ${claims[0]!.claimed_years} years of ${claims[0]!.technology}, which has existed for ${claims[0]!.possible_years}`,
        discriminator: p.id,
        evidence: { record: p.id, as_of_year: year, claims },
        fact_keys: [`resume-inconsistent:${ctx.data.humanOf(p.id)}`],
        first_seen: p.applied_at ?? null,
      });
    }
    return out;
  },
};
