/**
 * `sanctions.match`: people, candidates, pay-account holders and shipping recipients whose names
 * match an entry of a loaded sanctions list (OFAC SDN, UN consolidated, OpenSanctions), with the
 * reasons: which names matched and how, which facts agreed or disagreed.
 *
 * A benign decision is remembered: feedback `benign` on the finding (its id is stable for the same
 * match on the same data), or on the person with the match's fingerprint as evidence, suppresses
 * the match on later runs until the data behind it changes, which changes both the finding id and
 * the fingerprint.
 */
import { existsSync } from 'node:fs';
import { defaultKeyFile, SecretKey } from '../../../config/secret.js';
import type { Feedback } from '../../../model/index.js';
import { DEFAULT_THRESHOLD } from '../../../sanctions/matcher.js';
import { collectSubjects, loadIndex, screenSubjects, WHERE_TO_DOWNLOAD, type SubjectMatch } from '../../../sanctions/screening.js';
import { listFeedback } from '../../../store/repositories/records.js';
import { findingId } from '../../engine.js';
import type { FindingDraft, Rule } from '../../rule.js';

export const RULE_ID = 'sanctions.match';

/** The latest decision per subject (and fingerprint) wins: a later `confirmed` undoes a `benign`. */
function benignDecisions(feedback: Feedback[]): { findings: Set<string>; fingerprints: Set<string> } {
  const latest = new Map<string, Feedback>();
  for (const f of feedback) {
    const k = f.subject_type === 'finding' ? `finding\u0000${f.subject_id}` : `${f.subject_type}\u0000${f.subject_id}\u0000${f.evidence_fingerprint ?? ''}`;
    const prev = latest.get(k);
    if (!prev || prev.decided_at <= f.decided_at) latest.set(k, f);
  }
  const findings = new Set<string>();
  const fingerprints = new Set<string>();
  for (const f of latest.values()) {
    if (f.decision !== 'benign') continue;
    if (f.subject_type === 'finding') findings.add(f.subject_id);
    else if (f.subject_type === 'person' && f.evidence_fingerprint) fingerprints.add(`${f.subject_id}\u0000${f.evidence_fingerprint}`);
  }
  return { findings, fingerprints };
}

function draftFor(m: SubjectMatch): FindingDraft {
  const { subject, match, fingerprint } = m;
  const e = match.entry;
  const corroborated = match.contributions.some((c) => c.feature === 'identifier_match' || (c.feature === 'dob_match' && c.value === 1));
  return {
    subject_type: 'person',
    subject_id: subject.subject_id,
    summary: `${subject.field === 'pay_accounts.account_holder' ? 'Pay-account holder' : 'Name'} "${subject.query.name}" matches ${e.list_id} entry ${e.primary_name} (${e.programs.join(', ') || 'no programme'}), score ${match.score.toFixed(2)}`,
    evidence: {
      role: subject.role,
      field: subject.field,
      screened_name: subject.query.name,
      list: e.list_id,
      entry_id: e.id,
      entry_uid: e.source_uid,
      entry_type: e.entity_type,
      listed_name: e.primary_name,
      matched_name: match.matched_name.name,
      matched_name_kind: match.matched_name.kind,
      programs: e.programs,
      score: Number(match.score.toFixed(3)),
      reasons: match.reasons,
      contributions: match.contributions.map((c) => ({ ...c, points: Number(c.points.toFixed(3)) })),
      match_fingerprint: fingerprint,
    },
    fact_keys: [`sanctions-entry:${e.id}:${subject.subject_id}`],
    severity: corroborated ? 'critical' : match.score >= 0.9 ? 'high' : 'medium',
    // The fingerprint in the id: a benign decision on this finding lapses when the data changes.
    discriminator: `${e.list_id}:${e.source_uid}:${fingerprint.slice(0, 16)}`,
  };
}

export const rule: Rule = {
  meta: {
    id: RULE_ID,
    title: 'Name matches a sanctions list entry',
    description:
      'A person, candidate, pay-account holder or shipping recipient has a name that matches an entry of a loaded sanctions list (OFAC SDN, UN consolidated list, OpenSanctions) across spellings, scripts, romanisations and name order, scored with date of birth, countries and identifiers when both sides have them.',
    rationale:
      'Paying a DPRK IT worker or facilitator is a sanctions violation as well as a security incident; OFAC and the UN list DPRK front companies and people (programmes DPRK, DPRK2, DPRK3, DPRK4, NPWMD). A name match alone is a lead to check, not proof: the reasons say which names and facts agreed.',
    sources: [
      'US Treasury OFAC, Specially Designated Nationals and Blocked Persons List: https://ofac.treasury.gov/specially-designated-nationals-and-blocked-persons-list-sdn-human-readable-lists',
      'UN Security Council Consolidated List: https://main.un.org/securitycouncil/en/content/un-sc-consolidated-list',
      'US State/Treasury/FBI, Guidance on the DPRK Information Technology Workers (May 2022): https://ofac.treasury.gov/recent-actions/20220516',
    ],
    severity: 'high',
    data_needed: ['people.csv', 'candidates.csv', 'pay_accounts.csv', 'shipments.csv', 'a loaded sanctions list (`unmask lists load`)'],
    false_positives: [
      'Different people share names, above all common Korean, Chinese and Arabic names: check the date of birth and the other facts in the reasons before acting.',
      'A listed company name may contain ordinary words that a legitimate business also uses.',
    ],
    params: {
      threshold: { default: DEFAULT_THRESHOLD, description: 'Lowest match score that makes a finding (0..1).' },
      max_matches_per_name: { default: 3, description: 'Most list entries reported for one screened name.' },
    },
  },
  async run(ctx) {
    // Sealed government ids are compared only with an existing key (a rule never creates one);
    // without it names, dates and countries still are.
    let key: SecretKey | null = null;
    const keyFile = ctx.config.secret_key_file || process.env.UNMASK_SECRET_KEY_FILE || defaultKeyFile();
    if (process.env.UNMASK_SECRET_KEY || existsSync(keyFile)) {
      try {
        key = SecretKey.load(ctx.config.secret_key_file);
      } catch (err) {
        ctx.log.warn(`sanctions.match: secret key unusable, government ids not compared: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    const loaded = await loadIndex(ctx.store, key);
    if (!loaded) {
      ctx.log.warn(`sanctions.match: no sanctions list is loaded, so nothing was screened. Load one with \`unmask lists load PATH\`:\n  ${WHERE_TO_DOWNLOAD.join('\n  ')}`);
      return [];
    }
    const subjects = await collectSubjects(ctx.store);
    const matches = screenSubjects(loaded.index, subjects, { threshold: Number(ctx.params.threshold), limit: Number(ctx.params.max_matches_per_name) });
    const benign = benignDecisions(await listFeedback(ctx.store));
    const out: FindingDraft[] = [];
    let suppressed = 0;
    for (const m of matches) {
      const draft = draftFor(m);
      if (benign.findings.has(findingId(RULE_ID, draft)) || benign.fingerprints.has(`${m.subject.subject_id}\u0000${m.fingerprint}`)) {
        suppressed++;
        continue;
      }
      out.push(draft);
    }
    ctx.log.info(
      `sanctions.match: screened ${subjects.length} names against ${loaded.index.size} entries of ${loaded.lists.map((l) => l.id).join(', ')}: ${out.length} matches${suppressed ? `, ${suppressed} suppressed by benign decisions` : ''}`,
    );
    return out;
  },
};
