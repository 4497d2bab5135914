/**
 * The people and the writes of the MongoDB kill drill: doctors and patients registered on the drill's
 * chain and signed in through SIWE, and "lanes" that each send one kind of acknowledged write, one at a
 * time, recording what the API answered and when (the window lets the drill match every acknowledged
 * access-log read to the entry the server stamped inside it).
 */
import { JsonRpcProvider, Wallet, parseEther, type HDNodeWallet } from 'ethers';
import { readFileSync } from 'node:fs';
import request from 'supertest';
import type { Agent } from 'supertest';
import { Registry__factory } from '@contracts/types';
import { devAccount } from '@test-support/dev-chain';
import { doctorProfile } from '@test-support/doctor-profile';
import { licenceHash } from '@test-support/licences';
import { signedSignIn } from '../../../server/src/test-support/siwe-client';
import type { DrillStack } from './drill-stack';

const GAS = { gasLimit: 1_000_000 };

export interface SignedIn {
  wallet: HDNodeWallet;
  agent: Agent;
}

/** Registers `doctors` and `patients` (dev account indices) on the drill's chain and signs everyone in, the admin too. */
export async function preparePeople(
  stack: DrillStack,
  indices: { admin: number; doctors: number[]; patients: number[] },
): Promise<{ admin: SignedIn; doctors: SignedIn[]; patients: SignedIn[] }> {
  const provider = new JsonRpcProvider(stack.rpcUrl, undefined, { cacheTimeout: -1, staticNetwork: true });
  try {
    const deployments = JSON.parse(readFileSync(stack.deploymentsFile, 'utf8'));
    const registryAddress: string = deployments[String(stack.chainId)].Registry.address;
    const admin = new Wallet(devAccount(indices.admin).privateKey, provider);
    const as = (index: number) => new Wallet(devAccount(index).privateKey, provider);
    for (const index of [...indices.doctors, ...indices.patients]) {
      // Accounts past Ganache's funded ones need gas money first.
      if ((await provider.getBalance(as(index).address)) === 0n) {
        await (await admin.sendTransaction({ to: as(index).address, value: parseEther('1'), ...GAS })).wait();
      }
    }
    for (const index of indices.doctors) {
      await (
        await Registry__factory.connect(registryAddress, as(index)).registerDoctor(
          licenceHash(`DRILL-${index}`),
          1,
          GAS,
        )
      ).wait();
    }
    for (const index of indices.patients) {
      await (await Registry__factory.connect(registryAddress, as(index)).registerPatient(GAS)).wait();
    }
  } finally {
    provider.destroy();
  }
  const signIn = async (index: number): Promise<SignedIn> => {
    const wallet = devAccount(index);
    const agent = request.agent(stack.appUrl);
    const site = new URL(stack.appUrl);
    await agent
      .post('/api/auth/verify')
      .send(await signedSignIn(agent, wallet, { domain: site.host, uri: site.origin }))
      .expect(200);
    return { wallet, agent };
  };
  return {
    admin: await signIn(indices.admin),
    doctors: await Promise.all(indices.doctors.map(signIn)),
    patients: await Promise.all(indices.patients.map(signIn)),
  };
}

/** The profile a write with sequence number `seq` stores: the number is in the city, so the drill can read it back. */
export const cityOf = (seq: number) => `Drill ${seq}`;
export const seqOfCity = (city: string | undefined): number => Number(/^Drill (\d+)$/.exec(city ?? '')?.[1] ?? -1);

export function patientProfile(seq: number) {
  return {
    firstName: 'Drill',
    lastName: 'Patient',
    dateOfBirth: '1980-01-01',
    sex: 'female',
    email: 'drill.patient@example.org',
    mobile: '+447700900123',
    city: cityOf(seq),
    state: 'Greater Manchester',
    emergencyContact: { name: 'Next Of Kin', phone: '+447700900124' },
    allergies: ['penicillin'],
  };
}

export type WriteKind = 'patient-profile' | 'doctor-profile' | 'access-log';

/** One lane: who writes, and the request one write is. */
export interface Lane {
  kind: WriteKind;
  /** The profile's owner, or the patient whose profile the admin opens. */
  subject: string;
  send(seq: number): request.Test;
}

export interface WriteOutcome {
  lane: number;
  kind: WriteKind;
  subject: string;
  seq: number;
  sentAt: number;
  answeredAt: number;
  /** HTTP status, or 0 when no answer came (connection refused or the request's bound passed). */
  status: number;
  body: unknown;
  failure?: string;
}

export const patientProfileLane = (patient: SignedIn): Lane => ({
  kind: 'patient-profile',
  subject: patient.wallet.address,
  send: (seq) => patient.agent.put('/api/patients/me').send(patientProfile(seq)),
});

export const doctorProfileLane = (doctor: SignedIn): Lane => ({
  kind: 'doctor-profile',
  subject: doctor.wallet.address,
  send: (seq) =>
    doctor.agent.put('/api/doctors/me/profile').send(doctorProfile('Drill', 'Doctor', { city: cityOf(seq) })),
});

/** The admin opening a patient's profile: the API journals the access-log entry before it answers. */
export const accessLogLane = (admin: SignedIn, patient: string): Lane => ({
  kind: 'access-log',
  subject: patient,
  send: () => admin.agent.get(`/api/patients/${patient}`),
});

/** Sends one write, bounded by `boundMs`: an answer later than that counts as a hang. */
export async function sendWrite(lane: Lane, laneIndex: number, seq: number, boundMs: number): Promise<WriteOutcome> {
  const sentAt = Date.now();
  const base = { lane: laneIndex, kind: lane.kind, subject: lane.subject, seq, sentAt };
  try {
    const response = await lane
      .send(seq)
      .timeout(boundMs)
      .ok(() => true);
    return { ...base, answeredAt: Date.now(), status: response.status, body: response.body };
  } catch (error) {
    return { ...base, answeredAt: Date.now(), status: 0, body: undefined, failure: (error as Error).message };
  }
}
