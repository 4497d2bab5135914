/**
 * The clear header every encrypted document starts with, so the server can refuse anything else
 * before it reaches IPFS: the 6 ASCII bytes "EHRDOC", then the format version. The rest of the header
 * (algorithm, IV) and the ciphertext follow; only the browser ever reads past these bytes.
 */
export const DOCUMENT_MAGIC = new TextEncoder().encode('EHRDOC');
export const DOCUMENT_FORMAT_VERSION = 1;
/** The bytes an upload must start with: magic then version. */
export const DOCUMENT_HEADER_PREFIX = Uint8Array.from([...DOCUMENT_MAGIC, DOCUMENT_FORMAT_VERSION]);
