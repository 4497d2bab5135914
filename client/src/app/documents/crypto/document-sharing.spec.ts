/**
 * The whole path a shared document takes, with real wallets: each person derives their key from a
 * signature, publishes it with a signed statement, the patient checks those statements, encrypts once and
 * wraps the document key for each reader, and each reader opens it with only their own wallet.
 */
import { Wallet } from 'ethers';
import { decryptDocument, encryptDocument } from './envelope';
import { ciphertextHash } from './hash';
import {
  deriveKeyPair,
  keyDerivationMessage,
  publicKeyFromHex,
  publicKeyToHex,
  publishedKeyMessage,
  verifyPublishedKey,
} from './keys';
import { unwrapKey, wrapKey } from './wrap';

const CHAIN_ID = 1337n;
const patient = new Wallet(`0x${'01'.repeat(32)}`);
const cardiologist = new Wallet(`0x${'02'.repeat(32)}`);
const radiologist = new Wallet(`0x${'03'.repeat(32)}`);
const unsharedDoctor = new Wallet(`0x${'04'.repeat(32)}`);

/** What a person's browser does once: sign, derive, and publish the public key with a signed statement. */
async function signIn(wallet: Wallet) {
  const keys = deriveKeyPair(await wallet.signMessage(keyDerivationMessage(wallet.address, CHAIN_ID)));
  const publicKey = publicKeyToHex(keys.publicKey);
  const signature = await wallet.signMessage(publishedKeyMessage(publicKey, wallet.address, CHAIN_ID));
  return { keys, published: { publicKey, address: wallet.address, chainId: CHAIN_ID, signature } };
}

describe('sharing one document with the patient and two doctors', () => {
  it('lets each of them, and only them, open it with their own wallet', async () => {
    const people = await Promise.all([patient, cardiologist, radiologist, unsharedDoctor].map(signIn));
    const [patientSession, ...doctors] = people;
    const readers = [patientSession, doctors[0], doctors[1]];
    const content = new TextEncoder().encode('Echocardiogram: ejection fraction 55%');

    // The patient's browser: verify every reader's published key, encrypt once, wrap per reader.
    expect(readers.every(({ published }) => verifyPublishedKey(published))).toBe(true);
    const { key, bytes } = await encryptDocument(content, { name: 'echo-2026-11.pdf', type: 'application/pdf' });
    const anchoredHash = ciphertextHash(bytes);
    const wrappedKeys = await Promise.all(
      readers.map(({ published }) => wrapKey(key, publicKeyFromHex(published.publicKey))),
    );

    // Each reader's browser, later: re-derive the key from the wallet alone, unwrap, check the hash, decrypt.
    for (const [index, wallet] of [patient, cardiologist, radiologist].entries()) {
      const { keys } = await signIn(wallet);
      const documentKey = await unwrapKey(wrappedKeys[index], keys.privateKey);
      expect(ciphertextHash(bytes)).toBe(anchoredHash);
      const opened = await decryptDocument(bytes, documentKey);
      expect(opened.name).toBe('echo-2026-11.pdf');
      expect(opened.content).toEqual(content);
    }

    // A doctor the patient did not share with holds no wrap of their own, and none of the others opens.
    for (const wrapped of wrappedKeys) {
      await expect(unwrapKey(wrapped, people[3].keys.privateKey)).rejects.toMatchObject({ code: 'unwrap-failed' });
    }
  });
});
