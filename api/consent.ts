/** GET /api/consent/:patient/:doctor: a doctor's current access to a patient's records, read from the chain. */
import { z } from 'zod';
import { AddressSchema } from './address';
import { DOCTOR_STATUSES } from './chain-values';

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
