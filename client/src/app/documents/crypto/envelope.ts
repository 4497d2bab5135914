/**
 * One document, encrypted: a random 256-bit key per document and AES-256-GCM (WebCrypto). The clear
 * header (api/document-format.ts) says only "this is an app document, version, algorithm, IV"; the file
 * name, MIME type and size travel inside the ciphertext, because a file name can be health data
 * ("hiv-test-result.pdf"). The header is also the GCM additional data, so altering it fails decryption.
 *
 * Payload inside the ciphertext: 4-byte big-endian length N, N bytes of UTF-8 JSON {name, type, size},
 * then the file's bytes.
 */
import {
  DOCUMENT_ALGORITHM_AES_256_GCM,
  DOCUMENT_FORMAT_VERSION,
  DOCUMENT_HEADER_LENGTH,
  DOCUMENT_IV_LENGTH,
  DOCUMENT_MAGIC,
  DOCUMENT_MIN_LENGTH,
  isDocumentEnvelope,
} from '@api/document-format';
import { bytesToUtf8, concatBytes, randomBytes, utf8ToBytes } from '@noble/hashes/utils';
import { asBufferSource } from './bytes';
import { EnvelopeError } from './errors';

export const DOCUMENT_KEY_LENGTH = 32;
const METADATA_LENGTH_BYTES = 4;

export interface DocumentMetadata {
  readonly name: string;
  /** MIME type as the browser reported it ('' when unknown). */
  readonly type: string;
}

export interface DecryptedDocument extends DocumentMetadata {
  readonly size: number;
  readonly content: Uint8Array;
}

export interface EncryptedDocument {
  /** The document key: wrap it for each reader (wrap.ts); never store or send it in the clear. */
  readonly key: Uint8Array;
  /** The envelope: what is pinned to IPFS and hashed for the chain. */
  readonly bytes: Uint8Array;
}

export interface EnvelopeHeader {
  readonly version: number;
  readonly algorithm: number;
  readonly iv: Uint8Array;
}

export async function encryptDocument(content: Uint8Array, metadata: DocumentMetadata): Promise<EncryptedDocument> {
  const key = randomBytes(DOCUMENT_KEY_LENGTH);
  const iv = randomBytes(DOCUMENT_IV_LENGTH);
  const header = concatBytes(
    Uint8Array.from(DOCUMENT_MAGIC),
    Uint8Array.of(DOCUMENT_FORMAT_VERSION, DOCUMENT_ALGORITHM_AES_256_GCM),
    iv,
  );
  const ciphertext = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv: asBufferSource(iv), additionalData: asBufferSource(header) },
    await importDocumentKey(key, 'encrypt'),
    asBufferSource(encodePayload(content, metadata)),
  );
  return { key, bytes: concatBytes(header, new Uint8Array(ciphertext)) };
}

export async function decryptDocument(envelope: Uint8Array, key: Uint8Array): Promise<DecryptedDocument> {
  const { iv } = readHeader(envelope);
  // Imported outside the try below: a key of the wrong length is the caller's bug, not a failed tag check.
  const cryptoKey = await importDocumentKey(key, 'decrypt');
  let payload: ArrayBuffer;
  try {
    payload = await crypto.subtle.decrypt(
      {
        name: 'AES-GCM',
        iv: asBufferSource(iv),
        additionalData: asBufferSource(envelope.subarray(0, DOCUMENT_HEADER_LENGTH)),
      },
      cryptoKey,
      asBufferSource(envelope.subarray(DOCUMENT_HEADER_LENGTH)),
    );
  } catch {
    throw new EnvelopeError(
      'authentication-failed',
      'The document could not be opened: it was altered, or this is not its key',
    );
  }
  return decodePayload(new Uint8Array(payload));
}

/** Whether `bytes` look like an envelope this version can open (what the server's proxy checks too). */
export function isEnvelope(bytes: Uint8Array): boolean {
  return isDocumentEnvelope(bytes);
}

/** The clear header, or the typed reason the bytes are not an envelope this version can open. */
export function readHeader(bytes: Uint8Array): EnvelopeHeader {
  if (bytes.length < DOCUMENT_MIN_LENGTH) {
    throw new EnvelopeError('truncated', `An encrypted document has at least ${DOCUMENT_MIN_LENGTH} bytes`);
  }
  if (!DOCUMENT_MAGIC.every((byte, index) => bytes[index] === byte)) {
    throw new EnvelopeError('not-an-envelope', 'This is not an encrypted EHR Hospital document');
  }
  const version = bytes[DOCUMENT_MAGIC.length];
  const algorithm = bytes[DOCUMENT_MAGIC.length + 1];
  if (version !== DOCUMENT_FORMAT_VERSION) {
    throw new EnvelopeError('unsupported-version', `Document format version ${version} is not supported`);
  }
  if (algorithm !== DOCUMENT_ALGORITHM_AES_256_GCM) {
    throw new EnvelopeError('unsupported-algorithm', `Document algorithm ${algorithm} is not supported`);
  }
  return { version, algorithm, iv: bytes.slice(DOCUMENT_HEADER_LENGTH - DOCUMENT_IV_LENGTH, DOCUMENT_HEADER_LENGTH) };
}

/** Non-extractable: the CryptoKey object cannot be read back out of WebCrypto. */
function importDocumentKey(key: Uint8Array, usage: 'encrypt' | 'decrypt'): Promise<CryptoKey> {
  if (key.length !== DOCUMENT_KEY_LENGTH) {
    throw new EnvelopeError('invalid-key', `A document key has ${DOCUMENT_KEY_LENGTH} bytes`);
  }
  return crypto.subtle.importKey('raw', asBufferSource(key), 'AES-GCM', false, [usage]);
}

function encodePayload(content: Uint8Array, { name, type }: DocumentMetadata): Uint8Array {
  const metadata = utf8ToBytes(JSON.stringify({ name, type, size: content.length }));
  const length = new Uint8Array(METADATA_LENGTH_BYTES);
  new DataView(length.buffer).setUint32(0, metadata.length);
  return concatBytes(length, metadata, content);
}

function decodePayload(payload: Uint8Array): DecryptedDocument {
  const malformed = (why: string) => new EnvelopeError('malformed-payload', `The document's payload ${why}`);
  if (payload.length < METADATA_LENGTH_BYTES) throw malformed('is too short');
  const metadataLength = new DataView(payload.buffer, payload.byteOffset).getUint32(0);
  const contentStart = METADATA_LENGTH_BYTES + metadataLength;
  if (contentStart > payload.length) throw malformed('declares more metadata than it holds');
  let metadata: unknown;
  try {
    metadata = JSON.parse(bytesToUtf8(payload.subarray(METADATA_LENGTH_BYTES, contentStart)));
  } catch {
    throw malformed('metadata is not JSON');
  }
  const content = payload.slice(contentStart);
  if (!isMetadata(metadata)) throw malformed('metadata lacks a name, type or size');
  if (metadata.size !== content.length) throw malformed(`says ${metadata.size} bytes but holds ${content.length}`);
  return { name: metadata.name, type: metadata.type, size: metadata.size, content };
}

function isMetadata(value: unknown): value is DocumentMetadata & { size: number } {
  if (typeof value !== 'object' || value === null) return false;
  const { name, type, size } = value as Record<string, unknown>;
  return typeof name === 'string' && typeof type === 'string' && Number.isSafeInteger(size);
}
