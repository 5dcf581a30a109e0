import { describe, expect } from 'vitest';
import { describeEachDialect } from '../helpers/stores.js';
import { candidate, detect, firesIt, person, silentIt } from './fixtures.js';

const RESUME = `Senior full stack engineer with deep experience designing and shipping web platforms for fintech and
logistics clients. Led the migration of a monolithic billing system to event driven services on Kubernetes, cutting
deployment time from two days to twenty minutes. Built React and TypeScript dashboards used by three hundred operations
staff, wrote the GraphQL gateway in front of twelve internal services, and mentored four junior developers. Introduced
contract testing and canary releases, reduced production incidents by forty percent over one year, and owned the on call
rotation for the payments team. Comfortable with PostgreSQL tuning, Redis caching, message queues and observability
tooling, and with writing clear design documents for distributed teams across several time zones.`;

const SAME_TEMPLATE_OTHER_LIFE = `Senior full stack engineer with deep experience designing and shipping mobile apps for retail and
healthcare clients. Rebuilt a patient scheduling system in Kotlin and Swift, published on both app stores with a four point
eight rating. Maintained the offline sync layer, designed the accessibility review process with clinicians, and ran user
research sessions in three hospitals. Reduced crash rates by half through better telemetry, moved the build pipeline to
reproducible containers, and wrote onboarding material for contractors joining the team during the pandemic years.`;

describeEachDialect('recruiting rules', (dialect) => {
  describe('recruiting.resume.near_duplicate', () => {
    const id = 'recruiting.resume.near_duplicate';
    firesIt(id, 'two applicants with one resume, only the name changed', async () => {
      const people = [candidate('C1', { full_name: 'Kevin Walsh', resume_text: `Kevin Walsh\n${RESUME}` }), candidate('C2', { full_name: 'Daniel Brooks', resume_text: `Daniel Brooks\n${RESUME}` })];
      const f = await detect(dialect, id, { people });
      expect(f.map((x) => x.subject_id).sort()).toEqual(['candidate:C1', 'candidate:C2']);
      expect((f[0]!.evidence.pairs as Array<{ jaccard: number }>)[0]!.jaccard).toBeGreaterThan(0.9);
    });
    silentIt(id, 'two resumes written from one template, with different experience', async () => {
      const people = [candidate('C1', { resume_text: RESUME }), candidate('C2', { resume_text: SAME_TEMPLATE_OTHER_LIFE })];
      expect(await detect(dialect, id, { people })).toHaveLength(0);
    });
  });

  describe('recruiting.photo.reused', () => {
    const id = 'recruiting.photo.reused';
    firesIt(id, 'one headshot (re-encoded: 2 bits differ) under two names', async () => {
      const people = [candidate('C1', { full_name: 'Kevin Walsh', photo_phash: 'c3a1f0e4d2b69781' }), candidate('C2', { full_name: 'Daniel Brooks', photo_phash: 'c3a1f0e4d2b69782' })];
      const f = await detect(dialect, id, { people });
      expect(f).toHaveLength(2);
      expect((f[0]!.evidence.photos as Array<{ distance_to_first: number }>)[1]!.distance_to_first).toBe(2);
    });
    silentIt(id, 'two different people\'s photos', async () => {
      const people = [candidate('C1', { full_name: 'Kevin Walsh', photo_phash: 'c3a1f0e4d2b69781' }), candidate('C2', { full_name: 'Daniel Brooks', photo_phash: '3c5e0f1b2d49687e' })];
      expect(await detect(dialect, id, { people })).toHaveLength(0);
    });
  });

  describe('recruiting.interview.flags', () => {
    const id = 'recruiting.interview.flags';
    firesIt(id, 'the face did not match the ID', async () => {
      const f = await detect(dialect, id, { people: [candidate('C1', { interview_flags: ['face_mismatch', 'camera_refused'] })] });
      expect(f).toHaveLength(1);
      expect(f[0]!.severity).toBe('high');
    });
    silentIt(id, 'a candidate whose camera did not work, nothing else', async () => {
      expect(await detect(dialect, id, { people: [candidate('C1', { interview_flags: ['camera_refused'] })] })).toHaveLength(0);
    });
  });

  describe('recruiting.referral.chain', () => {
    const id = 'recruiting.referral.chain';
    firesIt(id, 'a flagged employee referred a flagged applicant', async () => {
      const people = [
        person('E1'),
        candidate('C0', { hired_person_id: 'E1', interview_flags: ['voice_mismatch'] }),
        candidate('C1', { referred_by: 'E1', interview_flags: ['face_mismatch'] }),
      ];
      const f = await detect(dialect, id, { people }, {}, { also: ['recruiting.interview.flags'] });
      expect(f.map((x) => x.subject_id).sort()).toEqual(['candidate:C1', 'person:E1']);
      expect(f[0]!.evidence.referrals).toEqual([{ referrer: 'person:E1', referred: 'candidate:C1', record: 'candidate:C1' }]);
    });
    silentIt(id, 'a clean employee referred an applicant who was later flagged', async () => {
      const people = [person('E2'), candidate('C1', { referred_by: 'E2', interview_flags: ['face_mismatch'] })];
      expect(await detect(dialect, id, { people }, {}, { also: ['recruiting.interview.flags'] })).toHaveLength(0);
    });
  });

  describe('recruiting.resume.experience_predates_technology', () => {
    const id = 'recruiting.resume.experience_predates_technology';
    firesIt(id, '14 years of Kubernetes in 2025', async () => {
      const f = await detect(dialect, id, { people: [candidate('C1', { applied_at: '2025-01-02T10:00:00Z', resume_text: 'Platform engineer. 14+ years of experience with Kubernetes and 8 years in Python.' })] });
      expect(f).toHaveLength(1);
      expect((f[0]!.evidence.claims as Array<{ technology: string; possible_years: number }>)[0]).toMatchObject({ technology: 'Kubernetes', possible_years: 11 });
    });
    silentIt(id, '8 years of Kubernetes in 2025', async () => {
      expect(await detect(dialect, id, { people: [candidate('C1', { applied_at: '2025-01-02T10:00:00Z', resume_text: 'Platform engineer with 8 years of experience with Kubernetes.' })] })).toHaveLength(0);
    });
  });
});
