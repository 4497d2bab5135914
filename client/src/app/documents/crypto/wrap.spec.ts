import { x25519 } from '@noble/curves/ed25519';
import { type KeyWrapErrorCode } from './errors';
import { unwrapKey, WRAPPED_KEY_LENGTH, wrapKey } from './wrap';

const documentKey = Uint8Array.from({ length: 32 }, (_, index) => index);

function keyPair() {
  const privateKey = x25519.utils.randomPrivateKey();
  return { privateKey, publicKey: x25519.getPublicKey(privateKey) };
}

async function expectKeyWrapError(promise: Promise<unknown>, code: KeyWrapErrorCode) {
  await expect(promise).rejects.toMatchObject({ name: 'KeyWrapError', code });
}

describe('wrapKey / unwrapKey', () => {
  it('gives the recipient the document key back from a small self-describing byte string', async () => {
    const recipient = keyPair();

    const wrapped = await wrapKey(documentKey, recipient.publicKey);

    expect(wrapped).toHaveLength(WRAPPED_KEY_LENGTH);
    expect(wrapped[0]).toBe(1);
    expect(await unwrapKey(wrapped, recipient.privateKey)).toEqual(documentKey);
  });

  it('uses a fresh ephemeral key for every wrap, so two wraps of one key look unrelated', async () => {
    const recipient = keyPair();

    const first = await wrapKey(documentKey, recipient.publicKey);
    const second = await wrapKey(documentKey, recipient.publicKey);

    expect(second.subarray(1, 33)).not.toEqual(first.subarray(1, 33));
    expect(second).not.toEqual(first);
  });

  it('refuses anyone but the recipient', async () => {
    const recipient = keyPair();
    const someoneElse = keyPair();
    const wrapped = await wrapKey(documentKey, recipient.publicKey);

    await expectKeyWrapError(unwrapKey(wrapped, someoneElse.privateKey), 'unwrap-failed');
  });

  it('refuses a wrapped key altered anywhere: ephemeral key, IV or ciphertext', async () => {
    const recipient = keyPair();
    const wrapped = await wrapKey(documentKey, recipient.publicKey);

    for (const position of [5, 40, WRAPPED_KEY_LENGTH - 1]) {
      const tampered = wrapped.slice();
      tampered[position] ^= 0x01;
      await expect(unwrapKey(tampered, recipient.privateKey)).rejects.toMatchObject({ name: 'KeyWrapError' });
    }
  });

  it('refuses an unknown version, a truncated wrap, and a low-order public key', async () => {
    const recipient = keyPair();
    const wrapped = await wrapKey(documentKey, recipient.publicKey);
    const newerVersion = wrapped.slice();
    newerVersion[0] = 2;

    await expectKeyWrapError(unwrapKey(newerVersion, recipient.privateKey), 'unsupported-version');
    await expectKeyWrapError(unwrapKey(wrapped.slice(0, 50), recipient.privateKey), 'malformed');
    await expectKeyWrapError(unwrapKey(new Uint8Array(0), recipient.privateKey), 'malformed');
    // The all-zero point would make the shared secret zero: anyone could compute it.
    await expectKeyWrapError(wrapKey(documentKey, new Uint8Array(32)), 'invalid-key');
  });

  it('refuses to wrap something that is not a 32-byte document key', async () => {
    await expectKeyWrapError(wrapKey(new Uint8Array(16), keyPair().publicKey), 'invalid-key');
  });
});
