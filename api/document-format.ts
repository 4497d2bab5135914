/**
 * The clear header every encrypted document starts with, as plain bytes and numbers: the browser writes it
 * (client/src/app/documents/crypto/envelope.ts) and the server's IPFS proxy checks it before it forwards an
 * upload, so both must spell it the same way. No zod, no DOM, no imports: the server and the client bundle
 * can both take it as it is.
 *
 * Layout (all offsets in bytes):
 *   0..5   magic "EHRDOC" (ASCII)
 *   6      format version (1)
 *   7      algorithm id (1 = AES-256-GCM)
 *   8..19  the 12-byte AES-GCM IV
 *   20..   ciphertext of the payload, ending in the 16-byte GCM tag
 */

/** "EHRDOC" in ASCII: a fixed tag so a plaintext upload is told apart from ciphertext at a glance. */
export const DOCUMENT_MAGIC: readonly number[] = [0x45, 0x48, 0x52, 0x44, 0x4f, 0x43];
export const DOCUMENT_FORMAT_VERSION = 1;
export const DOCUMENT_ALGORITHM_AES_256_GCM = 1;
export const DOCUMENT_IV_LENGTH = 12;
export const DOCUMENT_HEADER_LENGTH = DOCUMENT_MAGIC.length + 2 + DOCUMENT_IV_LENGTH;
/** AES-GCM appends a 16-byte tag: an envelope shorter than header + tag cannot hold any ciphertext. */
export const DOCUMENT_MIN_LENGTH = DOCUMENT_HEADER_LENGTH + 16;

/**
 * Whether `bytes` start like an envelope this format version can open: the magic, the known version and
 * algorithm, and room for at least the GCM tag. It proves nothing about the ciphertext (only the key holder
 * can check that); it lets the proxy refuse a file that was obviously not encrypted by the app.
 */
export function isDocumentEnvelope(bytes: Uint8Array): boolean {
  if (bytes.length < DOCUMENT_MIN_LENGTH) return false;
  return (
    DOCUMENT_MAGIC.every((byte, index) => bytes[index] === byte) &&
    bytes[DOCUMENT_MAGIC.length] === DOCUMENT_FORMAT_VERSION &&
    bytes[DOCUMENT_MAGIC.length + 1] === DOCUMENT_ALGORITHM_AES_256_GCM
  );
}

/** The bytes every upload must start with (magic, then version): what the server's IPFS proxy checks. */
export const DOCUMENT_HEADER_PREFIX = Uint8Array.from([...DOCUMENT_MAGIC, DOCUMENT_FORMAT_VERSION]);

/**
 * The media type that names this envelope outside the app (the FHIR export's Attachment.contentType): the
 * bytes behind a record's CID are this envelope, never the document's own type, which only the key holder
 * learns (it is inside the ciphertext).
 */
export const DOCUMENT_ENVELOPE_CONTENT_TYPE = `application/vnd.ehr.document-envelope; version=${DOCUMENT_FORMAT_VERSION}`;
