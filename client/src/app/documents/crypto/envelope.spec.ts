import { DOCUMENT_HEADER_LENGTH, DOCUMENT_MAGIC, isDocumentEnvelope } from '@api/document-format';
import { decryptDocument, encryptDocument, isEnvelope, readHeader } from './envelope';
import { type EnvelopeErrorCode } from './errors';

const encoder = new TextEncoder();
const FILE_NAME = 'hiv-test-result-MARKER-7f3a9c.pdf';
const CONTENT = encoder.encode('%PDF-1.7 lab report: CONTENT-MARKER-52be01');

function containsBytes(haystack: Uint8Array, needle: Uint8Array): boolean {
  return Buffer.from(haystack).includes(Buffer.from(needle));
}

async function expectEnvelopeError(promise: Promise<unknown>, code: EnvelopeErrorCode) {
  await expect(promise).rejects.toMatchObject({ name: 'EnvelopeError', code });
}

describe('encryptDocument / decryptDocument', () => {
  it('gives back the file name, type, size and content', async () => {
    const { key, bytes } = await encryptDocument(CONTENT, { name: FILE_NAME, type: 'application/pdf' });

    const opened = await decryptDocument(bytes, key);

    expect(opened).toEqual({ name: FILE_NAME, type: 'application/pdf', size: CONTENT.length, content: CONTENT });
  });

  it('round-trips an empty file and a non-ASCII name', async () => {
    const { key, bytes } = await encryptDocument(new Uint8Array(0), { name: 'Résultat – 血液.txt', type: '' });

    expect(await decryptDocument(bytes, key)).toEqual({
      name: 'Résultat – 血液.txt',
      type: '',
      size: 0,
      content: new Uint8Array(0),
    });
  });

  it('leaves neither the file name nor the content readable in the encrypted bytes', async () => {
    const { bytes } = await encryptDocument(CONTENT, { name: FILE_NAME, type: 'application/pdf' });

    expect(containsBytes(bytes, encoder.encode('MARKER-7f3a9c'))).toBe(false);
    expect(containsBytes(bytes, encoder.encode('application/pdf'))).toBe(false);
    expect(containsBytes(bytes, encoder.encode('CONTENT-MARKER-52be01'))).toBe(false);
    // The check above can fail: the same search finds the marker in the plaintext it was given.
    expect(containsBytes(CONTENT, encoder.encode('CONTENT-MARKER-52be01'))).toBe(true);
  });

  it('uses a fresh key and IV for every document, even the same file twice', async () => {
    const first = await encryptDocument(CONTENT, { name: FILE_NAME, type: 'application/pdf' });
    const second = await encryptDocument(CONTENT, { name: FILE_NAME, type: 'application/pdf' });

    expect(first.key).toHaveLength(32);
    expect(second.key).not.toEqual(first.key);
    expect(readHeader(second.bytes).iv).not.toEqual(readHeader(first.bytes).iv);
    expect(second.bytes).not.toEqual(first.bytes);
  });

  it('refuses a document whose ciphertext was altered', async () => {
    const { key, bytes } = await encryptDocument(CONTENT, { name: FILE_NAME, type: 'application/pdf' });
    const tampered = bytes.slice();
    tampered[DOCUMENT_HEADER_LENGTH + 3] ^= 0x01;

    await expectEnvelopeError(decryptDocument(tampered, key), 'authentication-failed');
  });

  it('refuses a document whose clear header (its IV) was altered', async () => {
    const { key, bytes } = await encryptDocument(CONTENT, { name: FILE_NAME, type: 'application/pdf' });
    const tampered = bytes.slice();
    tampered[DOCUMENT_HEADER_LENGTH - 1] ^= 0x80;

    await expectEnvelopeError(decryptDocument(tampered, key), 'authentication-failed');
  });

  it("refuses another document's key", async () => {
    const { bytes } = await encryptDocument(CONTENT, { name: FILE_NAME, type: 'application/pdf' });
    const other = await encryptDocument(CONTENT, { name: FILE_NAME, type: 'application/pdf' });

    await expectEnvelopeError(decryptDocument(bytes, other.key), 'authentication-failed');
  });

  it('refuses a key of the wrong length', async () => {
    const { bytes } = await encryptDocument(CONTENT, { name: FILE_NAME, type: 'application/pdf' });

    await expectEnvelopeError(decryptDocument(bytes, new Uint8Array(16)), 'invalid-key');
  });

  it('refuses a truncated header, an unknown version or algorithm, and a plaintext file', async () => {
    const { key, bytes } = await encryptDocument(CONTENT, { name: FILE_NAME, type: 'application/pdf' });
    const newerVersion = bytes.slice();
    newerVersion[DOCUMENT_MAGIC.length] = 2;
    const otherAlgorithm = bytes.slice();
    otherAlgorithm[DOCUMENT_MAGIC.length + 1] = 9;

    await expectEnvelopeError(decryptDocument(bytes.slice(0, 10), key), 'truncated');
    await expectEnvelopeError(decryptDocument(newerVersion, key), 'unsupported-version');
    await expectEnvelopeError(decryptDocument(otherAlgorithm, key), 'unsupported-algorithm');
    await expectEnvelopeError(decryptDocument(CONTENT, key), 'not-an-envelope');
  });
});

describe('isEnvelope (what the IPFS proxy checks)', () => {
  it('accepts an encrypted document and refuses plaintext, short or unknown-version bytes', async () => {
    const { bytes } = await encryptDocument(CONTENT, { name: FILE_NAME, type: 'application/pdf' });
    const newerVersion = bytes.slice();
    newerVersion[DOCUMENT_MAGIC.length] = 2;

    expect(isEnvelope(bytes)).toBe(true);
    expect(isDocumentEnvelope(bytes)).toBe(true);
    expect(isEnvelope(CONTENT)).toBe(false);
    expect(isEnvelope(bytes.slice(0, DOCUMENT_HEADER_LENGTH))).toBe(false);
    expect(isEnvelope(newerVersion)).toBe(false);
  });

  it('reads the clear header: version 1, AES-256-GCM, a 12-byte IV', async () => {
    const { bytes } = await encryptDocument(CONTENT, { name: FILE_NAME, type: 'application/pdf' });

    const header = readHeader(bytes);

    expect(new TextDecoder().decode(bytes.subarray(0, DOCUMENT_MAGIC.length))).toBe('EHRDOC');
    expect(header.version).toBe(1);
    expect(header.algorithm).toBe(1);
    expect(header.iv).toHaveLength(12);
  });
});
