/**
 * /api/emergency: break-glass access. The chain (EmergencyAccess) decides who has an open window; the
 * server keeps what the chain must not hold: the doctor's justification text (only its salted commitment
 * goes on chain), the admins' reviews, and the wrapped keys of the clinic's emergency key and of the
 * documents patients opted in to share in an emergency. What a window opens: the patient's emergency
 * profile and records list always; encrypted documents only after the patient's emergency sharing is on
 * and an admin's browser re-wrapped the keys for the doctor (the server never sees a key in the clear).
 *
 * Flow of a doctor: POST /justifications → { salt, commitment } → the doctor's wallet sends
 * EmergencyAccess.breakGlass(patient, commitment) → GET /patients/:address while the window lasts.
 */
import { z } from 'zod';
import { AddressSchema } from './address';
import { PublicKeyHexSchema, WrappedKeyHexSchema } from './document-keys';
import { CidSchema } from './ipfs';
import { RecordEntrySchema } from './records';
import { routes } from './route-spec';

/** Long enough to say what happened, short enough to stay a note (the patient reads it). */
export const JUSTIFICATION_MIN_LENGTH = 20;
export const JUSTIFICATION_MAX_LENGTH = 1000;

/** POST /api/emergency/justifications */
export const JustificationBodySchema = z.strictObject({
  patient: AddressSchema,
  justification: z
    .string({ error: 'is required' })
    .trim()
    .min(JUSTIFICATION_MIN_LENGTH, `is required: at least ${JUSTIFICATION_MIN_LENGTH} characters`)
    .max(JUSTIFICATION_MAX_LENGTH, `must be at most ${JUSTIFICATION_MAX_LENGTH} characters`),
});
export type JustificationBody = z.input<typeof JustificationBodySchema>;

/**
 * What the doctor's wallet commits to: breakGlass(patient, commitment), where
 * commitment = solidityPackedKeccak256(['bytes32', 'string'], [salt, justification]) of the trimmed text.
 */
export const JustificationCreatedSchema = z.object({
  patient: z.string(),
  doctor: z.string(),
  salt: z.string(),
  commitment: z.string(),
});
export type JustificationCreated = z.infer<typeof JustificationCreatedSchema>;

/** An access's id: `<txHash>-<logIndex>` of its EmergencyAccessOpened event (stable across rebuilds). */
export const EmergencyAccessIdSchema = z
  .string()
  .regex(/^0x[0-9a-fA-F]{64}-\d{1,6}$/, 'must be <txHash>-<logIndex> of an EmergencyAccessOpened event')
  .transform((value) => value.toLowerCase());
export const EmergencyAccessParamsSchema = z.strictObject({ id: EmergencyAccessIdSchema });

export const EMERGENCY_REVIEW_OUTCOMES = ['appropriate', 'inappropriate'] as const;
export type EmergencyReviewOutcome = (typeof EMERGENCY_REVIEW_OUTCOMES)[number];

export const EmergencyReviewSchema = z.object({
  outcome: z.enum(EMERGENCY_REVIEW_OUTCOMES),
  note: z.string(),
  reviewer: z.string(),
  reviewedAt: z.iso.datetime(),
});
export type EmergencyReview = z.infer<typeof EmergencyReviewSchema>;

/** One break-glass use, from the chain's events joined to the stored justification. */
export const EmergencyAccessSchema = z.object({
  id: z.string(),
  patient: z.string(),
  doctor: z.string(),
  /** From the doctor's profile, when they have one. */
  doctorName: z.string().optional(),
  commitment: z.string(),
  /** The doctor's text; null when no stored justification matches the on-chain commitment. */
  justification: z.string().nullable(),
  openedAt: z.iso.datetime(),
  /** When the window closes on its own (block time). */
  expiresAt: z.iso.datetime(),
  /** Set when someone ended it early (EmergencyAccessEnded). */
  endedAt: z.iso.datetime().nullable(),
  endedBy: z.string().nullable(),
  /** Unexpired and not ended, by the chain's latest block time (the chain still checks the doctor's status). */
  live: z.boolean(),
  /** The doctor's use count on chain right after this use. */
  doctorUseCount: z.number().int(),
  txHash: z.string(),
  review: EmergencyReviewSchema.nullable(),
});
export type EmergencyAccessView = z.infer<typeof EmergencyAccessSchema>;

/** GET /api/emergency/accesses?patient: the patient (their own) or admins. */
export const EmergencyAccessesQuerySchema = z.strictObject({ patient: AddressSchema });
export const EmergencyAccessListSchema = z.object({ items: z.array(EmergencyAccessSchema) });
export type EmergencyAccessList = z.infer<typeof EmergencyAccessListSchema>;

/** GET /api/emergency/reviews: unreviewed first, then newest first; repeated use made visible. */
export const EmergencyReviewItemSchema = EmergencyAccessSchema.extend({
  doctorUses: z.object({ total: z.number().int(), last30Days: z.number().int() }),
});
export type EmergencyReviewItem = z.infer<typeof EmergencyReviewItemSchema>;
export const EmergencyReviewQueueSchema = z.object({
  items: z.array(EmergencyReviewItemSchema),
  unreviewed: z.number().int(),
});
export type EmergencyReviewQueue = z.infer<typeof EmergencyReviewQueueSchema>;

/** POST /api/emergency/reviews/:id */
export const EmergencyReviewBodySchema = z.strictObject({
  outcome: z.enum(EMERGENCY_REVIEW_OUTCOMES),
  note: z.string().trim().max(1000).default(''),
});
export type EmergencyReviewBody = z.input<typeof EmergencyReviewBodySchema>;

/** The emergency profile: what a treating doctor needs first. Health data: every read is logged. */
export const EmergencyProfileSchema = z.object({
  firstName: z.string(),
  lastName: z.string(),
  dateOfBirth: z.iso.date(),
  allergies: z.array(z.string()),
  chronicConditions: z.array(z.string()),
  currentMedications: z.array(z.string()),
  emergencyContact: z.object({ name: z.string(), phone: z.string() }),
});
export type EmergencyProfile = z.infer<typeof EmergencyProfileSchema>;

/** GET /api/emergency/patients/:address (a doctor inside their window). */
export const EmergencyPatientParamsSchema = z.strictObject({ address: AddressSchema });
export const EmergencyPatientViewSchema = z.object({
  patient: z.string(),
  /** When this doctor's window closes (chain). */
  expiresAt: z.iso.datetime(),
  /** Null when the patient never saved a profile. */
  profile: EmergencyProfileSchema.nullable(),
  /** Every entry of the record, newest first (the documents themselves stay encrypted). */
  records: z.array(RecordEntrySchema),
  /** The patient opted in on chain to emergency sharing of documents (re-wrapped keys may follow). */
  documentsShared: z.boolean(),
});
export type EmergencyPatientView = z.infer<typeof EmergencyPatientViewSchema>;

const WrapListSchema = <T extends z.ZodType>(item: T) => z.array(item).min(1).max(200);

/**
 * PUT /api/emergency/clinic-key/wraps (admins): the clinic key's private key wrapped for admins'
 * published document keys, made by the admin browser that generated it. `publicKey` must be the
 * chain's emergencyKey(); wraps for an older key are replaced.
 */
export const ClinicKeyWrapsBodySchema = z.strictObject({
  publicKey: PublicKeyHexSchema,
  wraps: WrapListSchema(z.strictObject({ admin: AddressSchema, wrappedKey: WrappedKeyHexSchema })),
});
export type ClinicKeyWrapsBody = z.input<typeof ClinicKeyWrapsBodySchema>;
export const ClinicKeyWrapSchema = z.object({
  publicKey: z.string(),
  admin: z.string(),
  wrappedKey: z.string(),
  wrappedBy: z.string(),
  wrappedAt: z.iso.datetime(),
});
export type ClinicKeyWrap = z.infer<typeof ClinicKeyWrapSchema>;
/** The admins holding a wrap of the current clinic key (who can re-wrap now). */
export const ClinicKeyWrapsSchema = z.object({
  publicKey: z.string().nullable(),
  admins: z.array(z.string()),
});
export type ClinicKeyWraps = z.infer<typeof ClinicKeyWrapsSchema>;

/**
 * PUT /api/emergency/documents/keys (the patient, emergency sharing on): document keys wrapped for the
 * clinic key `publicKey` (= emergencyKey() on chain), CIDs of the patient's own records only.
 */
export const EmergencyDocumentKeysBodySchema = z.strictObject({
  publicKey: PublicKeyHexSchema,
  keys: WrapListSchema(z.strictObject({ cid: CidSchema, wrappedKey: WrappedKeyHexSchema })),
});
export type EmergencyDocumentKeysBody = z.input<typeof EmergencyDocumentKeysBodySchema>;

/** GET /api/emergency/documents/keys?patient (the patient): which documents are wrapped for which clinic key. */
export const EmergencyDocumentKeysQuerySchema = z.strictObject({ patient: AddressSchema });
export const EmergencyDocumentKeyStatusSchema = z.object({
  /** The chain's current clinic key (null: none set yet). */
  clinicKey: z.string().nullable(),
  sharing: z.boolean(),
  items: z.array(z.object({ cid: z.string(), publicKey: z.string() })),
});
export type EmergencyDocumentKeyStatus = z.infer<typeof EmergencyDocumentKeyStatusSchema>;

/** GET /api/emergency/accesses/:id/document-keys (admins): clinic-wrapped keys to re-wrap for the doctor. */
export const ClinicWrappedDocumentKeysSchema = z.object({
  accessId: z.string(),
  patient: z.string(),
  doctor: z.string(),
  expiresAt: z.iso.datetime(),
  publicKey: z.string(),
  items: z.array(z.object({ cid: z.string(), wrappedKey: z.string() })),
});
export type ClinicWrappedDocumentKeys = z.infer<typeof ClinicWrappedDocumentKeysSchema>;

/** POST /api/emergency/accesses/:id/document-keys (admins): the same keys wrapped for the doctor's key. */
export const RewrappedDocumentKeysBodySchema = z.strictObject({
  keys: WrapListSchema(z.strictObject({ cid: CidSchema, wrappedKey: WrappedKeyHexSchema })),
});
export type RewrappedDocumentKeysBody = z.input<typeof RewrappedDocumentKeysBodySchema>;

export const EMERGENCY_ROUTES = routes([
  {
    method: 'post',
    path: '/api/emergency/justifications',
    summary:
      'Verified doctors: stores the justification (journaled, never on chain or in logs) and returns the salt and commitment to pass to EmergencyAccess.breakGlass.',
    access: 'session',
    body: JustificationBodySchema,
    response: JustificationCreatedSchema,
    status: 201,
    errors: ['EMERGENCY_NOT_VERIFIED_DOCTOR', 'PATIENT_NOT_FOUND'],
  },
  {
    method: 'get',
    path: '/api/emergency/patients/:address',
    summary:
      "A doctor inside their break-glass window (chain, at request time): the patient's emergency profile, records list and emergency sharing. Every read and refusal is logged.",
    access: 'session',
    params: EmergencyPatientParamsSchema,
    response: EmergencyPatientViewSchema,
    errors: ['EMERGENCY_NO_ACCESS'],
  },
  {
    method: 'get',
    path: '/api/emergency/accesses',
    summary: "A patient's emergency accesses with each justification, newest first (the patient; admins).",
    access: 'session',
    query: EmergencyAccessesQuerySchema,
    response: EmergencyAccessListSchema,
    errors: ['EMERGENCY_NOT_ALLOWED'],
  },
  {
    method: 'get',
    path: '/api/emergency/accesses/mine',
    summary: "Doctors: their own emergency accesses, newest first (to find an open window's patient again).",
    access: 'session',
    response: EmergencyAccessListSchema,
  },
  {
    method: 'get',
    path: '/api/emergency/reviews',
    summary: "Admins: every emergency access, unreviewed first, with each doctor's total and last-30-days uses.",
    access: 'admin',
    response: EmergencyReviewQueueSchema,
    errors: ['ADMIN_ONLY'],
  },
  {
    method: 'post',
    path: '/api/emergency/reviews/:id',
    summary: 'Admins: records the review of one emergency access (journaled; a later review replaces it).',
    access: 'admin',
    params: EmergencyAccessParamsSchema,
    body: EmergencyReviewBodySchema,
    response: EmergencyAccessSchema,
    errors: ['ADMIN_ONLY', 'EMERGENCY_ACCESS_NOT_FOUND'],
  },
  {
    method: 'put',
    path: '/api/emergency/clinic-key/wraps',
    summary:
      "Admins: stores the clinic emergency key's private key wrapped for admins' published keys; publicKey must be the chain's emergencyKey().",
    access: 'admin',
    body: ClinicKeyWrapsBodySchema,
    response: ClinicKeyWrapsSchema,
    errors: ['ADMIN_ONLY', 'EMERGENCY_KEY_MISMATCH', 'EMERGENCY_WRAP_NOT_ADMIN'],
  },
  {
    method: 'get',
    path: '/api/emergency/clinic-key/wraps',
    summary: 'Admins: the current clinic key and which admins hold a wrap of it.',
    access: 'admin',
    response: ClinicKeyWrapsSchema,
    errors: ['ADMIN_ONLY'],
  },
  {
    method: 'get',
    path: '/api/emergency/clinic-key/wraps/me',
    summary: "Admins: the caller's wrap of the current clinic key's private key.",
    access: 'admin',
    response: ClinicKeyWrapSchema,
    errors: ['ADMIN_ONLY', 'EMERGENCY_KEY_NOT_SET', 'EMERGENCY_WRAP_NOT_FOUND'],
  },
  {
    method: 'put',
    path: '/api/emergency/documents/keys',
    summary:
      "The patient, with emergency sharing on: stores their documents' keys wrapped for the clinic key (own records' CIDs only).",
    access: 'session',
    body: EmergencyDocumentKeysBodySchema,
    status: 204,
    errors: [
      'PATIENT_ONLY',
      'EMERGENCY_SHARING_OFF',
      'EMERGENCY_KEY_NOT_SET',
      'EMERGENCY_KEY_MISMATCH',
      'EMERGENCY_NOT_OWN_RECORD',
    ],
  },
  {
    method: 'get',
    path: '/api/emergency/documents/keys',
    summary: 'The patient: whether sharing is on, the clinic key, and which documents are wrapped for it.',
    access: 'session',
    query: EmergencyDocumentKeysQuerySchema,
    response: EmergencyDocumentKeyStatusSchema,
    errors: ['PATIENT_ONLY'],
  },
  {
    method: 'get',
    path: '/api/emergency/accesses/:id/document-keys',
    summary:
      "Admins: the patient's clinic-wrapped document keys, only while the access is live and the patient's emergency sharing is on.",
    access: 'admin',
    params: EmergencyAccessParamsSchema,
    response: ClinicWrappedDocumentKeysSchema,
    errors: ['ADMIN_ONLY', 'EMERGENCY_ACCESS_NOT_FOUND', 'EMERGENCY_NOT_LIVE', 'EMERGENCY_SHARING_OFF'],
  },
  {
    method: 'post',
    path: '/api/emergency/accesses/:id/document-keys',
    summary:
      "Admins: stores document keys re-wrapped for the access's doctor; the doctor reads them (GET /api/documents/:cid/key) only inside the window.",
    access: 'admin',
    params: EmergencyAccessParamsSchema,
    body: RewrappedDocumentKeysBodySchema,
    status: 204,
    errors: [
      'ADMIN_ONLY',
      'EMERGENCY_ACCESS_NOT_FOUND',
      'EMERGENCY_NOT_LIVE',
      'EMERGENCY_SHARING_OFF',
      'EMERGENCY_NOT_OWN_RECORD',
    ],
  },
]);
