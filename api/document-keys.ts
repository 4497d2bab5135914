/**
 * Document keys: each user's published X25519 public key (with the owner's wallet signature over it,
 * which every browser verifies before encrypting to it: the server only relays keys and cannot
 * substitute one), and the per-document keys wrapped for each reader. The server stores wrapped keys
 * (journaled: the chain cannot rebuild them) and hands a doctor theirs only while the chain says
 * Consent.hasAccess(patient, doctor); every such read is in the access log. An optional recovery key
 * (printed code) gets a wrap of every key so a patient who loses their wallet can re-wrap for a new one.
 */
import { getAddress } from 'ethers';
import { z } from 'zod';
import { AddressSchema } from './address';
import { CidSchema } from './ipfs';
import { routes } from './route-spec';

export const KEYS_APP_NAME = 'EHR Hospital';
/** Version of the key derivation and of the statements below; changing it strands every wrapped key. */
export const KEYS_VERSION = 1;

/** A 32-byte X25519 (or Ed25519) public key: 0x and 64 hex digits, read lowercase. */
export const PublicKeyHexSchema = z
  .string()
  .regex(/^0x[0-9a-fA-F]{64}$/, 'must be 0x and 64 hex digits (a 32-byte public key)')
  .transform((value) => value.toLowerCase());

/** An Ethereum personal_sign signature: 0x and 130 hex digits. */
export const WalletSignatureSchema = z.string().regex(/^0x[0-9a-fA-F]{130}$/, 'must be a 65-byte signature in hex');

/** A wrapped document key (wrap.ts: 93 bytes): 0x and 186 hex digits, read lowercase. */
export const WRAPPED_KEY_BYTES = 93;
export const WrappedKeyHexSchema = z
  .string()
  .regex(/^0x[0-9a-fA-F]{186}$/, 'must be 0x and 186 hex digits (a 93-byte wrapped key)')
  .transform((value) => value.toLowerCase());

/**
 * The statement an owner's wallet signs to publish their public key: binds key, account and chain, so a
 * key signed for one account or chain cannot be replayed for another. Server and browsers both check it.
 */
export function publishedKeyMessage(publicKeyHex: string, address: string, chainId: bigint | number): string {
  return [
    `${KEYS_APP_NAME}: publish my document encryption public key`,
    '',
    'Others encrypt documents they share with me to this public key.',
    '',
    `App: ${KEYS_APP_NAME}`,
    'Purpose: document encryption public key',
    `Version: ${KEYS_VERSION}`,
    `Public key: ${publicKeyHex.toLowerCase()}`,
    `Address: ${getAddress(address)}`,
    `Chain ID: ${BigInt(chainId).toString()}`,
  ].join('\n');
}

/**
 * The statement a patient's wallet signs to register a recovery key (from a printed recovery code):
 * `publicKey` receives a wrap of every document key, `signingKey` (Ed25519) later proves a claim.
 */
export function recoveryKeyMessage(
  publicKeyHex: string,
  signingKeyHex: string,
  address: string,
  chainId: bigint | number,
): string {
  return [
    `${KEYS_APP_NAME}: register my recovery key`,
    '',
    'Every document key is also wrapped for this recovery key, so my printed recovery code can',
    'restore my documents to a new wallet.',
    '',
    `App: ${KEYS_APP_NAME}`,
    'Purpose: document recovery key',
    `Version: ${KEYS_VERSION}`,
    `Recovery public key: ${publicKeyHex.toLowerCase()}`,
    `Recovery signing key: ${signingKeyHex.toLowerCase()}`,
    `Address: ${getAddress(address)}`,
    `Chain ID: ${BigInt(chainId).toString()}`,
  ].join('\n');
}

/** What the recovery code's Ed25519 key signs to let `newAddress` re-wrap `patient`'s documents. */
export function recoveryClaimMessage(patient: string, newAddress: string, chainId: bigint | number): string {
  return [
    `${KEYS_APP_NAME}: recover documents`,
    `From: ${getAddress(patient)}`,
    `To: ${getAddress(newAddress)}`,
    `Chain ID: ${BigInt(chainId).toString()}`,
    `Version: ${KEYS_VERSION}`,
  ].join('\n');
}

export const AccountParamsSchema = z.strictObject({ address: AddressSchema });

/** PUT /api/keys/me */
export const PublishKeyBodySchema = z.strictObject({ publicKey: PublicKeyHexSchema, signature: WalletSignatureSchema });
export type PublishKeyBody = z.infer<typeof PublishKeyBodySchema>;

/** A published key as served: verify `signature` over publishedKeyMessage(publicKey, address, chainId) before use. */
export const PublishedKeySchema = z.object({
  address: z.string(),
  publicKey: z.string(),
  chainId: z.number().int(),
  signature: z.string(),
  publishedAt: z.iso.datetime(),
});
export type PublishedKeyView = z.infer<typeof PublishedKeySchema>;

/** PUT /api/keys/me/recovery */
export const RecoveryKeyBodySchema = z.strictObject({
  publicKey: PublicKeyHexSchema,
  signingKey: PublicKeyHexSchema,
  signature: WalletSignatureSchema,
});
export type RecoveryKeyBody = z.infer<typeof RecoveryKeyBodySchema>;

export const RecoveryKeySchema = z.object({
  address: z.string(),
  publicKey: z.string(),
  signingKey: z.string(),
  chainId: z.number().int(),
  signature: z.string(),
  registeredAt: z.iso.datetime(),
});
export type RecoveryKeyView = z.infer<typeof RecoveryKeySchema>;

/** Who a patient's document is shared with by default. */
export const DOCUMENT_SHARING = [
  /** Every doctor with current access, including doctors granted access later (the default). */
  'doctors-with-access',
  /** Only the doctors the patient picked. */
  'selected',
  /** Nobody but the patient (and its author, for a doctor's note). */
  'private',
] as const;
export type DocumentSharing = (typeof DOCUMENT_SHARING)[number];

export const DocumentParamsSchema = z.strictObject({ cid: CidSchema });
export const DocumentRecipientParamsSchema = z.strictObject({ cid: CidSchema, recipient: AddressSchema });

/** PUT /api/documents/:cid/keys: wrapped keys for some readers (added or replaced per recipient). */
export const StoreDocumentKeysBodySchema = z.strictObject({
  patient: AddressSchema,
  keys: z
    .array(z.strictObject({ recipient: AddressSchema, wrappedKey: WrappedKeyHexSchema }))
    .min(1)
    .max(50),
  /** The patient's wrap for their registered recovery key. */
  recoveryWrappedKey: WrappedKeyHexSchema.optional(),
  /** Set by the patient only; a doctor's write leaves it as it is. */
  sharing: z.enum(DOCUMENT_SHARING).optional(),
});
export type StoreDocumentKeysBody = z.infer<typeof StoreDocumentKeysBodySchema>;

/** GET /api/documents/:cid/key: the caller's own wrapped key of one document. */
export const DocumentKeySchema = z.object({
  cid: z.string(),
  patient: z.string(),
  recipient: z.string(),
  wrappedKey: z.string(),
});
export type DocumentKey = z.infer<typeof DocumentKeySchema>;

/** PATCH /api/documents/:cid/sharing */
export const DocumentSharingBodySchema = z.strictObject({ sharing: z.enum(DOCUMENT_SHARING) });

/** GET /api/documents/keys?patient: the patient's own view of their documents' keys and who has them. */
export const PatientDocumentKeysQuerySchema = z.strictObject({ patient: AddressSchema });
export const PatientDocumentKeySchema = z.object({
  cid: z.string(),
  sharing: z.enum(DOCUMENT_SHARING),
  /** The patient's own wrapped key (to unwrap and re-wrap for a new reader). */
  wrappedKey: z.string(),
  /** Everyone else a wrapped key is stored for. */
  recipients: z.array(z.string()),
  hasRecoveryWrap: z.boolean(),
});
export type PatientDocumentKey = z.infer<typeof PatientDocumentKeySchema>;
export const PatientDocumentKeysSchema = z.object({ items: z.array(PatientDocumentKeySchema) });
export type PatientDocumentKeys = z.infer<typeof PatientDocumentKeysSchema>;

/** POST /api/keys/recovery/:address/claim: the recovery code's Ed25519 signature over recoveryClaimMessage. */
export const RecoveryClaimBodySchema = z.strictObject({ proof: z.string().regex(/^0x[0-9a-fA-F]{128}$/) });
export const RecoveryClaimSchema = z.object({
  patient: z.string(),
  items: z.array(z.object({ cid: z.string(), recoveryWrappedKey: z.string() })),
});
export type RecoveryClaim = z.infer<typeof RecoveryClaimSchema>;

export const DOCUMENT_KEY_ROUTES = routes([
  {
    method: 'put',
    path: '/api/keys/me',
    summary:
      "Publishes the signed-in account's X25519 public key with its wallet signature over publishedKeyMessage (checked).",
    access: 'session',
    body: PublishKeyBodySchema,
    response: PublishedKeySchema,
    errors: ['KEY_SIGNATURE_INVALID'],
  },
  {
    method: 'get',
    path: '/api/keys/:address',
    summary: "An account's published public key and the owner's signature (verify it before encrypting to it).",
    access: 'session',
    params: AccountParamsSchema,
    response: PublishedKeySchema,
    errors: ['KEY_NOT_PUBLISHED'],
  },
  {
    method: 'put',
    path: '/api/keys/me/recovery',
    summary: "Patients: registers the recovery code's public and signing keys, signed by the wallet.",
    access: 'session',
    body: RecoveryKeyBodySchema,
    response: RecoveryKeySchema,
    errors: ['PATIENT_ONLY', 'KEY_SIGNATURE_INVALID'],
  },
  {
    method: 'get',
    path: '/api/keys/me/recovery',
    summary:
      'Patients: the registered recovery key, or 404 (the UI then warns that losing the wallet loses the documents).',
    access: 'session',
    response: RecoveryKeySchema,
    errors: ['PATIENT_ONLY', 'RECOVERY_KEY_NOT_SET'],
  },
  {
    method: 'post',
    path: '/api/keys/recovery/:address/claim',
    summary:
      "A new wallet proves it holds the patient's recovery code and gets every recovery-wrapped key, to re-wrap them for itself.",
    access: 'session',
    params: AccountParamsSchema,
    body: RecoveryClaimBodySchema,
    response: RecoveryClaimSchema,
    errors: ['RECOVERY_KEY_NOT_SET', 'RECOVERY_PROOF_INVALID'],
  },
  {
    method: 'put',
    path: '/api/documents/:cid/keys',
    summary:
      "Stores wrapped keys of one of a patient's documents: the patient for anyone; a doctor with current access for the patient and themselves only.",
    access: 'session',
    params: DocumentParamsSchema,
    body: StoreDocumentKeysBodySchema,
    status: 204,
    errors: ['DOCUMENT_KEYS_NOT_ALLOWED', 'DOCUMENT_PATIENT_MISMATCH', 'RECOVERY_KEY_NOT_SET'],
  },
  {
    method: 'get',
    path: '/api/documents/:cid/key',
    summary:
      "The caller's wrapped key of a document: the patient always; a doctor only while Consent.hasAccess holds. Logged.",
    access: 'session',
    params: DocumentParamsSchema,
    response: DocumentKeySchema,
    errors: ['DOCUMENT_KEY_NOT_FOUND', 'DOCUMENT_NO_ACCESS'],
  },
  {
    method: 'get',
    path: '/api/documents/keys',
    summary: "The patient's documents' keys and readers (patients, for their own documents).",
    access: 'session',
    query: PatientDocumentKeysQuerySchema,
    response: PatientDocumentKeysSchema,
    errors: ['PATIENT_ONLY'],
  },
  {
    method: 'patch',
    path: '/api/documents/:cid/sharing',
    summary: 'The patient sets who a document is shared with by default.',
    access: 'session',
    params: DocumentParamsSchema,
    body: DocumentSharingBodySchema,
    status: 204,
    errors: ['DOCUMENT_KEY_NOT_FOUND', 'PATIENT_ONLY'],
  },
  {
    method: 'delete',
    path: '/api/documents/:cid/keys/:recipient',
    summary:
      "The patient stops sharing a document with one reader: the server stops serving that reader's key at once.",
    access: 'session',
    params: DocumentRecipientParamsSchema,
    status: 204,
    errors: ['DOCUMENT_KEY_NOT_FOUND', 'PATIENT_ONLY', 'DOCUMENT_OWN_KEY'],
  },
]);
