/**
 * /api/audit: the access log of patients' health data. Every read of a patient's data by someone
 * else (profile health fields, an appointment's reason, later records and document keys) is one
 * entry, allowed or denied, with why; entries are hash-chained under a gap-free sequence number, so
 * an altered or deleted entry is found by /api/audit/verify.
 */
import { z } from 'zod';
import { AddressSchema } from './address';
import { routes } from './route-spec';

export const AUDIT_OUTCOMES = ['allowed', 'denied'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/** What was read: a dotted code, e.g. `patient.profile.health`, `appointment.reason`, `records.list`. */
export const AUDIT_WHAT_PATTERN = /^[a-z]+(?:\.[a-z]+(?:-[a-z]+)*)*$/;

const page = {
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(100).default(20),
};

/** GET /api/audit/me?offset&limit */
export const AuditMeQuerySchema = z.strictObject(page);
export type AuditMeQuery = z.infer<typeof AuditMeQuerySchema>;

/** GET /api/audit?patient&actor&what&outcome&offset&limit (admins) */
export const AuditQuerySchema = z.strictObject({
  patient: AddressSchema.optional(),
  actor: AddressSchema.optional(),
  what: z.string().max(64).regex(AUDIT_WHAT_PATTERN, 'must be a code such as appointment.reason').optional(),
  outcome: z.enum(AUDIT_OUTCOMES).optional(),
  ...page,
});
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

export const AuditEntrySchema = z.object({
  /** Position in the chain: 1, 2, 3, … without gaps. */
  seq: z.number().int(),
  at: z.iso.datetime(),
  /** Who read (or tried to). */
  actor: z.string(),
  /** Whose data. */
  patient: z.string(),
  what: z.string(),
  outcome: z.enum(AUDIT_OUTCOMES),
  /** The grounds (`admin`, `consent grant`, `appointment #12`) or the reason for the denial. */
  why: z.string(),
  /** The previous entry's hash (64 zeros for the first). */
  prevHash: z.string(),
  /** sha256 over this entry's fields and prevHash. */
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

/** A page of entries, newest first, and how many match in all. */
export const AuditPageSchema = z.object({ items: z.array(AuditEntrySchema), total: z.number().int() });
export type AuditPage = z.infer<typeof AuditPageSchema>;

/** The latest access-log head anchored on chain (Anchoring.latestAuditHead) and whether the log still matches it. */
export const AnchoredAuditHeadSchema = z.object({
  seq: z.number().int(),
  /** The hash anchored for entry `seq` (hex, as entries hold it). */
  hash: z.string(),
  /** When it was anchored (block time). */
  at: z.iso.datetime(),
  /** The stored entry `seq` exists and its fields still hash to `hash`. False: the log up to it was rewritten or cut. */
  matches: z.boolean(),
});
export type AnchoredAuditHead = z.infer<typeof AnchoredAuditHeadSchema>;

/**
 * GET /api/audit/verify: the whole chain recomputed; when broken, the first entry that is altered or missing.
 * A chain rewritten consistently (every hash recomputed) is caught by the anchored head instead.
 */
export const AuditVerificationSchema = z.object({
  ok: z.boolean(),
  /** How many entries were read. */
  entries: z.number().int(),
  firstBrokenSeq: z.number().int().optional(),
  reason: z.string().optional(),
  /** Whether this server anchors the head on chain (off: no AUDIT_ANCHOR_PRIVATE_KEY, so nothing newer is protected). */
  anchoring: z.enum(['on', 'off']),
  /** Null until a head has been anchored. */
  anchored: AnchoredAuditHeadSchema.nullable(),
});
export type AuditVerification = z.infer<typeof AuditVerificationSchema>;

export const AUDIT_ROUTES = routes([
  {
    method: 'get',
    path: '/api/audit/me',
    summary: "Patients: who read the signed-in patient's data, or was refused, newest first.",
    access: 'session',
    query: AuditMeQuerySchema,
    response: AuditPageSchema,
    errors: ['PATIENT_ONLY'],
  },
  {
    method: 'get',
    path: '/api/audit/verify',
    summary:
      'Admins: recompute the whole hash chain, name the first altered or missing entry, and compare the head anchored on chain.',
    access: 'admin',
    response: AuditVerificationSchema,
    errors: ['ADMIN_ONLY'],
  },
  {
    method: 'get',
    path: '/api/audit',
    summary: 'Admins: the access log, newest first, filtered by patient, actor, what and outcome.',
    access: 'admin',
    query: AuditQuerySchema,
    response: AuditPageSchema,
    errors: ['ADMIN_ONLY'],
  },
]);
