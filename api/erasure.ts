/**
 * Erasure by crypto-shredding (docs/decisions/0020-erasure-by-crypto-shredding.md).
 * POST /api/erasure/requests: an admin records a verified erasure request and gets the commitment to pass
 * to Erasure.eraseFor (the request's text never goes on chain).
 * GET /api/erasure/status/:address: whether the patient is erased, when and by whom, and what remains.
 */
import { z } from 'zod';
import { AddressSchema } from './address';
import { routes } from './route-spec';

export const ErasureRequestSchema = z.strictObject({
  patient: AddressSchema,
  /** The clinic's reference of the request (a ticket number): committed on chain as a salted hash only. */
  reference: z.string().trim().min(3, 'must be at least 3 characters').max(120),
  /** How the requester's identity was verified (e.g. "ID checked at the front desk"). Kept off chain. */
  verification: z.string().trim().min(10, 'must say how the request was verified (at least 10 characters)').max(1000),
});
export type ErasureRequestInput = z.input<typeof ErasureRequestSchema>;

export const ErasureRequestCreatedSchema = z.object({
  patient: z.string(),
  /** bytes32 hex: keccak256(salt ‖ reference), to pass to Erasure.eraseFor(patient, commitment). */
  commitment: z.string(),
  createdAt: z.string(),
});
export type ErasureRequestCreated = z.infer<typeof ErasureRequestCreatedSchema>;

export const ErasureStatusParamsSchema = z.object({ address: AddressSchema });

/** What stays after an erasure, and why (the UI words it). */
export const ErasureRemainsSchema = z.object({
  /** RecordAdded events on chain: CIDs and hashes of ciphertext whose keys are destroyed. */
  recordPointers: z.number().int(),
  /** Appointment events on chain: ids, slots, fees and statuses with their block times. */
  appointmentEvents: z.number().int(),
  /** Consent events on chain: grants and revocations with their times. */
  consentEvents: z.number().int(),
  /** Entries of the access log naming the patient: the legal record of who opened what. */
  accessLogEntries: z.number().int(),
});
export type ErasureRemains = z.infer<typeof ErasureRemainsSchema>;

export const ErasureStatusSchema = z.object({
  patient: z.string(),
  erased: z.boolean(),
  /** Block time of the latest erasure (ISO); null when never erased. */
  erasedAt: z.string().nullable(),
  /** Who sent it: the patient, or the admin who acted on a verified request. */
  erasedBy: z.string().nullable(),
  byAdmin: z.boolean(),
  blockNumber: z.number().int().nullable(),
  transactionHash: z.string().nullable(),
  /** The server has destroyed the keys and data (false for a few seconds while it catches up with the chain). */
  shredded: z.boolean(),
  shreddedAt: z.string().nullable(),
  /** How many IPFS documents were unpinned and removed from the node. */
  documentsRemoved: z.number().int(),
  /** What stays on chain and in the access log: after an erasure, or what would stay before one. */
  remains: ErasureRemainsSchema,
});
export type ErasureStatus = z.infer<typeof ErasureStatusSchema>;

/** The routes of this file, for the OpenAPI document (api/all-routes.ts). */
export const ERASURE_ROUTES = routes([
  {
    method: 'post',
    path: '/api/erasure/requests',
    summary: 'Records a verified erasure request and returns the commitment for Erasure.eraseFor (admins)',
    access: 'admin',
    body: ErasureRequestSchema,
    response: ErasureRequestCreatedSchema,
    status: 201,
    errors: ['ADMIN_ONLY', 'PATIENT_NOT_FOUND', 'RATE_LIMITED'],
  },
  {
    method: 'get',
    path: '/api/erasure/status/:address',
    summary: 'Whether the patient is erased, when, by whom, and what remains (the patient and admins)',
    access: 'session',
    params: ErasureStatusParamsSchema,
    response: ErasureStatusSchema,
    errors: ['ERASURE_NOT_ALLOWED'],
  },
]);
