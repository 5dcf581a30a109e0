import { z } from 'zod';

/** ISO 8601 date or date-time, normalised to a UTC ISO string when a time is present. */
export const isoDateTime = z
  .string()
  .refine((s) => !Number.isNaN(Date.parse(s)), { message: 'not an ISO 8601 date' })
  .transform((s) => new Date(s).toISOString());

/** A calendar date (YYYY-MM-DD). A date-time is cut to its date. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T.*)?$/, 'not an ISO 8601 date (YYYY-MM-DD)')
  .refine((s) => !Number.isNaN(Date.parse(s.slice(0, 10))), { message: 'not a real calendar date' })
  .transform((s) => s.slice(0, 10));

export const countryCode = z
  .string()
  .transform((s) => s.trim().toUpperCase())
  .pipe(z.string().regex(/^[A-Z]{2}$/, 'not an ISO 3166-1 alpha-2 country code'));

export const PERSON_KINDS = ['employee', 'contractor', 'candidate'] as const;
export const personKind = z.enum(PERSON_KINDS);
export type PersonKind = z.infer<typeof personKind>;

export const SEVERITIES = ['info', 'low', 'medium', 'high', 'critical'] as const;
export const severity = z.enum(SEVERITIES);
export type Severity = z.infer<typeof severity>;

export const RISK_LEVELS = ['low', 'medium', 'high', 'critical'] as const;
export const riskLevel = z.enum(RISK_LEVELS);
export type RiskLevel = z.infer<typeof riskLevel>;

export const PLATFORMS = ['windows', 'darwin', 'linux'] as const;
export const platform = z.enum(PLATFORMS);

export const PAY_METHODS = ['direct_deposit', 'wire', 'paypal', 'payoneer', 'wise', 'crypto', 'check', 'other'] as const;
export const payMethod = z.enum(PAY_METHODS);

export const SHIPMENT_STATUSES = ['shipped', 'delivered', 'returned'] as const;
export const INTERVIEW_FLAGS = [
  'camera_refused',
  'face_mismatch',
  'voice_mismatch',
  'answers_read',
  'refused_in_person',
  'id_document_inconsistent',
] as const;
export const interviewFlag = z.enum(INTERVIEW_FLAGS);

/** A secret (account number, IBAN, wallet, government id) as Unmask keeps it: keyed hash plus last four. */
export const sealedSecret = z.object({
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  last4: z.string().max(4),
});
export type SealedSecret = z.infer<typeof sealedSecret>;

/** Kinds of identifier that can tie two people together. `linkable` says whether the linker may use them. */
export const IDENTIFIER_TYPES = {
  email: { linkable: true, secret: false },
  phone: { linkable: true, secret: false },
  home_address: { linkable: true, secret: false },
  ship_address: { linkable: true, secret: false },
  pay_account: { linkable: true, secret: true },
  iban: { linkable: true, secret: true },
  wallet: { linkable: true, secret: true },
  government_id: { linkable: true, secret: true },
  device_serial: { linkable: true, secret: false },
  ip: { linkable: true, secret: false },
  mfa_device: { linkable: true, secret: false },
  device_fingerprint: { linkable: true, secret: false },
  photo_hash: { linkable: true, secret: false },
  resume_fingerprint: { linkable: true, secret: false },
  profile_url: { linkable: true, secret: false },
} as const;
export type IdentifierType = keyof typeof IDENTIFIER_TYPES;
export const identifierType = z.enum(Object.keys(IDENTIFIER_TYPES) as [IdentifierType, ...IdentifierType[]]);

export const SUBJECT_TYPES = ['person', 'device', 'cluster', 'finding', 'identifier'] as const;
export const subjectType = z.enum(SUBJECT_TYPES);
export type SubjectType = z.infer<typeof subjectType>;
