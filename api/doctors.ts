/**
 * /api/doctors: the doctors read model (chain facts from Registry events) with the off-chain profiles
 * (the paper's doctor form), and the licence numbers behind the on-chain licence commitments.
 */
import { z } from 'zod';
import { AddressSchema } from './address';
import { REGISTERED_DOCTOR_STATUSES } from './chain-values';
import { DOCTOR_SORTS, isKnownSpeciality } from './doctor-codes';
import { E164PhoneSchema, PastDateSchema } from './personal-data';
import { routes } from './route-spec';

const text = (max: number) => z.string().trim().min(1).max(max);

/** A speciality code from the code list (doctor-codes.ts); a query string's digits are read as the number. */
export const SpecialityCodeSchema = z.coerce
  .number()
  .int()
  .refine(isKnownSpeciality, 'must be a known speciality code (docs/specialities.md)');

/** GET /api/doctors: search, filters, sort and page. Non-admins see verified doctors only. */
export const DoctorListQuerySchema = z.strictObject({
  /** Words of the doctor's name (a MongoDB text search: whole words, any case). */
  q: text(100).optional(),
  status: z.enum(REGISTERED_DOCTOR_STATUSES).optional(),
  speciality: SpecialityCodeSchema.optional(),
  /** Exact city or state, any case. */
  city: text(80).optional(),
  state: text(80).optional(),
  sort: z.enum(DOCTOR_SORTS).default('registered'),
  order: z.enum(['asc', 'desc']).default('asc'),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type DoctorListQuery = z.infer<typeof DoctorListQuerySchema>;
/** What a caller sends: any of the parameters (the server fills in the defaults). */
export type DoctorSearch = Partial<DoctorListQuery>;

/** GET /api/doctors/:address and the other routes that name a doctor. */
export const DoctorAddressParamsSchema = z.object({ address: AddressSchema });

/**
 * PUT /api/doctors/me/profile and PUT /api/doctors/:address/profile (admins): the paper's doctor form.
 * The doctor's account id is the address (never typed); the speciality code is the chain's; the licence
 * number is stored apart (PUT …/licence). `displayName` is derived: "Dr. First Last".
 */
export const DoctorProfileRequestSchema = z.strictObject({
  firstName: text(50),
  lastName: text(50),
  dateOfJoining: PastDateSchema,
  email: z.email('must be an email address').max(254),
  mobile: E164PhoneSchema,
  city: text(80),
  state: text(80),
  /** The speciality in the doctor's own words, shown beside the code's name. */
  specialityLabel: text(80).optional(),
  bio: z.string().trim().max(500).optional(),
});
export type DoctorProfileRequest = z.input<typeof DoctorProfileRequestSchema>;
export type DoctorProfileFields = z.infer<typeof DoctorProfileRequestSchema>;

/** PUT /api/doctors/me/licence and …/:address/licence: stored before keccak256(abi.encode(licenceNumber, salt)) goes on chain. */
export const LicenceRequestSchema = z.strictObject({
  licenceNumber: text(64),
  salt: z.string().regex(/^0x[0-9a-fA-F]{64}$/, 'must be 32 bytes as 0x-prefixed hex'),
});
export type LicenceRequest = z.input<typeof LicenceRequestSchema>;

/** The off-chain profile as stored (profiles saved before the paper's form have only displayName). */
export const DoctorProfileViewSchema = z.object({
  displayName: z.string().optional(),
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  dateOfJoining: z.string().optional(),
  /** Contact details: admins, the doctor, and signed-in patients when the doctor is verified. */
  email: z.string().optional(),
  mobile: z.string().optional(),
  city: z.string().optional(),
  state: z.string().optional(),
  /** The speciality as the doctor worded it in their profile, when they did. */
  specialityLabel: z.string().optional(),
  bio: z.string().optional(),
});
export type DoctorProfileView = z.infer<typeof DoctorProfileViewSchema>;

/** A doctor: chain facts from the read model plus the off-chain profile. */
export const DoctorViewSchema = DoctorProfileViewSchema.extend({
  address: z.string(),
  /** Always the chain's (the read model of Registry events). */
  status: z.enum(REGISTERED_DOCTOR_STATUSES),
  licenceHash: z.string(),
  /** Speciality code stored on chain (docs/specialities.md). */
  speciality: z.number().int(),
  registeredAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  verifiedBy: z.string().optional(),
  /** The doctor's published terms (Appointments.setTerms, via the read model): fee in wei, decimal; slot length in seconds. Absent until set. */
  feeWei: z.string().optional(),
  slotLength: z.number().int().optional(),
  /** Admins only: the doctor renamed themselves after being verified under `previousDisplayName`. */
  nameChangedAfterVerification: z
    .object({ previousDisplayName: z.string().optional(), changedAt: z.iso.datetime() })
    .optional(),
});
export type DoctorView = z.infer<typeof DoctorViewSchema>;

/** GET /api/doctors: one page in the asked order, and how many match in all. */
export const DoctorPageSchema = z.object({ items: z.array(DoctorViewSchema), total: z.number().int() });
export type DoctorPage = z.infer<typeof DoctorPageSchema>;

/** PUT /api/doctors/:address/profile (admins): the stored profile and which fields the save changed. */
export const AdminProfileSaveSchema = z.object({
  address: z.string(),
  profile: DoctorProfileViewSchema,
  changedFields: z.array(z.string()),
});
export type AdminProfileSave = z.infer<typeof AdminProfileSaveSchema>;

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

export const DOCTOR_ROUTES = routes([
  {
    method: 'get',
    path: '/api/doctors',
    summary: 'Find doctors: name text search, speciality, city, state; sorted and paged (non-admins: verified only)',
    access: 'session',
    query: DoctorListQuerySchema,
    response: DoctorPageSchema,
    errors: ['ADMIN_ONLY'],
  },
  {
    method: 'put',
    path: '/api/doctors/me/profile',
    summary: "Save the caller's doctor profile (registered doctors; not when revoked)",
    access: 'session',
    body: DoctorProfileRequestSchema,
    response: DoctorViewSchema,
    errors: ['DOCTOR_NOT_FOUND', 'DOCTOR_REVOKED', 'RATE_LIMITED'],
  },
  {
    method: 'put',
    path: '/api/doctors/me/licence',
    summary: "Store the caller's licence number and the salt of its on-chain commitment",
    access: 'session',
    body: LicenceRequestSchema,
    status: 204,
    errors: ['ACCOUNT_IS_PATIENT', 'LICENCE_MISMATCH', 'RATE_LIMITED'],
  },
  {
    method: 'get',
    path: '/api/doctors/:address/licence',
    summary: "A doctor's stored licence number checked against the chain",
    access: 'admin',
    params: DoctorAddressParamsSchema,
    response: LicenceCheckSchema,
    errors: ['ADMIN_ONLY', 'LICENCE_NOT_FOUND'],
  },
  {
    method: 'put',
    path: '/api/doctors/:address/licence',
    summary: "Store a doctor's licence number and salt (Add Doctor, before registerDoctorFor)",
    access: 'admin',
    params: DoctorAddressParamsSchema,
    body: LicenceRequestSchema,
    status: 204,
    errors: ['ADMIN_ONLY', 'ACCOUNT_IS_PATIENT', 'LICENCE_MISMATCH', 'RATE_LIMITED'],
  },
  {
    method: 'put',
    path: '/api/doctors/:address/profile',
    summary: "Add or edit a doctor's profile as an admin (Add Doctor before registerDoctorFor; Edit Doctor)",
    access: 'admin',
    params: DoctorAddressParamsSchema,
    body: DoctorProfileRequestSchema,
    response: AdminProfileSaveSchema,
    errors: ['ADMIN_ONLY', 'ACCOUNT_IS_PATIENT', 'RATE_LIMITED'],
  },
  {
    method: 'get',
    path: '/api/doctors/:address',
    summary: 'One doctor (non-admins: verified doctors and themselves; others 404)',
    access: 'session',
    params: DoctorAddressParamsSchema,
    response: DoctorViewSchema,
    errors: ['DOCTOR_NOT_FOUND'],
  },
]);
