/**
 * GET /api/consent/:patient/:doctor: a doctor's current access to a patient's records, read from the chain.
 * GET /api/consent/:patient: the patient's doctors (every pair with a Consent event), each with its live access.
 */
import { z } from 'zod';
import { AddressSchema } from './address';
import { DOCTOR_STATUSES } from './chain-values';
import { routes } from './route-spec';

export const ConsentPairParamsSchema = z.object({ patient: AddressSchema, doctor: AddressSchema });
export type ConsentPairParams = z.input<typeof ConsentPairParamsSchema>;

export const ConsentViewSchema = z.object({
  patient: z.string(),
  doctor: z.string(),
  /** True only while the access is unexpired and the doctor is still verified. */
  hasAccess: z.boolean(),
  /** When the access ends (ISO); null when there is none, or when it lasts until revoked. */
  expiresAt: z.string().nullable(),
  untilRevoked: z.boolean(),
  /** The doctor's status in the Registry: only a verified doctor's access counts. */
  doctorStatus: z.enum(DOCTOR_STATUSES),
  /** An unexpired grant exists but the doctor is not verified: no access now, access again on re-verification. */
  suspended: z.boolean(),
});
export type ConsentView = z.infer<typeof ConsentViewSchema>;

/** GET /api/consent/:patient */
export const ConsentPatientParamsSchema = z.object({ patient: AddressSchema });
export const ConsentPageQuerySchema = z.strictObject({
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type ConsentPageQuery = z.infer<typeof ConsentPageQuerySchema>;

export const PatientConsentSchema = z.object({
  doctor: z.string(),
  /** From the doctor's profile; shown even when the doctor is revoked: the patient knows this doctor. */
  displayName: z.string().optional(),
  speciality: z.number().int().optional(),
  specialityLabel: z.string().optional(),
  /** Live from the chain. */
  consent: ConsentViewSchema,
});
export type PatientConsent = z.infer<typeof PatientConsentSchema>;

export const PatientConsentPageSchema = z.object({ items: z.array(PatientConsentSchema), total: z.number().int() });
export type PatientConsentPage = z.infer<typeof PatientConsentPageSchema>;

/** The routes of this file, for the OpenAPI document (api/all-routes.ts). */
export const CONSENT_ROUTES = routes([
  {
    method: 'get',
    path: '/api/consent/:patient/:doctor',
    summary: "A doctor's current access to a patient's records, read from the chain (the two parties and admins)",
    access: 'session',
    params: ConsentPairParamsSchema,
    response: ConsentViewSchema,
    errors: ['CONSENT_NOT_A_PARTY'],
  },
  {
    method: 'get',
    path: '/api/consent/:patient',
    summary: "The patient's doctors, each with its live access (the patient and admins)",
    access: 'session',
    params: ConsentPatientParamsSchema,
    query: ConsentPageQuerySchema,
    response: PatientConsentPageSchema,
    errors: ['CONSENT_NOT_THE_PATIENT'],
  },
]);
