/** Sign-in with Ethereum and the signed-in account: /api/auth/nonce, /api/auth/verify, /api/me. */
import { z } from 'zod';
import { DOCTOR_STATUSES } from './chain-values';
import { routes } from './route-spec';

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

/** The routes of this file, for the OpenAPI document (api/all-routes.ts). */
export const AUTH_ROUTES = routes([
  {
    method: 'get',
    path: '/api/auth/nonce',
    summary: 'A single-use nonce for the next sign-in message (valid 5 minutes)',
    access: 'public',
    response: NonceResponseSchema,
    errors: ['RATE_LIMITED'],
  },
  {
    method: 'post',
    path: '/api/auth/verify',
    summary: 'Sign in with Ethereum (EIP-4361): sets the ehr_session cookie and answers who is signed in',
    access: 'public',
    body: SignInRequestSchema,
    response: AccountSchema,
    errors: [
      'SIWE_MALFORMED',
      'SIWE_INVALID_SIGNATURE',
      'SIWE_NONCE_INVALID',
      'SIWE_EXPIRED',
      'SIWE_NOT_YET_VALID',
      'SIWE_DOMAIN_MISMATCH',
      'SIWE_CHAIN_MISMATCH',
      'FOREIGN_ORIGIN',
      'RATE_LIMITED',
    ],
  },
  {
    method: 'post',
    path: '/api/auth/logout',
    summary: 'Sign out: ends the session (if any) and clears the cookie',
    access: 'public',
    status: 204,
    errors: ['FOREIGN_ORIGIN', 'RATE_LIMITED'],
  },
  {
    method: 'get',
    path: '/api/me',
    summary: 'The signed-in account, with its roles read from the Registry now',
    access: 'session',
    response: AccountSchema,
  },
]);
