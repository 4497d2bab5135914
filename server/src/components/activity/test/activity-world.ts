/**
 * The people of the activity tests and what they did on chain: a doctor who registered and was verified,
 * one still pending, two patients, an account that never registered, and the shared admin (dev account 0).
 * Accounts 170–175 belong to activity-api.test.ts only (the chain is shared by every server test file).
 */
import request, { type Agent } from 'supertest';
import type { HDNodeWallet } from 'ethers';
import { Appointments__factory, Records__factory, type Appointments, type Records } from '@contracts/types';
import { licenceCommitment } from '@test-support/licences';
import { devWallet, fundedWallet, GAS, type TestApp, type TestChain } from '../../../test-support/test-app';
import { signIn } from '../../../test-support/siwe-client';

export const PEOPLE = [
  'admin',
  'verifiedDoctor',
  'pendingDoctor',
  'patient',
  'anotherPatient',
  'unregistered',
] as const;
export type Person = (typeof PEOPLE)[number];

export interface ActivityWorld {
  wallets: Record<Person, HDNodeWallet>;
  agents: Record<Person, Agent>;
  appointmentsFor(wallet: HDNodeWallet): Appointments;
  recordsFor(wallet: HDNodeWallet): Records;
}

export async function buildActivityWorld(testApp: TestApp, chain: TestChain): Promise<ActivityWorld> {
  const [verifiedDoctor, pendingDoctor, patient, anotherPatient, unregistered] = await Promise.all(
    [170, 171, 172, 173, 174].map((index) => fundedWallet(index, chain.provider)),
  );
  const wallets = {
    admin: devWallet(0, chain.provider),
    verifiedDoctor,
    pendingDoctor,
    patient,
    anotherPatient,
    unregistered,
  };
  const mined = async (sent: Promise<{ wait(): Promise<unknown> }>) => (await sent).wait();

  await mined(chain.registryFor(verifiedDoctor).registerDoctor(licenceCommitment('ACTIVITY-170'), 2, GAS));
  await mined(chain.registryAs(0).verifyDoctor(verifiedDoctor.address, GAS));
  await mined(chain.registryFor(pendingDoctor).registerDoctor(licenceCommitment('ACTIVITY-171'), 3, GAS));
  await mined(chain.registryFor(patient).registerPatient(GAS));
  await mined(chain.registryFor(anotherPatient).registerPatient(GAS));

  const agents = {} as Record<Person, Agent>;
  for (const person of PEOPLE) {
    agents[person] = request.agent(testApp.app);
    await signIn(agents[person], wallets[person]);
  }
  const { deployments } = testApp.runtime.chain;
  return {
    wallets,
    agents,
    appointmentsFor: (wallet) => Appointments__factory.connect(deployments.Appointments.address, wallet),
    recordsFor: (wallet) => Records__factory.connect(deployments.Records.address, wallet),
  };
}
