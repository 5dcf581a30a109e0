import { normalizeName } from '../../../enrich/names.js';
import { samePhotos } from '../../../enrich/near-duplicates.js';
import { members } from '../../helpers/people.js';
import type { FindingDraft, Rule } from '../../rule.js';
import { SRC } from '../../sources.js';

function hamming(a: string, b: string): number | null {
  if (!/^[0-9a-f]{16}$/i.test(a) || !/^[0-9a-f]{16}$/i.test(b)) return null;
  let x = BigInt(`0x${a}`) ^ BigInt(`0x${b}`);
  let n = 0;
  while (x) {
    n += Number(x & 1n);
    x >>= 1n;
  }
  return n;
}

export const rule: Rule = {
  meta: {
    id: 'recruiting.photo.reused',
    title: 'One photo under several names',
    description: 'Applicants with different names use the same profile photo: identical file hash, or perceptual hashes (64-bit pHash) within a few bits of each other.',
    rationale: 'Operators reuse one (often AI-edited or stolen) headshot across the identities they apply with.',
    sources: [SRC.mandiant, SRC.gtig, SRC.okta, SRC.unit42],
    severity: 'high',
    data_needed: ['candidates.csv photo_file (hashed at ingest)'],
    false_positives: ['Default avatars or company-branded placeholder images', 'The same person applying under a changed name (e.g. after marriage)'],
    params: { max_distance: { default: 6, description: 'Largest Hamming distance between perceptual hashes that counts as the same picture.' } },
  },
  async run(ctx) {
    const records = [...ctx.data.people.values()].filter((p) => p.photo_sha256 || p.photo_phash);
    const groups = samePhotos(records.map((r) => ({ sha256: r.photo_sha256, phash: r.photo_phash })), ctx.params.max_distance);
    const out: FindingDraft[] = [];
    for (const g of groups) {
      const recs = g.map((i) => records[i]!);
      const humans = [...new Set(recs.map((r) => ctx.data.humanOf(r.id)))].sort();
      const names = new Set(recs.map((r) => normalizeName(r.full_name)));
      if (humans.length < 2 || names.size < 2) continue;
      const base = recs[0]!;
      const fp = `photo-group:${recs.map((r) => r.id).sort().join(',')}`;
      for (const h of humans) {
        out.push({
          subject_type: 'person',
          subject_id: h,
          summary: `Profile photo also used by ${humans.length - 1} applicant${humans.length === 2 ? '' : 's'} under another name`,
          discriminator: fp,
          evidence: {
            people: members(ctx.data, humans),
            photos: recs.map((r) => ({
              id: r.id,
              name: r.full_name,
              sha256: r.photo_sha256 ?? null,
              phash: r.photo_phash ?? null,
              distance_to_first: r === base ? 0 : r.photo_sha256 && r.photo_sha256 === base.photo_sha256 ? 0 : r.photo_phash && base.photo_phash ? hamming(r.photo_phash, base.photo_phash) : null,
            })),
            max_distance: ctx.params.max_distance,
          },
          fact_keys: [fp],
        });
      }
    }
    return out;
  },
};
