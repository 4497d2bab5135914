/**
 * Published public keys (the owner's wallet signature is checked, so nobody publishes a key in another's
 * name) and the recovery key: registered by the patient's wallet, claimed by a new wallet with an Ed25519
 * proof from the recovery code, after which that wallet gets the recovery wraps and may hold its own keys.
 */
import { ed25519, x25519 } from '@noble/curves/ed25519';
import { utf8ToBytes } from '@noble/hashes/utils';
import type { HDNodeWallet } from 'ethers';
import type { Agent } from 'supertest';
import { publishedKeyMessage, recoveryClaimMessage, recoveryKeyMessage } from '@api';
import { CHAIN_ID } from '@test-support/dev-chain';
import { licenceCommitment } from '@test-support/licences';
import { verifyPublishedKey, type KeyPair } from '../../../../../client/src/app/documents/crypto';
import {
  fundedWallet,
  GAS,
  openTestApp,
  testChain,
  type TestApp,
  type TestChain,
} from '../../../test-support/test-app';
import {
  accessLogOf,
  freshCid,
  keyPairOf,
  newDocumentKey,
  publicKeyToHex,
  signedInAgent,
  toHex,
  unwrappedWith,
  wrappedFor,
} from './document-keys-world';

// Accounts of this file only (910–919): patient, a doctor, the patient's new wallet, a stranger.
const ACCOUNTS = { patient: 910, doctor: 911, newWallet: 912, stranger: 913 };
type Who = keyof typeof ACCOUNTS;

let testApp: TestApp;
let chain: TestChain;
const wallet = {} as Record<Who, HDNodeWallet>;
const agent = {} as Record<Who, Agent>;
const keys = {} as Record<Who, KeyPair>;

/** A printed recovery code's two keys: X25519 to receive wraps, Ed25519 to prove a claim. */
const recoveryCode = (() => {
  const privateKey = x25519.utils.randomPrivateKey();
  const signingPrivateKey = ed25519.utils.randomPrivateKey();
  return {
    keys: { privateKey, publicKey: x25519.getPublicKey(privateKey) },
    signingPrivateKey,
    publicKeyHex: toHex(x25519.getPublicKey(privateKey)),
    signingKeyHex: toHex(ed25519.getPublicKey(signingPrivateKey)),
  };
})();

beforeAll(async () => {
  testApp = await openTestApp('document-published-keys');
  chain = await testChain();
  for (const [who, index] of Object.entries(ACCOUNTS) as [Who, number][]) {
    wallet[who] = await fundedWallet(index, chain.provider);
    keys[who] = await keyPairOf(wallet[who]);
  }
  await (await chain.registryFor(wallet.patient).registerPatient(GAS)).wait();
  await (await chain.registryFor(wallet.doctor).registerDoctor(licenceCommitment('KEYS-911'), 1, GAS)).wait();
  for (const who of Object.keys(ACCOUNTS) as Who[]) agent[who] = await signedInAgent(testApp, wallet[who]);
});
afterAll(async () => {
  await testApp?.close();
  chain?.close();
});

const publication = async (signer: HDNodeWallet, address: string, publicKey: string, chainId = CHAIN_ID) => ({
  publicKey,
  signature: await signer.signMessage(publishedKeyMessage(publicKey, address, chainId)),
});

describe('Published keys', () => {
  test('When an account publishes its key with its own signature, then anyone signed in gets it and the browser check accepts it', async () => {
    const publicKey = publicKeyToHex(keys.doctor.publicKey);
    const published = await agent.doctor
      .put('/api/keys/me')
      .send(await publication(wallet.doctor, wallet.doctor.address, publicKey))
      .expect(200);
    const { body } = await agent.stranger.get(`/api/keys/${wallet.doctor.address.toLowerCase()}`).expect(200);
    expect(body).toEqual(published.body);
    expect(body).toMatchObject({ address: wallet.doctor.address, publicKey, chainId: CHAIN_ID });
    expect(verifyPublishedKey(body)).toBe(true);
  });

  test.each([
    ['signed by another wallet', 'stranger', 'doctor', CHAIN_ID],
    ["another account's signed key replayed as one's own", 'stranger', 'doctor', CHAIN_ID],
    ['signed for another chain', 'doctor', 'doctor', CHAIN_ID + 1],
  ] as const)(
    'When the key is %s, then it is 400 KEY_SIGNATURE_INVALID and the published key is unchanged',
    async (title, signer, statedAccount, chainId) => {
      const forged = await publication(
        wallet[signer],
        wallet[statedAccount].address,
        publicKeyToHex(keys.stranger.publicKey),
        chainId,
      );
      // The replay: the stranger submits the doctor's own signed statement under the stranger's session.
      const [caller, body] = title.startsWith("another account's")
        ? ([
            'stranger',
            await publication(wallet.doctor, wallet.doctor.address, publicKeyToHex(keys.doctor.publicKey)),
          ] as const)
        : (['doctor', forged] as const);
      const response = await agent[caller].put('/api/keys/me').send(body).expect(400);
      expect(response.body.error).toEqual({
        code: 'KEY_SIGNATURE_INVALID',
        message: expect.stringMatching(/^signature: /),
      });
      const doctorsKey = await agent.patient.get(`/api/keys/${wallet.doctor.address}`).expect(200);
      expect(doctorsKey.body.publicKey).toBe(publicKeyToHex(keys.doctor.publicKey));
      if (caller === 'stranger') await agent.patient.get(`/api/keys/${wallet.stranger.address}`).expect(404);
    },
  );

  test('When an account has not published a key, then it is 404 KEY_NOT_PUBLISHED; a malformed key is 400 naming it', async () => {
    const { body } = await agent.doctor.get(`/api/keys/${wallet.newWallet.address}`).expect(404);
    expect(body.error.code).toBe('KEY_NOT_PUBLISHED');
    const bad = await agent.doctor
      .put('/api/keys/me')
      .send({ publicKey: '0x1234', signature: '0x' + '1'.repeat(130) })
      .expect(400);
    expect(bad.body.error.message).toMatch(/^publicKey: must be 0x and 64 hex digits/);
  });
});

const registration = async (signer: HDNodeWallet, address: string) => ({
  publicKey: recoveryCode.publicKeyHex,
  signingKey: recoveryCode.signingKeyHex,
  signature: await signer.signMessage(
    recoveryKeyMessage(recoveryCode.publicKeyHex, recoveryCode.signingKeyHex, address, CHAIN_ID),
  ),
});
const claimProof = (patient: string, claimant: string, signingPrivateKey = recoveryCode.signingPrivateKey) =>
  toHex(ed25519.sign(utf8ToBytes(recoveryClaimMessage(patient, claimant, CHAIN_ID)), signingPrivateKey));
const claim = (who: Who, proof: string) =>
  agent[who].post(`/api/keys/recovery/${wallet.patient.address}/claim`).send({ proof });

describe('Recovery key', () => {
  const documentKeys = [newDocumentKey(), newDocumentKey()];
  const cids = [freshCid(), freshCid()];

  test('When the patient has not registered one, then GET is 404 RECOVERY_KEY_NOT_SET and a claim is 404 too', async () => {
    expect((await agent.patient.get('/api/keys/me/recovery').expect(404)).body.error.code).toBe('RECOVERY_KEY_NOT_SET');
    await claim('newWallet', claimProof(wallet.patient.address, wallet.newWallet.address)).expect(404);
  });

  test('When a doctor registers one, or the wallet signature is forged, then it is refused', async () => {
    const doctor = await agent.doctor
      .put('/api/keys/me/recovery')
      .send(await registration(wallet.doctor, wallet.doctor.address))
      .expect(403);
    expect(doctor.body.error.code).toBe('PATIENT_ONLY');
    const forged = await agent.patient
      .put('/api/keys/me/recovery')
      .send(await registration(wallet.stranger, wallet.patient.address))
      .expect(400);
    expect(forged.body.error.code).toBe('KEY_SIGNATURE_INVALID');
  });

  test('When the patient registers it and stores recovery wraps, then the list shows them', async () => {
    const { body } = await agent.patient
      .put('/api/keys/me/recovery')
      .send(await registration(wallet.patient, wallet.patient.address))
      .expect(200);
    expect(body).toMatchObject({
      address: wallet.patient.address,
      publicKey: recoveryCode.publicKeyHex,
      signingKey: recoveryCode.signingKeyHex,
    });
    expect((await agent.patient.get('/api/keys/me/recovery').expect(200)).body).toEqual(body);

    for (const [index, cid] of cids.entries()) {
      await agent.patient
        .put(`/api/documents/${cid}/keys`)
        .send({
          patient: wallet.patient.address,
          keys: [
            {
              recipient: wallet.patient.address,
              wrappedKey: await wrappedFor(documentKeys[index], keys.patient.publicKey),
            },
          ],
          recoveryWrappedKey: await wrappedFor(documentKeys[index], recoveryCode.keys.publicKey),
        })
        .expect(204);
    }
    const list = await agent.patient.get('/api/documents/keys').query({ patient: wallet.patient.address }).expect(200);
    expect(list.body.items.map((item: { hasRecoveryWrap: boolean }) => item.hasRecoveryWrap)).toEqual([true, true]);
  });

  test('When a claim carries a forged proof, then it is 403 RECOVERY_PROOF_INVALID, nothing is returned and the refusal is logged', async () => {
    const forgeries = [
      claimProof(wallet.patient.address, wallet.newWallet.address, ed25519.utils.randomPrivateKey()),
      claimProof(wallet.patient.address, wallet.stranger.address), // a real proof, made out to another wallet
    ];
    for (const proof of forgeries) {
      const { body } = await claim('newWallet', proof).expect(403);
      expect(body).toEqual({ error: { code: 'RECOVERY_PROOF_INVALID', message: expect.any(String) } });
    }
    const [entry] = await accessLogOf(agent.patient);
    expect(entry).toMatchObject({ actor: wallet.newWallet.address, what: 'document.recovery', outcome: 'denied' });
    await agent.newWallet.get(`/api/documents/${cids[0]}/key`).expect(403);
  });

  test('When the new wallet claims with a valid proof, then it gets every recovery wrap, re-wraps for itself and is served its key', async () => {
    const { body } = await claim('newWallet', claimProof(wallet.patient.address, wallet.newWallet.address)).expect(200);
    expect(body.patient).toBe(wallet.patient.address);
    const recovered = new Map<string, Uint8Array>();
    for (const item of body.items)
      recovered.set(item.cid, await unwrappedWith(item.recoveryWrappedKey, recoveryCode.keys));
    expect(new Map(cids.map((cid, index) => [cid, documentKeys[index]]))).toEqual(recovered);
    expect((await accessLogOf(agent.patient))[0]).toMatchObject({
      actor: wallet.newWallet.address,
      what: 'document.recovery',
      outcome: 'allowed',
      why: 'recovery code',
    });

    await agent.newWallet
      .put(`/api/documents/${cids[0]}/keys`)
      .send({
        patient: wallet.patient.address,
        keys: [
          {
            recipient: wallet.newWallet.address,
            wrappedKey: await wrappedFor(recovered.get(cids[0])!, keys.newWallet.publicKey),
          },
        ],
      })
      .expect(204);
    const served = await agent.newWallet.get(`/api/documents/${cids[0]}/key`).expect(200);
    expect(await unwrappedWith(served.body.wrappedKey, keys.newWallet)).toEqual(documentKeys[0]);
    expect((await accessLogOf(agent.patient))[0]).toMatchObject({
      actor: wallet.newWallet.address,
      what: 'document.key',
      why: 'recovery claim',
    });

    const foreign = await agent.newWallet
      .put(`/api/documents/${cids[0]}/keys`)
      .send({
        patient: wallet.patient.address,
        keys: [
          {
            recipient: wallet.stranger.address,
            wrappedKey: await wrappedFor(recovered.get(cids[0])!, keys.stranger.publicKey),
          },
        ],
      })
      .expect(403);
    expect(foreign.body.error.code).toBe('DOCUMENT_KEYS_NOT_ALLOWED');
  });

  test('When the claim proof is malformed, then it is 400 naming it', async () => {
    const { body } = await claim('newWallet', '0x1234').expect(400);
    expect(body.error.message).toMatch(/^proof: /);
  });
});
