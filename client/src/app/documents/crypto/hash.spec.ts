import { createHash } from 'node:crypto';
import { encryptDocument } from './envelope';
import { ciphertextHash } from './hash';

const content = new TextEncoder().encode('blood panel: ferritin 12 ng/mL');
const sha256Hex = (bytes: Uint8Array) => `0x${createHash('sha256').update(bytes).digest('hex')}`;

describe('ciphertextHash', () => {
  it('is the sha256 of the encrypted bytes as a bytes32 hex string, never that of the plaintext', async () => {
    const { bytes } = await encryptDocument(content, { name: 'ferritin.txt', type: 'text/plain' });

    const hash = ciphertextHash(bytes);

    expect(hash).toMatch(/^0x[0-9a-f]{64}$/);
    expect(hash).toBe(sha256Hex(bytes));
    expect(hash).not.toBe(sha256Hex(content));
  });

  it('changes when a single byte of the pinned bytes changes', async () => {
    const { bytes } = await encryptDocument(content, { name: 'ferritin.txt', type: 'text/plain' });
    const altered = bytes.slice();
    altered[altered.length - 1] ^= 0x01;

    expect(ciphertextHash(altered)).not.toBe(ciphertextHash(bytes));
  });
});
