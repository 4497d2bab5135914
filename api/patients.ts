/**
 * /api/patients: a patient's off-chain profile (contact details and, apart, health data) and the
 * admins' list of registered patients. The chain decides who is a patient (Registry) and which doctor
 * may read a patient's health data (Consent); the API asks it on every request.
 */
import { z } from 'zod';
import { AddressSchema } from './address';
import { E164PhoneSchema, PastDateSchema } from './personal-data';
import { routes } from './route-spec';

/** How a patient describes their sex; `undisclosed` is a real answer, not a missing one. */
export const PATIENT_SEXES = ['female', 'male', 'other', 'undisclosed'] as const;
export type PatientSex = (typeof PATIENT_SEXES)[number];

/** A date of birth: not in the future, and not before 1900. */
const DateOfBirthSchema = PastDateSchema.refine((value) => value >= '1900-01-01', 'must be on or after 1900-01-01');

const name = z.string().trim().min(1, 'is required').max(60);
const place = z.string().trim().min(1, 'is required').max(80);
/** One allergy or condition in the patient's words; health data (see PatientHealthSchema). */
const healthEntries = z.array(z.string().trim().min(1).max(120)).max(50);

/** PUT /api/patients/me: the whole profile, replaced at once. */
export const PatientProfileRequestSchema = z.strictObject({
  firstName: name,
  lastName: name,
  dateOfBirth: DateOfBirthSchema,
  sex: z.enum(PATIENT_SEXES),
  email: z.email('must be an email address').max(254),
  mobile: E164PhoneSchema,
  city: place,
  state: place,
  emergencyContact: z.strictObject({ name: z.string().trim().min(1, 'is required').max(120), phone: E164PhoneSchema }),
  allergies: healthEntries.default([]),
  chronicConditions: healthEntries.default([]),
  /** What the patient takes now (name and dose in their words); shown first in an emergency. */
  currentMedications: healthEntries.default([]),
});
export type PatientProfileRequest = z.input<typeof PatientProfileRequestSchema>;
/** The request once parsed: trimmed, with empty health lists filled in. */
export type PatientProfileUpdate = z.output<typeof PatientProfileRequestSchema>;

/** Contact details: what the patient told the clinic about themselves. */
export const PatientProfileSchema = z.object({
  firstName: z.string(),
  lastName: z.string(),
  dateOfBirth: z.iso.date(),
  sex: z.enum(PATIENT_SEXES),
  email: z.string(),
  mobile: z.string(),
  city: z.string(),
  state: z.string(),
  emergencyContact: z.object({ name: z.string(), phone: z.string() }),
  updatedAt: z.iso.datetime(),
});
export type PatientProfile = z.infer<typeof PatientProfileSchema>;

/**
 * Health data: readable only by the patient, admins and doctors with current access on chain; every
 * read by someone other than the patient is written to the patient's access log first.
 */
export const PatientHealthSchema = z.object({
  allergies: z.array(z.string()),
  chronicConditions: z.array(z.string()),
  currentMedications: z.array(z.string()),
});
export type PatientHealth = z.infer<typeof PatientHealthSchema>;

/** GET /api/patients/me, GET /api/patients/:address, PUT /api/patients/me. */
export const PatientViewSchema = z.object({
  address: z.string(),
  /** Null until the patient saves a profile (registration on chain comes first). */
  profile: PatientProfileSchema.nullable(),
  health: PatientHealthSchema.nullable(),
});
export type PatientView = z.infer<typeof PatientViewSchema>;

/** GET /api/patients/:address */
export const PatientAddressParamsSchema = z.object({ address: AddressSchema });

/** GET /api/patients?offset&limit (admins) */
export const PatientListQuerySchema = z.strictObject({
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type PatientListQuery = z.infer<typeof PatientListQuerySchema>;

/** A registered patient as the admins' list shows them: no contact details, no health data. */
export const PatientSummarySchema = z.object({
  address: z.string(),
  registeredAt: z.iso.datetime(),
  firstName: z.string().optional(),
  lastName: z.string().optional(),
});
export type PatientSummary = z.infer<typeof PatientSummarySchema>;

/** GET /api/patients: one page in registration order, and how many patients there are. */
export const PatientPageSchema = z.object({ items: z.array(PatientSummarySchema), total: z.number().int() });
export type PatientPage = z.infer<typeof PatientPageSchema>;

export const PATIENT_ROUTES = routes([
  {
    method: 'get',
    path: '/api/patients',
    summary: 'Registered patients in registration order, with their names (admins only; no health data)',
    access: 'admin',
    query: PatientListQuerySchema,
    response: PatientPageSchema,
    errors: ['ADMIN_ONLY'],
  },
  {
    method: 'get',
    path: '/api/patients/me',
    summary: "The signed-in patient's profile and health data",
    access: 'session',
    response: PatientViewSchema,
    errors: ['PATIENT_NOT_FOUND'],
  },
  {
    method: 'put',
    path: '/api/patients/me',
    summary: "Replaces the signed-in patient's profile (registered patients per the Registry only; journaled)",
    access: 'session',
    body: PatientProfileRequestSchema,
    response: PatientViewSchema,
    errors: ['PATIENT_NOT_FOUND', 'RATE_LIMITED'],
  },
  {
    method: 'get',
    path: '/api/patients/:address',
    summary:
      'A patient’s profile and health data, for the patient, admins and doctors with current access on chain (each such read is logged); 404 for everyone else',
    access: 'session',
    params: PatientAddressParamsSchema,
    response: PatientViewSchema,
    errors: ['PATIENT_NOT_FOUND', 'PATIENT_ERASED'],
  },
]);
