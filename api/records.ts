/**
 * /api/records: a patient's record, the read model of the Records contract's RecordAdded events (the
 * chain is the truth; this is a rebuildable index of it), and the uploads that were pinned to IPFS but
 * not yet anchored on chain (kept so a failed anchor can be retried, never silently orphaned).
 */
import { z } from 'zod';
import { AddressSchema } from './address';
import { RECORD_KINDS } from './chain-values';
import { CidSchema } from './ipfs';
import { routes } from './route-spec';

// The kinds live with the other contract enums in chain-values (plain values the client bundles without zod).
export { PATIENT_RECORD_KINDS, RECORD_KINDS, type RecordKind } from './chain-values';

/** sha256 of the encrypted bytes exactly as pinned, as the chain stores it. */
export const ContentHashSchema = z
  .string()
  .regex(/^0x[0-9a-fA-F]{64}$/, 'must be 0x and 64 hex digits (sha256 of the encrypted bytes)')
  .transform((value) => value.toLowerCase());

const page = {
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(100).default(50),
};

/** GET /api/records?patient&offset&limit */
export const RecordsQuerySchema = z.strictObject({ patient: AddressSchema, ...page });
export type RecordsQuery = z.infer<typeof RecordsQuerySchema>;

export const RecordEntrySchema = z.object({
  /** The on-chain entry id (Records.getRecord). */
  id: z.number().int(),
  patient: z.string(),
  author: z.string(),
  kind: z.enum(RECORD_KINDS),
  cid: z.string(),
  contentHash: z.string(),
  /** The entry this one corrects (null = an original). */
  amends: z.number().int().nullable(),
  /** The entry that corrects this one (null = the latest version). */
  amendedBy: z.number().int().nullable(),
  /** Block time of the RecordAdded event. */
  createdAt: z.iso.datetime(),
  txHash: z.string(),
});
export type RecordEntry = z.infer<typeof RecordEntrySchema>;

/** The patient's entries, newest first (every version; amended ones carry amendedBy). */
export const RecordsPageSchema = z.object({ items: z.array(RecordEntrySchema), total: z.number().int() });
export type RecordsPage = z.infer<typeof RecordsPageSchema>;

/** POST /api/records/pending: an upload pinned to IPFS whose anchoring transaction is not yet mined. */
export const PendingRecordBodySchema = z.strictObject({
  patient: AddressSchema,
  kind: z.enum(RECORD_KINDS),
  cid: CidSchema,
  contentHash: ContentHashSchema,
  /** The entry this upload amends, when it is an amendment. */
  amends: z.number().int().min(1).optional(),
});
export type PendingRecordBody = z.infer<typeof PendingRecordBodySchema>;

export const PendingRecordSchema = z.object({
  patient: z.string(),
  /** Who pinned it and must anchor it (the patient or a doctor). */
  author: z.string(),
  kind: z.enum(RECORD_KINDS),
  cid: z.string(),
  contentHash: z.string(),
  amends: z.number().int().nullable(),
  pinnedAt: z.iso.datetime(),
});
export type PendingRecord = z.infer<typeof PendingRecordSchema>;
export const PendingRecordsSchema = z.object({ items: z.array(PendingRecordSchema) });
export type PendingRecords = z.infer<typeof PendingRecordsSchema>;

export const PendingRecordParamsSchema = z.strictObject({ cid: CidSchema });

export const RECORD_ROUTES = routes([
  {
    method: 'get',
    path: '/api/records',
    summary:
      "A patient's record entries, newest first: the patient, admins and doctors with current access (chain hasAccess). Each non-self read is in the access log.",
    access: 'session',
    query: RecordsQuerySchema,
    response: RecordsPageSchema,
    errors: ['RECORDS_NO_ACCESS'],
  },
  {
    method: 'post',
    path: '/api/records/pending',
    summary:
      'The signed-in author notes an upload pinned but not yet anchored (the patient, or a doctor with access to the patient). Dropped when its RecordAdded event is indexed.',
    access: 'session',
    body: PendingRecordBodySchema,
    response: PendingRecordSchema,
    status: 201,
    errors: ['RECORDS_NO_ACCESS', 'RECORD_KIND_NOT_ALLOWED'],
  },
  {
    method: 'get',
    path: '/api/records/pending',
    summary: "The signed-in author's uploads pinned but not anchored yet, oldest first, to retry or discard.",
    access: 'session',
    response: PendingRecordsSchema,
  },
  {
    method: 'delete',
    path: '/api/records/pending/:cid',
    summary: 'The author discards a pinned upload they will not anchor (the pin stays until unpinned by the node).',
    access: 'session',
    params: PendingRecordParamsSchema,
    status: 204,
    errors: ['PENDING_RECORD_NOT_FOUND'],
  },
]);
