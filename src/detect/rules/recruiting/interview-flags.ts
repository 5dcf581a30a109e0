import type { FindingDraft, Rule } from '../../rule.js';
import { SRC } from '../../sources.js';

const LABEL: Record<string, string> = {
  camera_refused: 'refused to turn the camera on',
  face_mismatch: 'face did not match the photo or ID',
  voice_mismatch: 'voice changed between interviews',
  answers_read: 'answers appeared to be read out',
  refused_in_person: 'refused an in-person meeting',
  id_document_inconsistent: 'identity document inconsistent',
};

export const rule: Rule = {
  meta: {
    id: 'recruiting.interview.flags',
    title: 'Interview red flags',
    description: 'Interviewers recorded red flags: a face or voice that does not match, an inconsistent identity document, answers read out, refusal to meet in person, or a refused camera together with another flag.',
    rationale: 'Proxy interviewers, deepfaked video and scripted answers are how operators get through remote hiring; interviewers see it first.',
    sources: [SRC.psa2024, SRC.mandiant, SRC.gtig, SRC.knowbe4, SRC.okta],
    severity: 'medium',
    data_needed: ['candidates.csv interview_flags'],
    false_positives: ['A broken camera or a poor connection (a refused camera alone does not fire)', 'Nervous candidates reading prepared notes'],
    params: {
      strong_flags: { default: ['face_mismatch', 'voice_mismatch', 'id_document_inconsistent', 'answers_read', 'refused_in_person'], description: 'Flags that fire on their own.' },
      high_flags: { default: ['face_mismatch', 'id_document_inconsistent'], description: 'Flags that make the finding high severity.' },
      min_flags: { default: 2, description: 'Any flags, this many together, fire.' },
    },
  },
  async run(ctx) {
    const strong = new Set(ctx.params.strong_flags as string[]);
    const high = new Set(ctx.params.high_flags as string[]);
    const out: FindingDraft[] = [];
    for (const p of ctx.data.people.values()) {
      const flags = p.interview_flags ?? [];
      if (!flags.length || (!flags.some((f) => strong.has(f)) && flags.length < ctx.params.min_flags)) continue;
      out.push({
        subject_type: 'person',
        subject_id: ctx.data.humanOf(p.id),
        summary: `Interview flags: ${flags.map((f) => LABEL[f] ?? f).join('; ')}`,
        severity: flags.some((f) => high.has(f)) ? 'high' : undefined,
        discriminator: p.id,
        evidence: { record: p.id, position: p.position ?? null, applied_at: p.applied_at ?? null, flags },
        fact_keys: flags.map((f) => `interview-flag:${f}:${ctx.data.humanOf(p.id)}`),
        first_seen: p.applied_at ?? null,
      });
    }
    return out;
  },
};
