import { z } from 'zod';

/**
 * `score:` section of unmask.yaml. Owned by the link and score stages (src/link, src/score).
 * Every default is explained in docs/linking.md and docs/scoring.md; change them there too.
 */

/** How telling a shared value is, per kind of identifier (see docs/linking.md). */
const identifierWeight = z
  .object({
    /** Link strength (0..1) when the value is shared by few people. */
    weight: z.number().min(0).max(1),
    /** Up to this many sharers the weight stays whole. */
    full_until: z.number().int().min(2),
    /** Beyond `full_until` the weight shrinks as (full_until / sharers) ^ decay. */
    decay: z.number().min(0),
    /** A value shared by more people than this links nobody (a popular IP, an office building). */
    max_share: z.number().int().min(2),
  })
  .strict();
type IdentifierWeight = z.infer<typeof identifierWeight>;

const w = (weight: number, full_until: number, decay: number, max_share: number): IdentifierWeight => ({ weight, full_until, decay, max_share });

/** Link namespaces: home and shipping addresses share one (a laptop shipped to someone else's home is the farm). */
export const LINK_KINDS = [
  'email',
  'phone',
  'address',
  'pay_account',
  'iban',
  'wallet',
  'government_id',
  'device_serial',
  'ip',
  'mfa_device',
  'device_fingerprint',
  'photo_hash',
  'resume_fingerprint',
  'profile_url',
] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

export const DEFAULT_IDENTIFIER_WEIGHTS: Record<LinkKind, IdentifierWeight> = {
  email: w(0.9, 2, 1, 10),
  phone: w(0.8, 2, 1, 10),
  address: w(0.8, 10, 0.3, 60),
  pay_account: w(0.85, 10, 0.3, 100),
  iban: w(0.85, 10, 0.3, 100),
  wallet: w(0.85, 10, 0.3, 100),
  government_id: w(0.95, 2, 1, 10),
  device_serial: w(0.9, 2, 1, 10),
  ip: w(0.35, 3, 0.7, 25),
  mfa_device: w(0.8, 3, 0.5, 20),
  device_fingerprint: w(0.45, 2, 1, 10),
  photo_hash: w(0.85, 2, 1, 10),
  resume_fingerprint: w(0.4, 3, 1, 20),
  profile_url: w(0.8, 2, 1, 5),
};

const IP_CLASSES = ['corporate', 'hosting', 'vpn', 'tor', 'residential_or_mobile', 'unknown'] as const;

const identifierWeights = z
  .object(Object.fromEntries(LINK_KINDS.map((k) => [k, identifierWeight.default(DEFAULT_IDENTIFIER_WEIGHTS[k])])) as Record<LinkKind, z.ZodDefault<typeof identifierWeight>>)
  .strict();

const linkDefaults = {
  identifiers: DEFAULT_IDENTIFIER_WEIGHTS,
  /** Multiplier on an IP's weight by its class: a VPN exit says little about who is together; corporate egress nothing. */
  ip_class_factor: { corporate: 0, hosting: 0.3, vpn: 0.2, tor: 0, residential_or_mobile: 1, unknown: 0.7 },
  /** Two people's use of one IP counts only if their first..last windows overlap within this many days. */
  ip_overlap_slack_days: 1,
  /** A pay destination shared only by contractors of one declared agency: the agency's payout account. */
  same_agency_factor: 0.2,
  /** A referral is a direct edge; alone it never joins two people (below `join_threshold`). */
  referral_weight: 0.35,
  /** Edges at least this strong join people into a cluster; weaker ones are kept as links only. */
  join_threshold: 0.5,
  /** A component larger than this is split by raising the threshold for its edges. */
  max_cluster_size: 150,
  /** An identifier shared by at least this many members of a cluster is named as a hub. */
  hub_min_members: 3,
  /** Near-duplicate resumes: word 5-shingles, MinHash Jaccard at least this. */
  resume_similarity: 0.8,
  /** Photos whose 64-bit perceptual hashes differ in at most this many bits are the same photo (as recruiting.photo.reused). */
  photo_hamming: 6,
  /** Entity resolution (Splink-style log2 Bayes factors, see docs/linking.md). */
  resolution: {
    prior: -6,
    match_probability: 0.85,
    name_exact: 4,
    name_close: 3,
    name_similar: 1.5,
    name_different: -4,
    dob_same: 5,
    dob_different: -6,
    email_same: 8,
    phone_same: 6,
    address_same: 2,
    /** The candidate names the person as hired_person_id: the HR system said so. */
    hired_as: 20,
    /** Largest blocking group compared pairwise (larger groups are too common a name/key to block on). */
    max_block: 50,
  },
};

const linkSection = z
  .object({
    identifiers: identifierWeights.default(linkDefaults.identifiers),
    ip_class_factor: z
      .object(Object.fromEntries(IP_CLASSES.map((c) => [c, z.number().min(0).max(1).default(linkDefaults.ip_class_factor[c])])) as Record<(typeof IP_CLASSES)[number], z.ZodDefault<z.ZodNumber>>)
      .strict()
      .default(linkDefaults.ip_class_factor),
    ip_overlap_slack_days: z.number().min(0).default(linkDefaults.ip_overlap_slack_days),
    same_agency_factor: z.number().min(0).max(1).default(linkDefaults.same_agency_factor),
    referral_weight: z.number().min(0).max(1).default(linkDefaults.referral_weight),
    join_threshold: z.number().gt(0).max(1).default(linkDefaults.join_threshold),
    max_cluster_size: z.number().int().min(2).default(linkDefaults.max_cluster_size),
    hub_min_members: z.number().int().min(2).default(linkDefaults.hub_min_members),
    resume_similarity: z.number().min(0).max(1).default(linkDefaults.resume_similarity),
    photo_hamming: z.number().int().min(0).max(16).default(linkDefaults.photo_hamming),
    resolution: z
      .object({
        prior: z.number().default(linkDefaults.resolution.prior),
        match_probability: z.number().min(0).max(1).default(linkDefaults.resolution.match_probability),
        name_exact: z.number().default(linkDefaults.resolution.name_exact),
        name_close: z.number().default(linkDefaults.resolution.name_close),
        name_similar: z.number().default(linkDefaults.resolution.name_similar),
        name_different: z.number().default(linkDefaults.resolution.name_different),
        dob_same: z.number().default(linkDefaults.resolution.dob_same),
        dob_different: z.number().default(linkDefaults.resolution.dob_different),
        email_same: z.number().default(linkDefaults.resolution.email_same),
        phone_same: z.number().default(linkDefaults.resolution.phone_same),
        address_same: z.number().default(linkDefaults.resolution.address_same),
        hired_as: z.number().default(linkDefaults.resolution.hired_as),
        max_block: z.number().int().min(2).default(linkDefaults.resolution.max_block),
      })
      .strict()
      .default(linkDefaults.resolution),
  })
  .strict()
  .default(linkDefaults);

/** Points a shared value adds to a cluster's score, per member beyond those a household explains. */
const sharedPoints = z
  .object({
    /** Sharers a household explains (a couple shares an address and an account): they add nothing. */
    free_members: z.number().int().min(1),
    /** Points per member beyond `free_members`. */
    per_member: z.number().min(0).max(100),
    /** At most this many points from one shared value. */
    max: z.number().min(0).max(100),
  })
  .strict();
type SharedPoints = z.infer<typeof sharedPoints>;
const sp = (free_members: number, per_member: number, max: number): SharedPoints => ({ free_members, per_member, max });

export const DEFAULT_SHARED_POINTS: Record<LinkKind | 'referral', SharedPoints> = {
  email: sp(1, 30, 60),
  phone: sp(2, 20, 50),
  address: sp(2, 15, 60),
  pay_account: sp(2, 25, 75),
  iban: sp(2, 25, 75),
  wallet: sp(1, 30, 75),
  government_id: sp(1, 50, 80),
  device_serial: sp(1, 30, 70),
  ip: sp(2, 8, 35),
  mfa_device: sp(1, 25, 60),
  device_fingerprint: sp(1, 10, 40),
  photo_hash: sp(1, 40, 70),
  resume_fingerprint: sp(1, 10, 30),
  profile_url: sp(1, 30, 60),
  referral: sp(2, 8, 30),
};

const scoreDefaults = {
  /** Points a finding adds on its own, by severity: a probability-like strength out of 100. */
  severity_points: { info: 0, low: 8, medium: 20, high: 40, critical: 70 },
  /** Score at which each level starts. */
  levels: { medium: 25, high: 50, critical: 75 },
  shared: DEFAULT_SHARED_POINTS,
  /** How much of a member's own evidence counts toward the cluster. */
  member_evidence_factor: 0.6,
  /** How much of the cluster's score (without the person's own evidence) counts toward each member. */
  cluster_factor: 0.5,
  /** Strength of an analyst's confirmation, out of 100. */
  confirmed_points: 90,
  /** Points for "the same human appears as several records under different names". */
  alias_points: 15,
};

export const scoreSection = z
  .object({
    severity_points: z
      .object({
        info: z.number().min(0).max(100).default(scoreDefaults.severity_points.info),
        low: z.number().min(0).max(100).default(scoreDefaults.severity_points.low),
        medium: z.number().min(0).max(100).default(scoreDefaults.severity_points.medium),
        high: z.number().min(0).max(100).default(scoreDefaults.severity_points.high),
        critical: z.number().min(0).max(100).default(scoreDefaults.severity_points.critical),
      })
      .strict()
      .default(scoreDefaults.severity_points),
    levels: z
      .object({
        medium: z.number().min(0).max(100).default(scoreDefaults.levels.medium),
        high: z.number().min(0).max(100).default(scoreDefaults.levels.high),
        critical: z.number().min(0).max(100).default(scoreDefaults.levels.critical),
      })
      .strict()
      .refine((l) => l.medium <= l.high && l.high <= l.critical, { message: 'levels must rise: medium <= high <= critical' })
      .default(scoreDefaults.levels),
    shared: z
      .object(Object.fromEntries(Object.entries(DEFAULT_SHARED_POINTS).map(([k, v]) => [k, sharedPoints.default(v)])) as Record<LinkKind | 'referral', z.ZodDefault<typeof sharedPoints>>)
      .strict()
      .default(scoreDefaults.shared),
    member_evidence_factor: z.number().min(0).max(1).default(scoreDefaults.member_evidence_factor),
    cluster_factor: z.number().min(0).max(1).default(scoreDefaults.cluster_factor),
    confirmed_points: z.number().min(0).max(100).default(scoreDefaults.confirmed_points),
    alias_points: z.number().min(0).max(100).default(scoreDefaults.alias_points),
    link: linkSection,
  })
  .strict()
  .default({ ...scoreDefaults, link: linkDefaults });

export type ScoreConfig = z.infer<typeof scoreSection>;
export type LinkConfig = ScoreConfig['link'];
