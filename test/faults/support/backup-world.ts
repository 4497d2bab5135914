/**
 * The backup drill's world: real people doing real things on a drill stack (scripts/dev/stack.ts), so the
 * archive holds everything a clinic would lose with its disk: a verified doctor with a profile and a
 * published key, a patient with a profile who uploads an ENCRYPTED document (the browser's own crypto,
 * client/src/app/documents/crypto), pins it through the app's IPFS endpoint, anchors its sha256 with
 * Records.addRecord, stores its key wrapped for herself and the doctor, grants consent; the doctor reads
 * the key once (an access-log entry). Signed-in agents speak HTTP to the running app like a browser.
 */
import { randomBytes } from 'node:crypto';
import { HDNodeWallet, JsonRpcProvider } from 'ethers';
import request, { type Agent } from 'supertest';
import { Consent__factory, Records__factory, Registry__factory, type Records } from '@contracts/types';
import { publishedKeyMessage, RECORD_KINDS, type PatientProfileRequest } from '@api';
import { UNTIL_REVOKED } from '@test-support/constants';
import { doctorProfile } from '@test-support/doctor-profile';
import { licenceCommitment } from '@test-support/licences';
import {
  ciphertextHash,
  deriveKeyPair,
  encryptDocument,
  keyDerivationMessage,
  publicKeyToHex,
  wrapKey,
  type KeyPair,
} from '../../../client/src/app/documents/crypto';
import { DEV_MNEMONIC, devAccountPath } from '../../../scripts/dev/chain-options';
import { readDeployments } from '../../../server/src/libraries/chain';
import { signedSignIn } from '../../../server/src/test-support/siwe-client';
import type { Stack } from '../../../scripts/dev/stack';

/** Ganache's eth_estimateGas can hang: every drill transaction names its gas. */
const GAS = { gasLimit: 1_000_000 };
/** Dev accounts (funded by the dev chain): the Registry admin, a doctor and a patient. */
const ACCOUNT = { admin: 0, doctor: 1, patient: 4 };
const INDEXER_WAIT_MS = 30_000;

export type Role = 'doctor' | 'patient' | 'admin';

export interface Person {
  wallet: HDNodeWallet;
  keys: KeyPair;
}

export interface BackupWorld {
  doctor: Person;
  patient: Person;
  admin: Person;
  /** The uploaded document: its CID, its record id on chain, and what the patient wrote. */
  document: { cid: string; recordId: bigint; plaintext: Uint8Array; name: string };
}

const toHex = (bytes: Uint8Array): string => `0x${Buffer.from(bytes).toString('hex')}`;

function person(index: number): Omit<Person, 'keys'> {
  return { wallet: HDNodeWallet.fromPhrase(DEV_MNEMONIC, undefined, devAccountPath(index)) };
}

/** The wallet's document key pair, derived exactly as the browser derives it. */
async function withKeys(who: Omit<Person, 'keys'>, chainId: number): Promise<Person> {
  const signature = await who.wallet.signMessage(keyDerivationMessage(who.wallet.address, chainId));
  return { ...who, keys: deriveKeyPair(signature) };
}

/** An agent signed in to the running app as `wallet`, sending the app's own Origin like its pages do. */
export async function signedInAgent(stack: Stack, wallet: HDNodeWallet): Promise<Agent> {
  const agent = request.agent(stack.appUrl).set('Origin', stack.appUrl);
  const site = new URL(stack.appUrl);
  const signed = await signedSignIn(agent, wallet, { domain: site.host, uri: site.origin, chainId: stack.chainId });
  await agent.post('/api/auth/verify').send(signed).expect(200);
  return agent;
}

export async function chainContracts(stack: Stack) {
  const provider = new JsonRpcProvider(stack.rpcUrl, stack.chainId, { staticNetwork: true, cacheTimeout: -1 });
  const deployments = await readDeployments(stack.deploymentsFile, stack.chainId);
  return {
    provider,
    registry: (wallet: HDNodeWallet) =>
      Registry__factory.connect(deployments.Registry.address, wallet.connect(provider)),
    consent: (wallet: HDNodeWallet) => Consent__factory.connect(deployments.Consent.address, wallet.connect(provider)),
    records: (wallet?: HDNodeWallet): Records =>
      Records__factory.connect(deployments.Records.address, wallet ? wallet.connect(provider) : provider),
  };
}

const patientProfile: PatientProfileRequest = {
  firstName: 'Grace',
  lastName: 'Restore',
  dateOfBirth: '1984-03-09',
  sex: 'female',
  email: 'grace.restore@example.org',
  mobile: '+447700900456',
  city: 'Leeds',
  state: 'West Yorkshire',
  emergencyContact: { name: 'Alan Restore', phone: '+447700900789' },
  allergies: ['penicillin'],
  chronicConditions: [],
};

/** Builds the world on `stack`; answers it with the doctor's and patient's signed-in agents. */
export async function buildBackupWorld(stack: Stack): Promise<{ world: BackupWorld; agents: Record<Role, Agent> }> {
  const chain = await chainContracts(stack);
  const [doctor, patient, admin] = await Promise.all(
    [ACCOUNT.doctor, ACCOUNT.patient, ACCOUNT.admin].map((index) => withKeys(person(index), stack.chainId)),
  );
  try {
    await (await chain.registry(doctor.wallet).registerDoctor(licenceCommitment('BACKUP-DRILL-1'), 1, GAS)).wait();
    await (await chain.registry(admin.wallet).verifyDoctor(doctor.wallet.address, GAS)).wait();
    await (await chain.registry(patient.wallet).registerPatient(GAS)).wait();
    await (await chain.consent(patient.wallet).grantAccess(doctor.wallet.address, UNTIL_REVOKED, GAS)).wait();

    const agents = {
      doctor: await signedInAgent(stack, doctor.wallet),
      patient: await signedInAgent(stack, patient.wallet),
      admin: await signedInAgent(stack, admin.wallet),
    };
    await agents.doctor.put('/api/doctors/me/profile').send(doctorProfile('Ada', 'Backup')).expect(200);
    await agents.patient.put('/api/patients/me').send(patientProfile).expect(200);
    for (const who of [doctor, patient]) {
      const publicKey = publicKeyToHex(who.keys.publicKey);
      const signature = await who.wallet.signMessage(publishedKeyMessage(publicKey, who.wallet.address, stack.chainId));
      await (who === doctor ? agents.doctor : agents.patient)
        .put('/api/keys/me')
        .send({ publicKey, signature })
        .expect(200);
    }

    // The patient's upload, as the browser makes it: encrypt, pin the envelope, anchor its hash, store wrapped keys.
    const name = 'blood-panel-2026-11.txt';
    const plaintext = Uint8Array.from(Buffer.from(`Haemoglobin 13.9 g/dL; drill ${randomBytes(8).toString('hex')}`));
    const encrypted = await encryptDocument(plaintext, { name, type: 'text/plain' });
    const added = await agents.patient
      .post('/api/ipfs/api/v0/add')
      .query({ pin: true })
      .attach('file', Buffer.from(encrypted.bytes), `${name}.enc`)
      .expect(200);
    const cid = (JSON.parse(String(added.text).trim().split('\n').pop()!) as { Hash: string }).Hash;
    const records = chain.records(patient.wallet);
    const receipt = (await (
      await records.addRecord(
        patient.wallet.address,
        RECORD_KINDS.indexOf('test-report'),
        cid,
        ciphertextHash(encrypted.bytes),
        GAS,
      )
    ).wait())!;
    const recordId = receipt.logs
      .map((log) => records.interface.parseLog(log))
      .find((parsed) => parsed?.name === 'RecordAdded')!.args.id as bigint;
    await agents.patient
      .put(`/api/documents/${cid}/keys`)
      .send({
        patient: patient.wallet.address,
        keys: await Promise.all(
          [patient, doctor].map(async (reader) => ({
            recipient: reader.wallet.address,
            wrappedKey: toHex(await wrapKey(encrypted.key, reader.keys.publicKey)),
          })),
        ),
      })
      .expect(204);
    // The doctor reads the key once: the access log gets its entry.
    await agents.doctor.get(`/api/documents/${cid}/key`).expect(200);
    await untilIndexed(agents.patient, patient.wallet.address, cid);
    return { world: { doctor, patient, admin, document: { cid, recordId, plaintext, name } }, agents };
  } finally {
    chain.provider.destroy();
  }
}

/** Waits until the read model shows the record (the last chain event the world made). */
async function untilIndexed(agent: Agent, patient: string, cid: string): Promise<void> {
  const deadline = Date.now() + INDEXER_WAIT_MS;
  for (;;) {
    const { body } = await agent.get('/api/records').query({ patient }).expect(200);
    if (JSON.stringify(body).includes(cid)) return;
    if (Date.now() > deadline) throw new Error(`the indexer did not show record ${cid} within ${INDEXER_WAIT_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
