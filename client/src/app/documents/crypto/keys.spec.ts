import { Signature, Wallet } from 'ethers';
import {
  deriveKeyPair,
  keyDerivationMessage,
  publicKeyFromHex,
  publicKeyToHex,
  publishedKeyMessage,
  verifyPublishedKey,
} from './keys';

const CHAIN_ID = 1337n;
const alice = new Wallet(`0x${'a1'.repeat(32)}`);
const bob = new Wallet(`0x${'b2'.repeat(32)}`);

async function keysOf(wallet: Wallet, chainId = CHAIN_ID) {
  return deriveKeyPair(await wallet.signMessage(keyDerivationMessage(wallet.address, chainId)));
}

async function publish(wallet: Wallet, chainId = CHAIN_ID) {
  const publicKey = publicKeyToHex((await keysOf(wallet, chainId)).publicKey);
  const signature = await wallet.signMessage(publishedKeyMessage(publicKey, wallet.address, chainId));
  return { publicKey, address: wallet.address, chainId, signature };
}

describe('the key derivation message', () => {
  it('says in readable words which app, purpose, version, account and chain it is for', () => {
    const message = keyDerivationMessage(alice.address.toLowerCase(), CHAIN_ID);

    expect(message).toContain('App: EHR Hospital');
    expect(message).toContain('Purpose: document encryption key');
    expect(message).toContain('Version: 1');
    expect(message).toContain(`Address: ${alice.address}`);
    expect(message).toContain('Chain ID: 1337');
  });
});

describe('deriveKeyPair', () => {
  it('gives the same wallet the same key pair every time it signs again', async () => {
    const first = await keysOf(alice);
    const again = await keysOf(alice);

    expect(again.privateKey).toEqual(first.privateKey);
    expect(again.publicKey).toEqual(first.publicKey);
    expect(first.privateKey).toHaveLength(32);
    expect(first.publicKey).toHaveLength(32);
  });

  it('gives the same key whether the wallet spells v as 27/28 or as 0/1', async () => {
    const signature = Signature.from(await alice.signMessage(keyDerivationMessage(alice.address, CHAIN_ID)));
    const yParityForm = `${signature.r}${signature.s.slice(2)}0${signature.yParity}`;

    expect(deriveKeyPair(yParityForm).publicKey).toEqual(deriveKeyPair(signature.serialized).publicKey);
  });

  it('gives two wallets different keys', async () => {
    expect((await keysOf(alice)).publicKey).not.toEqual((await keysOf(bob)).publicKey);
  });

  it('gives one wallet different keys on different chains', async () => {
    expect((await keysOf(alice, 1337n)).publicKey).not.toEqual((await keysOf(alice, 1n)).publicKey);
  });

  it('refuses something that is not a signature', () => {
    expect(() => deriveKeyPair('0x1234')).toThrow();
  });
});

describe('verifyPublishedKey', () => {
  it('accepts a key its owner signed for this chain, whatever the case of the address', async () => {
    const statement = await publish(alice);

    expect(verifyPublishedKey(statement)).toBe(true);
    expect(verifyPublishedKey({ ...statement, address: statement.address.toLowerCase() })).toBe(true);
  });

  it('rejects a key another account signed (a server substituting its own key)', async () => {
    const bobsStatement = await publish(bob);

    expect(verifyPublishedKey({ ...bobsStatement, address: alice.address })).toBe(false);
  });

  it("rejects someone else's key under the owner's signature", async () => {
    const alicesStatement = await publish(alice);
    const bobsKey = (await publish(bob)).publicKey;

    expect(verifyPublishedKey({ ...alicesStatement, publicKey: bobsKey })).toBe(false);
  });

  it('rejects a statement signed for another chain', async () => {
    const statement = await publish(alice, 1n);

    expect(verifyPublishedKey({ ...statement, chainId: CHAIN_ID })).toBe(false);
  });

  it('rejects malformed keys and signatures instead of throwing', async () => {
    const statement = await publish(alice);

    expect(verifyPublishedKey({ ...statement, publicKey: '0x1234' })).toBe(false);
    expect(verifyPublishedKey({ ...statement, signature: '0xdeadbeef' })).toBe(false);
  });
});

describe('public key hex', () => {
  it('round-trips and refuses anything but 32 bytes of hex', async () => {
    const { publicKey } = await keysOf(alice);

    expect(publicKeyFromHex(publicKeyToHex(publicKey))).toEqual(publicKey);
    expect(() => publicKeyFromHex('0x12')).toThrow('A public key is 0x and 64 hex digits');
  });
});
