/**
 * The people of the emergency tests and what they do on chain: a patient with a saved profile and one
 * record entry, a verified doctor, a doctor who never broke the glass, a pending and a revoked doctor, the
 * shared admin (account 0); EmergencyAccess as each of them; break-glass as the browser does it (the
 * server's justification, then breakGlass with its commitment).
 */
import type { HDNodeWallet } from 'ethers';
import type { Agent } from 'supertest';
import { EmergencyAccess__factory, Records__factory, type EmergencyAccess } from '@contracts/types';
import type { AuditEntry, JustificationCreated } from '@api';
import { licenceCommitment } from '@test-support/licences';
import { accessLogOf, signedInAgent } from '../../document-keys/test/document-keys-world';
import { fakeUpload, kindOnChain, mined } from '../../records/test/records-world';
import { devWallet, fundedWallet, GAS, type TestApp, type TestChain } from '../../../test-support/test-app';

export const HOUR = 60 * 60;
export const DEFAULT_WINDOW = 24 * HOUR;

export const PEOPLE = [
  'patient',
  'otherPatient',
  'doctor',
  'noAccessDoctor',
  'pendingDoctor',
  'revokedDoctor',
] as const;
export type Person = (typeof PEOPLE)[number] | 'admin';

export interface EmergencyWorld {
  wallet: Record<Person, HDNodeWallet>;
  agent: Record<Person, Agent>;
  emergencyAs(who: Person): EmergencyAccess;
  /** The CID of the patient's one record entry. */
  recordCid: string;
  /** Justification then breakGlass, as the doctor's browser does; answers what the server returned. */
  breakGlass(who: Person, patient: Person, justification: string): Promise<JustificationCreated>;
  /** The patient's access log, newest first. */
  accessLog(patient?: Person): Promise<AuditEntry[]>;
}

export const PROFILE = {
  firstName: 'Amara',
  lastName: 'Okafor',
  dateOfBirth: '1971-03-09',
  sex: 'female',
  email: 'amara@example.test',
  mobile: '+15550100731',
  city: 'Springfield',
  state: 'Ohio',
  emergencyContact: { name: 'Chidi Okafor', phone: '+15550100732' },
  allergies: ['penicillin'],
  chronicConditions: ['type 1 diabetes'],
  currentMedications: ['insulin glargine 20 U nightly'],
} as const;

export async function buildEmergencyWorld(
  testApp: TestApp,
  chain: TestChain,
  accounts: Record<(typeof PEOPLE)[number], number>,
): Promise<EmergencyWorld> {
  const wallet = { admin: devWallet(0, chain.provider) } as Record<Person, HDNodeWallet>;
  for (const who of PEOPLE) wallet[who] = await fundedWallet(accounts[who], chain.provider);
  const registry = chain.registryAs(0);
  for (const who of ['patient', 'otherPatient'] as const) {
    await mined(chain.registryFor(wallet[who]).registerPatient(GAS));
  }
  for (const who of ['doctor', 'noAccessDoctor', 'pendingDoctor', 'revokedDoctor'] as const) {
    await mined(chain.registryFor(wallet[who]).registerDoctor(licenceCommitment(`EMERGENCY-${accounts[who]}`), 1, GAS));
    if (who !== 'pendingDoctor') await mined(registry.verifyDoctor(wallet[who].address, GAS));
  }
  await mined(registry.revokeDoctor(wallet.revokedDoctor.address, 1, GAS));

  const deployments = testApp.runtime.chain.deployments;
  const emergencyAs = (who: Person) =>
    EmergencyAccess__factory.connect(deployments.EmergencyAccess.address, wallet[who]);
  const upload = fakeUpload(`emergency record of ${wallet.patient.address}`);
  await mined(
    Records__factory.connect(deployments.Records.address, wallet.patient).addRecord(
      wallet.patient.address,
      kindOnChain('test-report'),
      upload.cid,
      upload.contentHash,
      GAS,
    ),
  );

  const agent = {} as Record<Person, Agent>;
  for (const who of [...PEOPLE, 'admin'] as const) agent[who] = await signedInAgent(testApp, wallet[who]);
  await agent.patient.put('/api/patients/me').send(PROFILE).expect(200);

  return {
    wallet,
    agent,
    emergencyAs,
    recordCid: upload.cid,
    async breakGlass(who, patient, justification) {
      const response = await agent[who]
        .post('/api/emergency/justifications')
        .send({ patient: wallet[patient].address, justification })
        .expect(201);
      const created = response.body as JustificationCreated;
      await mined(emergencyAs(who).breakGlass(wallet[patient].address, created.commitment, GAS));
      await testApp.runtime.indexer.syncNow();
      return created;
    },
    accessLog: (patient = 'patient') => accessLogOf(agent[patient]),
  };
}

/** Moves the chain's clock (only the clock: other test files' day-long grants are unaffected by an hour). */
export async function advanceChainTime(chain: TestChain, seconds: number): Promise<void> {
  await chain.provider.send('evm_increaseTime', [seconds]);
  await chain.provider.send('evm_mine', []);
}
