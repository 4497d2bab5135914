/**
 * The people of an appointments test file and what they do on chain: the matrix's callers (a verified doctor
 * with published terms and a profile, a pending doctor, two patients with profiles, an unregistered account,
 * the shared admin), the Appointments contract as each of them, and booking helpers. Each test file passes
 * its own accounts (the chain is shared by every server test file); slots lie days ahead and apart, so no
 * other file's booking or clock can touch them.
 */
import { parseEther, type ContractTransactionResponse, type HDNodeWallet } from 'ethers';
import { Appointments__factory, type Appointments } from '@contracts/types';
import { doctorProfile } from '@test-support/doctor-profile';
import { DAY, HOUR, SLOT_LENGTH } from '@test-support/constants';
import { signInCallers, type MatrixAccounts, type MatrixCallers } from '../../../test-support/authorization-matrix';
import { devWallet, fundedWallet, GAS, type TestApp, type TestChain } from '../../../test-support/test-app';

export const FEE = parseEther('0.01');

export const patientProfile = (firstName: string, lastName: string) => ({
  firstName,
  lastName,
  dateOfBirth: '1990-12-10',
  sex: 'female',
  email: `${firstName}@example.org`.toLowerCase(),
  mobile: '+447700900123',
  city: 'London',
  state: 'Greater London',
  emergencyContact: { name: 'Mary Somerville', phone: '+447700900456' },
  allergies: [],
  chronicConditions: [],
});

export interface AppointmentsWorld {
  callers: MatrixCallers;
  /** The Appointments contract as the verified doctor, the patients and the admin. */
  as: Record<'admin' | 'verifiedDoctor' | 'patient' | 'otherPatient', Appointments>;
  /** The n-th free slot of this file's doctor (unix seconds): whole hours, days ahead of the chain's time. */
  slot(n: number): number;
  /** Books the verified doctor at `slot` as `who`, paying the fee, with the reason note `reasonCid`; answers the new id. */
  book(who: 'patient' | 'otherPatient', slot: number, reasonCid?: string): Promise<bigint>;
}

export const mined = async (sent: Promise<ContractTransactionResponse>) => (await (await sent).wait())!;

export async function buildAppointmentsWorld(
  testApp: TestApp,
  chain: TestChain,
  accounts: MatrixAccounts,
  names: { doctor: [string, string]; patient: [string, string]; otherPatient: [string, string] },
): Promise<AppointmentsWorld> {
  const callers = await signInCallers(testApp.app, chain, accounts);
  const address = testApp.runtime.chain.deployments.Appointments.address;
  const wallets: Record<keyof AppointmentsWorld['as'], HDNodeWallet> = {
    admin: devWallet(0, chain.provider),
    verifiedDoctor: await fundedWallet(accounts.verifiedDoctor, chain.provider),
    patient: await fundedWallet(accounts.patient, chain.provider),
    otherPatient: await fundedWallet(accounts.otherPatient, chain.provider),
  };
  const as = Object.fromEntries(
    Object.entries(wallets).map(([who, wallet]) => [who, Appointments__factory.connect(address, wallet)]),
  ) as AppointmentsWorld['as'];

  await mined(as.verifiedDoctor.setTerms(FEE, SLOT_LENGTH, GAS));
  await callers.agent.verifiedDoctor
    .put('/api/doctors/me/profile')
    .send(doctorProfile(...names.doctor))
    .expect(200);
  await callers.agent.patient
    .put('/api/patients/me')
    .send(patientProfile(...names.patient))
    .expect(200);
  await callers.agent.otherPatient
    .put('/api/patients/me')
    .send(patientProfile(...names.otherPatient))
    .expect(200);

  const now = (await chain.provider.getBlock('latest'))!.timestamp;
  const firstSlot = Math.ceil((now + 20 * DAY) / HOUR) * HOUR;
  return {
    callers,
    as,
    slot: (n) => firstSlot + n * HOUR,
    async book(who, slot, reasonCid = '') {
      const receipt = await mined(
        as[who].requestAppointment(callers.address.verifiedDoctor, slot, reasonCid, { ...GAS, value: FEE }),
      );
      const requested = receipt.logs
        .map((log) => as[who].interface.parseLog(log))
        .find((parsed) => parsed?.name === 'AppointmentRequested');
      return requested!.args.id as bigint;
    },
  };
}
