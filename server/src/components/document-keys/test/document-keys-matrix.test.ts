/**
 * Who may call each document-keys route, for every kind of caller. The patient has published a key,
 * registered a recovery key and stored keys of one document for themselves, the verified doctor (who
 * holds a grant) and the unregistered account (who holds no grant).
 */
import { ed25519, x25519 } from '@noble/curves/ed25519';
import { publishedKeyMessage, recoveryKeyMessage } from '@api';
import { UNTIL_REVOKED } from '@test-support/constants';
import { CHAIN_ID, devAccount } from '@test-support/dev-chain';
import {
  describeAuthorizationMatrix,
  everyone,
  signInCallers,
  type MatrixAccounts,
  type MatrixCallers,
} from '../../../test-support/authorization-matrix';
import {
  fundedWallet,
  GAS,
  openTestApp,
  testChain,
  type TestApp,
  type TestChain,
} from '../../../test-support/test-app';
import { freshCid, keyPairOf, newDocumentKey, publicKeyToHex, toHex, wrappedFor } from './document-keys-world';

// Accounts of this file only (920–924).
const ACCOUNTS: MatrixAccounts = {
  verifiedDoctor: 920,
  pendingDoctor: 921,
  patient: 922,
  otherPatient: 923,
  unregistered: 924,
};
const patientAddress = devAccount(ACCOUNTS.patient).address;
const cid = freshCid();
/** Well-formed, but no wallet's key: writes of it are judged on who calls, not on the bytes. */
const someWrappedKey = `0x01${'ab'.repeat(92)}`;

let testApp: TestApp;
let chain: TestChain;
let callers: MatrixCallers;

beforeAll(async () => {
  testApp = await openTestApp('document-keys-matrix');
  chain = await testChain();
  callers = await signInCallers(testApp.app, chain, ACCOUNTS);
  const patient = await fundedWallet(ACCOUNTS.patient, chain.provider);
  await (await chain.consentFor(patient).grantAccess(callers.address.verifiedDoctor, UNTIL_REVOKED, GAS)).wait();

  const patientKeys = await keyPairOf(patient);
  const publicKey = publicKeyToHex(patientKeys.publicKey);
  await callers.agent.patient
    .put('/api/keys/me')
    .send({
      publicKey,
      signature: await patient.signMessage(publishedKeyMessage(publicKey, patient.address, CHAIN_ID)),
    })
    .expect(200);
  const [recoveryKey, signingKey] = [
    toHex(x25519.getPublicKey(x25519.utils.randomPrivateKey())),
    toHex(ed25519.getPublicKey(ed25519.utils.randomPrivateKey())),
  ];
  await callers.agent.patient
    .put('/api/keys/me/recovery')
    .send({
      publicKey: recoveryKey,
      signingKey,
      signature: await patient.signMessage(recoveryKeyMessage(recoveryKey, signingKey, patient.address, CHAIN_ID)),
    })
    .expect(200);
  const documentKey = newDocumentKey();
  await callers.agent.patient
    .put(`/api/documents/${cid}/keys`)
    .send({
      patient: patient.address,
      keys: await Promise.all(
        (['patient', 'verifiedDoctor', 'unregistered'] as const).map(async (who) => ({
          recipient: callers.address[who],
          wrappedKey: await wrappedFor(documentKey, patientKeys.publicKey),
        })),
      ),
    })
    .expect(204);
});
afterAll(async () => {
  await testApp?.close();
  chain?.close();
});

describeAuthorizationMatrix('Document keys API', () => callers, [
  { method: 'get', path: '/api/keys/{patient}', expected: { ...everyone(200), anonymous: 401 } },
  {
    method: 'get',
    path: '/api/keys/me/recovery',
    expected: { ...everyone(403), patient: 200, otherPatient: 404, anonymous: 401 },
  },
  {
    method: 'post',
    path: '/api/keys/recovery/{patient}/claim',
    body: { proof: `0x${'11'.repeat(64)}` },
    expected: { ...everyone(403), anonymous: 401 },
  },
  {
    method: 'get',
    path: `/api/documents/${cid}/key`,
    expected: { ...everyone(403), patient: 200, verifiedDoctor: 200, anonymous: 401 },
  },
  {
    method: 'get',
    path: `/api/documents/keys?patient={patient}`,
    expected: { ...everyone(403), patient: 200, anonymous: 401 },
  },
  {
    method: 'put',
    path: `/api/documents/${cid}/keys`,
    body: { patient: patientAddress, keys: [{ recipient: patientAddress, wrappedKey: someWrappedKey }] },
    expected: { ...everyone(403), patient: 204, verifiedDoctor: 204, anonymous: 401 },
  },
  {
    method: 'patch',
    path: `/api/documents/${cid}/sharing`,
    body: { sharing: 'selected' },
    expected: { ...everyone(403), patient: 204, otherPatient: 404, anonymous: 401 },
  },
  {
    method: 'delete',
    path: `/api/documents/${cid}/keys/{unregistered}`,
    expected: { ...everyone(403), patient: 204, otherPatient: 404, anonymous: 401 },
  },
]);
