import { doctorProfile } from '@test-support/doctor-profile';
import request, { type Agent } from 'supertest';
import mongoose from 'mongoose';
import pino from 'pino';
import { parseEther, type ContractTransactionResponse, type HDNodeWallet } from 'ethers';
import { Appointments__factory, type Appointments } from '@contracts/types';
import type { TransactionView } from '@api';
import { licenceCommitment } from '@test-support/licences';
import { DAY, SLOT_LENGTH } from '@test-support/constants';
import {
  openTestApp,
  testChain,
  devWallet,
  fundedWallet,
  GAS,
  type TestApp,
  type TestChain,
} from '../../../test-support/test-app';
import { signIn } from '../../../test-support/siwe-client';
import { chainEventSources } from '../..';
import { createIndexer } from '../../indexer';

// Accounts used only by this file (funded here): 380 verified doctor, 381 patient; 0 is the shared admin.
let testApp: TestApp;
let chain: TestChain;
let doctor: HDNodeWallet;
let patient: HDNodeWallet;
const agents = {} as Record<'doctor' | 'patient' | 'admin', Agent>;
const hashes = {} as Record<'terms' | 'request' | 'reschedule' | 'cancel' | 'withdraw', string>;
let appointmentId: bigint;
const FEE = parseEther('0.05');
const DOCTOR_NAME = 'Dr. Penny Payments';

const appointmentsAs = (wallet: HDNodeWallet): Appointments =>
  Appointments__factory.connect(testApp.runtime.chain.deployments.Appointments.address, wallet);
const sent = async (transaction: Promise<ContractTransactionResponse>) => {
  const response = await transaction;
  await response.wait();
  return response.hash.toLowerCase();
};

beforeAll(async () => {
  testApp = await openTestApp('transaction-payments');
  chain = await testChain();
  [doctor, patient] = await Promise.all([380, 381].map((index) => fundedWallet(index, chain.provider)));
  for (const [person, wallet] of [
    ['doctor', doctor],
    ['patient', patient],
    ['admin', devWallet(0, chain.provider)],
  ] as const) {
    agents[person] = request.agent(testApp.app);
    await signIn(agents[person], wallet);
  }
  await (await chain.registryFor(doctor).registerDoctor(licenceCommitment('PAY-380'), 1, GAS)).wait();
  await agents.doctor.put('/api/doctors/me/profile').send(doctorProfile('Penny', 'Payments')).expect(200);
  await (await chain.registryAs(0).verifyDoctor(doctor.address, GAS)).wait();
  await (await chain.registryFor(patient).registerPatient(GAS)).wait();

  hashes.terms = await sent(appointmentsAs(doctor).setTerms(FEE, SLOT_LENGTH, GAS));
  // Far ahead: other test files move the shared chain's time forwards.
  const slot = (await chain.provider.getBlock('latest'))!.timestamp + 60 * DAY;
  const requested = await appointmentsAs(patient).requestAppointment(doctor.address, slot, '', { ...GAS, value: FEE });
  const receipt = (await requested.wait())!;
  hashes.request = requested.hash.toLowerCase();
  appointmentId = appointmentsAs(patient).interface.parseLog(receipt.logs[0])!.args.id as bigint;
  hashes.reschedule = await sent(appointmentsAs(patient).reschedule(appointmentId, slot + DAY, GAS));
  hashes.cancel = await sent(appointmentsAs(patient).cancel(appointmentId, GAS));
  hashes.withdraw = await sent(appointmentsAs(patient).withdraw(GAS));
  await testApp.runtime.indexer.syncNow();
});
afterAll(async () => {
  await testApp?.close();
  chain?.close();
});

async function rowsOf(agent: Agent, query: Record<string, string> = {}): Promise<TransactionView[]> {
  return (
    await agent
      .get('/api/transactions')
      .query({ limit: 100, ...query })
      .expect(200)
  ).body.items;
}
const rowOf = (rows: TransactionView[], hash: string) => rows.find((row) => row.hash === hash);

describe('Transaction Records: payments', () => {
  test('When a patient books paying a fee, cancels and withdraws, then each row says what moved, in words and amounts', async () => {
    const rows = await rowsOf(agents.patient);
    const id = appointmentId.toString();

    expect(rowOf(rows, hashes.request)).toMatchObject({
      action: `Booked appointment #${id} with ${DOCTOR_NAME}`,
      valueEth: '0.05',
      payments: [
        { kind: 'escrowed', account: patient.address, amountWei: FEE.toString(), amountEth: '0.05', appointmentId: id },
      ],
    });
    expect(rowOf(rows, hashes.reschedule)).toMatchObject({
      action: expect.stringMatching(new RegExp(`^Moved appointment #${id} with ${DOCTOR_NAME} to .+ UTC$`)),
      payments: [],
    });
    expect(rowOf(rows, hashes.cancel)).toMatchObject({
      action: `Cancelled appointment #${id} with ${DOCTOR_NAME}; refunded 0.05 ETH`,
      payments: [{ kind: 'refunded', account: patient.address, amountEth: '0.05', appointmentId: id }],
    });
    expect(rowOf(rows, hashes.withdraw)).toMatchObject({
      action: 'Withdrew 0.05 ETH',
      payments: [{ kind: 'withdrawn', account: patient.address, amountEth: '0.05' }],
    });
  });

  test('When the Payments filter is on, then only the transactions that moved ETH come back', async () => {
    const payments = await rowsOf(agents.patient, { category: 'payments' });
    // Newest first; transactions mined in the same second are ordered by hash, so compare as sets.
    expect(payments.map((row) => row.hash).sort()).toEqual([hashes.withdraw, hashes.cancel, hashes.request].sort());

    // Setting terms names a fee but moves none.
    const doctorRows = await rowsOf(agents.doctor);
    expect(rowOf(doctorRows, hashes.terms)).toMatchObject({
      action: 'Set the consultation fee to 0.05 ETH and slots of 30 minutes',
      payments: [],
    });
    expect(await rowsOf(agents.doctor, { category: 'payments' })).toEqual([]);
    const adminView = await rowsOf(agents.admin, { category: 'payments', account: patient.address });
    expect(adminView.map((row) => row.hash)).toEqual(payments.map((row) => row.hash));
  });

  test('When the filter names another category, then the API answers 400 naming it', async () => {
    const response = await agents.patient.get('/api/transactions').query({ category: 'fees' }).expect(400);
    expect(response.body.error.message).toContain('category');
  });

  test('When the patient downloads the payments as CSV, then each row carries the wei sent and the payments in words', async () => {
    const csv = (await agents.patient.get('/api/transactions.csv').query({ category: 'payments' }).expect(200)).text;

    const [header, ...lines] = csv.trim().split('\n');
    expect(header).toBe(
      'hash,from,to,action,status,blockNumber,blockTime,gasUsed,effectiveGasPriceWei,feeEth,valueEth,valueWei,payments,submittedAt,latencyMs',
    );
    expect(lines).toHaveLength(3);
    const line = (hash: string) => lines.find((text) => text.startsWith(hash))!;
    expect(line(hashes.request)).toContain(
      `,0.05,${FEE},escrowed 0.05 ETH by ${patient.address} (appointment #${appointmentId}),`,
    );
    expect(line(hashes.cancel)).toContain(`refunded 0.05 ETH to ${patient.address} (appointment #${appointmentId})`);
    expect(line(hashes.withdraw)).toContain(`withdrawn 0.05 ETH by ${patient.address}`);
  });
});

describe('Transaction Records: payments through the indexer', () => {
  const ownRows = async () => [...(await rowsOf(agents.patient)), ...(await rowsOf(agents.doctor))];

  test('When every log is applied again from the deployment block in tiny ranges, then the records are the same', async () => {
    const before = await ownRows();
    const replay = createIndexer({
      provider: testApp.runtime.chain.provider,
      chainId: testApp.runtime.config.chainId,
      sources: chainEventSources(testApp.runtime.chain.deployments, testApp.runtime.chain.provider),
      logger: pino({ level: 'silent' }),
      pollMs: 0,
      maxBlockRange: 5,
    });
    // Same cursor fingerprint, moved back: the logs are handled again without a reset.
    await mongoose.connection
      .collection('indexer_cursors')
      .updateMany({}, { $set: { lastBlock: testApp.runtime.chain.deployments.Registry.blockNumber - 1 } });

    expect((await replay.syncNow()).rebuilt).toBe(false);
    expect(await ownRows()).toEqual(before);
  });

  test('When the read model is rebuilt from the deployment blocks, then the same payments come back', async () => {
    const before = await ownRows();
    await mongoose.connection.collection('indexer_cursors').deleteMany({});

    expect((await testApp.runtime.indexer.syncNow()).rebuilt).toBe(true);
    const after = await ownRows();
    expect(after).toEqual(before);
    expect(after.flatMap((row) => row.payments.map((payment) => payment.kind)).sort()).toEqual([
      'escrowed',
      'refunded',
      'withdrawn',
    ]);
  });
});
