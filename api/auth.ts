/** Sign-in with Ethereum and the signed-in account: /api/auth/nonce, /api/auth/verify, /api/me. */
import { z } from 'zod';
import { DOCTOR_STATUSES } from './chain-values';

export const ROLES = ['admin', 'doctor', 'patient'] as const;
export type Role = (typeof ROLES)[number];

/** GET /api/auth/nonce */
export const NonceResponseSchema = z.object({ nonce: z.string() });
export type NonceResponse = z.infer<typeof NonceResponseSchema>;

/** POST /api/auth/verify: an EIP-4361 message and the wallet's signature of it. */
export const SignInRequestSchema = z.object({
  message: z.string().min(1).max(4096),
  signature: z
    .string()
    .regex(/^0x[0-9a-fA-F]+$/, 'must be a 0x-prefixed hex string')
    .max(1024),
});
export type SignInRequest = z.input<typeof SignInRequestSchema>;

/** POST /api/auth/verify and GET /api/me: who is signed in, roles read from the Registry on every call. */
export const AccountSchema = z.object({
  address: z.string(),
  /** `doctor` only while the doctor is verified. */
  roles: z.array(z.enum(ROLES)),
  doctorStatus: z.enum(DOCTOR_STATUSES),
});
export type Account = z.infer<typeof AccountSchema>;
