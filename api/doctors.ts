/**
 * /api/doctors: the doctors read model (chain facts from Registry events) with the off-chain profiles,
 * and the licence numbers behind the on-chain licence commitments.
 */
import { z } from 'zod';
import { AddressSchema } from './address';
import { REGISTERED_DOCTOR_STATUSES } from './chain-values';
import { routes } from './route-spec';

/** GET /api/doctors?status&offset&limit (only admins may list doctors who are not verified). */
export const DoctorListQuerySchema = z.strictObject({
  status: z.enum(REGISTERED_DOCTOR_STATUSES).optional(),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type DoctorListQuery = z.infer<typeof DoctorListQuerySchema>;

/** GET /api/doctors/:address and GET /api/doctors/:address/licence */
export const DoctorAddressParamsSchema = z.object({ address: AddressSchema });

/** PUT /api/doctors/me/profile */
export const DoctorProfileRequestSchema = z.strictObject({
  displayName: z.string().trim().min(1).max(80),
  speciality: z.string().trim().min(1).max(80).optional(),
});
export type DoctorProfileRequest = z.input<typeof DoctorProfileRequestSchema>;

/** PUT /api/doctors/me/licence: stored before the doctor commits keccak256(abi.encode(licenceNumber, salt)) on chain. */
export const LicenceRequestSchema = z.strictObject({
  licenceNumber: z.string().trim().min(1).max(64),
  salt: z.string().regex(/^0x[0-9a-fA-F]{64}$/, 'must be 32 bytes as 0x-prefixed hex'),
});
export type LicenceRequest = z.input<typeof LicenceRequestSchema>;

/** A doctor: chain facts from the read model plus the off-chain profile. */
export const DoctorViewSchema = z.object({
  address: z.string(),
  status: z.enum(REGISTERED_DOCTOR_STATUSES),
  licenceHash: z.string(),
  /** Speciality code stored on chain (docs/specialities.md). */
  speciality: z.number().int(),
  displayName: z.string().optional(),
  /** The speciality as the doctor worded it in their profile, when they did. */
  specialityLabel: z.string().optional(),
  registeredAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  verifiedBy: z.string().optional(),
  /** Admins only: the doctor renamed themselves after being verified under `previousDisplayName`. */
  nameChangedAfterVerification: z
    .object({ previousDisplayName: z.string().optional(), changedAt: z.iso.datetime() })
    .optional(),
});
export type DoctorView = z.infer<typeof DoctorViewSchema>;

/** GET /api/doctors: one page, in registration order, and how many match in all. */
export const DoctorPageSchema = z.object({ items: z.array(DoctorViewSchema), total: z.number().int() });
export type DoctorPage = z.infer<typeof DoctorPageSchema>;

/** GET /api/doctors/:address/licence (admins): the stored licence checked against the Registry now. */
export const LicenceCheckSchema = z.object({
  address: z.string(),
  licenceNumber: z.string(),
  salt: z.string(),
  /** The hash the Registry holds for this doctor, read now. */
  licenceHash: z.string(),
  /** Whether keccak256(abi.encode(licenceNumber, salt)) is that hash. */
  matchesChain: z.boolean(),
});
export type LicenceCheck = z.infer<typeof LicenceCheckSchema>;

/** The routes of this file, for the OpenAPI document (api/all-routes.ts). */
export const DOCTOR_ROUTES = routes([
  {
    method: 'get',
    path: '/api/doctors',
    summary: 'Doctors, paged in registration order (status other than verified: admins only)',
    access: 'session',
    query: DoctorListQuerySchema,
    response: DoctorPageSchema,
    errors: ['ADMIN_ONLY'],
  },
  {
    method: 'put',
    path: '/api/doctors/me/profile',
    summary: "The signed-in doctor's display name and speciality wording",
    access: 'session',
    body: DoctorProfileRequestSchema,
    response: DoctorViewSchema,
    errors: ['DOCTOR_NOT_FOUND', 'DOCTOR_REVOKED', 'FOREIGN_ORIGIN', 'RATE_LIMITED'],
  },
  {
    method: 'put',
    path: '/api/doctors/me/licence',
    summary:
      "Stores the signed-in account's licence number and salt (once registered: only the pair matching the chain)",
    access: 'session',
    body: LicenceRequestSchema,
    status: 204,
    errors: ['LICENCE_MISMATCH', 'FOREIGN_ORIGIN', 'RATE_LIMITED'],
  },
  {
    method: 'get',
    path: '/api/doctors/:address/licence',
    summary: "A doctor's stored licence number checked against the Registry's licence hash now",
    access: 'admin',
    params: DoctorAddressParamsSchema,
    response: LicenceCheckSchema,
    errors: ['ADMIN_ONLY', 'LICENCE_NOT_FOUND'],
  },
  {
    method: 'get',
    path: '/api/doctors/:address',
    summary: 'One doctor (doctors not verified: admins and the doctor themselves; others get 404)',
    access: 'session',
    params: DoctorAddressParamsSchema,
    response: DoctorViewSchema,
    errors: ['DOCTOR_NOT_FOUND'],
  },
]);
