import { doctorProfile } from '@test-support/doctor-profile';
import request from 'supertest';
import type { Agent } from 'supertest';
import { hexlify, randomBytes, type HDNodeWallet } from 'ethers';
import { licenceCommitment } from '@test-support/licences';
import { UNTIL_REVOKED } from '@api';
import {
  openTestApp,
  testChain,
  fundedWallet,
  GAS,
  type TestApp,
  type TestChain,
} from '../../../test-support/test-app';
import { signIn } from '../../../test-support/siwe-client';

// Accounts used only by this file (funded here): 80 admin (added by the shared admin 0), 81 verified doctor,
// 82 pending doctor, 83 patient, 84 another patient, 85 unregistered.
let testApp: TestApp;
let chain: TestChain;
const people = {} as Record<Person, { wallet: HDNodeWallet; agent: Agent }>;
type Person = 'admin' | 'verifiedDoctor' | 'pendingDoctor' | 'patient' | 'anotherPatient' | 'unregistered';
const hashes = {} as Record<'verify' | 'register' | 'grant' | 'reverted' | 'unknown', string>;

const sync = () => testApp.runtime.indexer.syncNow();
const sent = async (transaction: Promise<{ hash: string; wait(): Promise<unknown> }>) => {
  const response = await transaction;
  await response.wait();
  return response.hash.toLowerCase();
};

beforeAll(async () => {
  testApp = await openTestApp('transactions-api');
  chain = await testChain();
  const order: [Person, number][] = [
    ['admin', 80],
    ['verifiedDoctor', 81],
    ['pendingDoctor', 82],
    ['patient', 83],
    ['anotherPatient', 84],
    ['unregistered', 85],
  ];
  for (const [person, index] of order) {
    const wallet = await fundedWallet(index, chain.provider);
    const agent = request.agent(testApp.app);
    await signIn(agent, wallet);
    people[person] = { wallet, agent };
  }
  await (await chain.registryAs(0).addAdmin(people.admin.wallet.address, GAS)).wait();
  hashes.register = await sent(
    chain.registryFor(people.verifiedDoctor.wallet).registerDoctor(licenceCommitment('TX-81'), 3, GAS),
  );
  await (
    await chain.registryFor(people.pendingDoctor.wallet).registerDoctor(licenceCommitment('TX-82'), 3, GAS)
  ).wait();
  await people.verifiedDoctor.agent.put('/api/doctors/me/profile').send(doctorProfile('Ada', 'Lovelace')).expect(200);
  hashes.verify = await sent(
    chain.registryFor(people.admin.wallet).verifyDoctor(people.verifiedDoctor.wallet.address, GAS),
  );
  await (await chain.registryFor(people.patient.wallet).registerPatient(GAS)).wait();
  await (await chain.registryFor(people.anotherPatient.wallet).registerPatient(GAS)).wait();
  hashes.grant = await sent(
    chain.consentFor(people.patient.wallet).grantAccess(people.verifiedDoctor.wallet.address, UNTIL_REVOKED, GAS),
  );
  // Registering twice reverts; with its gas named, the node mines it and it fails, spending gas (no log).
  const failing = await chain.registryFor(people.patient.wallet).registerPatient({ gasLimit: 300_000 });
  await failing.wait().catch(() => undefined);
  hashes.reverted = failing.hash.toLowerCase();
  hashes.unknown = hexlify(randomBytes(32));
  await sync();
});
afterAll(async () => {
  await testApp?.close();
  chain?.close();
});

const agentOf = (person: Person) => people[person].agent;
const addressOf = (person: Person) => people[person].wallet.address;

interface Row {
  hash: string;
  from: string;
  action: string;
  status: string;
  gasUsed?: string;
  feeEth?: string;
  latencyMs?: number;
  submittedAt?: string;
}
async function rowsOf(agent: Agent, query: Record<string, string | number> = {}): Promise<Row[]> {
  return (
    await agent
      .get('/api/transactions')
      .query({ limit: 100, ...query })
      .expect(200)
  ).body.items;
}

describe('Transaction Records: reports from the client', () => {
  test('When a patient reports a transaction that reverted on chain, then it shows as reverted with its gas and fee', async () => {
    const reported = await agentOf('patient')
      .post('/api/transactions')
      .send({ hash: hashes.reverted, action: 'Registered as a patient' })
      .expect(201);

    expect(reported.body).toMatchObject({
      hash: hashes.reverted,
      from: addressOf('patient'),
      status: 'reverted',
      action: 'Registered as a patient',
      gasUsed: expect.stringMatching(/^[1-9]\d*$/),
      feeEth: expect.stringMatching(/^0\.\d*[1-9]/),
      latencyMs: expect.any(Number),
    });
    expect(await rowsOf(agentOf('patient'), { status: 'reverted' })).toEqual([
      expect.objectContaining({ hash: hashes.reverted, status: 'reverted' }),
    ]);
  });

  test('When a doctor reports a mined transaction, then its row keeps the chain’s words and gains the submission time and latency', async () => {
    const reported = await agentOf('verifiedDoctor')
      .post('/api/transactions')
      .send({ hash: hashes.register.toUpperCase().replace('0X', '0x'), action: 'Something else' })
      .expect(201);

    expect(reported.body).toMatchObject({
      hash: hashes.register,
      status: 'mined',
      action: 'Registered as a doctor',
      submittedAt: expect.any(String),
    });
    expect(reported.body.latencyMs).toBeGreaterThanOrEqual(0);
  });

  test('When an account reports a hash the node does not know, then it is listed as pending for that account only', async () => {
    await agentOf('unregistered')
      .post('/api/transactions')
      .send({ hash: hashes.unknown, action: '=HYPERLINK("http://evil")' })
      .expect(201);

    expect(await rowsOf(agentOf('unregistered'))).toEqual([
      expect.objectContaining({ hash: hashes.unknown, status: 'pending', from: addressOf('unregistered') }),
    ]);
    expect((await rowsOf(agentOf('anotherPatient'))).map((row) => row.hash)).not.toContain(hashes.unknown);
  });

  test.each<[string, Person, () => string]>([
    ['the admin’s verification', 'patient', () => hashes.verify],
    ['the patient’s grant', 'verifiedDoctor', () => hashes.grant],
  ])('When someone reports %s as theirs, then it is refused with 403 and not stored', async (_case, person, hash) => {
    const response = await agentOf(person).post('/api/transactions').send({ hash: hash() }).expect(403);
    expect(response.body.error.code).toBe('NOT_YOUR_TRANSACTION');
    expect((await rowsOf(agentOf(person))).map((row) => row.hash)).not.toContain(hash());
  });

  test.each([
    ['a hash of 31 bytes', { hash: `0x${'ab'.repeat(31)}` }, 'hash'],
    ['a hash that is not hex', { hash: `0x${'zz'.repeat(32)}` }, 'hash'],
    ['no hash', { action: 'x' }, 'hash'],
    ['an action over 120 characters', { hash: `0x${'ab'.repeat(32)}`, action: 'x'.repeat(121) }, 'action'],
    ['an unknown field', { hash: `0x${'ab'.repeat(32)}`, from: '0x0' }, 'from'],
  ])('When a report has %s, then the API answers 400 naming the field', async (_case, body, field) => {
    const response = await agentOf('patient').post('/api/transactions').send(body).expect(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    expect(response.body.error.message).toContain(field);
  });
});

describe('Transaction Records: what each account sees', () => {
  test('When each role lists its records, then every row is its own, with gas and fee once mined, and the actions in words', async () => {
    expect(await rowsOf(agentOf('verifiedDoctor'))).toContainEqual(
      expect.objectContaining({ hash: hashes.register, action: 'Registered as a doctor', gasUsed: expect.any(String) }),
    );
    expect(await rowsOf(agentOf('admin'), { account: addressOf('admin') })).toContainEqual(
      expect.objectContaining({ hash: hashes.verify, action: 'Verified Dr. Ada Lovelace', status: 'mined' }),
    );
    expect(await rowsOf(agentOf('patient'))).toContainEqual(
      expect.objectContaining({
        hash: hashes.grant,
        action: 'Granted Dr. Ada Lovelace access',
        feeEth: expect.any(String),
      }),
    );
    for (const person of ['verifiedDoctor', 'pendingDoctor', 'patient', 'anotherPatient', 'unregistered'] as const) {
      const rows = await rowsOf(agentOf(person));
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.map((row) => row.from)).toEqual(rows.map(() => addressOf(person)));
    }
  });

  test('When an admin filters by account, action words and status, then only matching rows come back', async () => {
    const patientRows = await rowsOf(agentOf('admin'), { account: addressOf('patient') });
    expect(patientRows.map((row) => row.hash).sort()).toEqual(expect.arrayContaining([hashes.grant, hashes.reverted]));
    expect(patientRows.every((row) => row.from === addressOf('patient'))).toBe(true);
    const granted = await rowsOf(agentOf('admin'), { action: 'granted dr. ada', account: addressOf('patient') });
    expect(granted.map((row) => row.hash)).toEqual([hashes.grant]);
    const reverted = await rowsOf(agentOf('admin'), { status: 'reverted', account: addressOf('patient') });
    expect(reverted.map((row) => row.hash)).toEqual([hashes.reverted]);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    expect(await rowsOf(agentOf('admin'), { since: tomorrow, account: addressOf('patient') })).toEqual([]);
  });

  type Expectation = number;
  const matrix: [Person | 'anonymous', Expectation, Expectation, Expectation, Expectation][] = [
    // who, GET list, GET list of another account, GET csv, GET stats
    ['admin', 200, 200, 200, 200],
    ['verifiedDoctor', 200, 403, 200, 403],
    ['pendingDoctor', 200, 403, 200, 403],
    ['patient', 200, 403, 200, 403],
    ['anotherPatient', 200, 403, 200, 403],
    ['unregistered', 200, 403, 200, 403],
    ['anonymous', 401, 401, 401, 401],
  ];
  test.each(matrix)(
    'When %s calls the routes, then list %s, another account %s, CSV %s, stats %s',
    async (who, list, other, csv, stats) => {
      const agent = who === 'anonymous' ? request(testApp.app) : agentOf(who);
      await agent.get('/api/transactions').expect(list);
      const someoneElse = who === 'anotherPatient' ? 'patient' : 'anotherPatient';
      await agent
        .get('/api/transactions')
        .query({ account: addressOf(someoneElse) })
        .expect(other);
      await agent.get('/api/transactions.csv').expect(csv);
      await agent.get('/api/transactions').query({ format: 'csv' }).expect(csv);
      const statsResponse = await agent.get('/api/stats').expect(stats);
      if (stats !== 200)
        expect(statsResponse.body.error.code).toBe(who === 'anonymous' ? 'UNAUTHENTICATED' : 'ADMIN_ONLY');
      if (who === 'anonymous') await agent.post('/api/transactions').send({ hash: hashes.unknown }).expect(401);
    },
  );

  test('When a patient downloads the CSV, then it has the header, their rows only, and formula-like cells are quoted as text', async () => {
    const response = await agentOf('unregistered').get('/api/transactions.csv').expect(200);

    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.headers['content-disposition']).toContain('transactions.csv');
    const [header, ...rows] = response.text.trim().split('\n');
    expect(header).toBe(
      'hash,from,to,action,status,blockNumber,blockTime,gasUsed,effectiveGasPriceWei,feeEth,valueEth,valueWei,payments,submittedAt,latencyMs',
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain(`${hashes.unknown},${addressOf('unregistered')},,"'=HYPERLINK(""http://evil"")",pending`);

    const patientCsv = (await agentOf('patient').get('/api/transactions.csv').query({ status: 'reverted' }).expect(200))
      .text;
    expect(patientCsv).toContain(`${hashes.reverted},${addressOf('patient')}`);
    expect(patientCsv.trim().split('\n')).toHaveLength(2);
  });

  test('When an admin asks for the statistics, then the counts add up and include the reverted and pending reports', async () => {
    const stats = (await agentOf('admin').get('/api/stats').query({ bucket: 'day' }).expect(200)).body;

    const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
    expect(stats.bucket).toBe('day');
    expect(sum(stats.byStatus)).toBe(stats.total);
    expect(sum(stats.byRole)).toBe(stats.total);
    expect(stats.byStatus.reverted).toBeGreaterThanOrEqual(1);
    expect(stats.byStatus.pending).toBeGreaterThanOrEqual(1);
    expect(stats.byRole.unregistered).toBeGreaterThanOrEqual(1);
    expect(
      sum(Object.fromEntries(stats.perBucket.map((b: { start: string; count: number }) => [b.start, b.count]))),
    ).toBe(stats.total);
    expect(stats.latency.samples).toBeGreaterThanOrEqual(2);
    expect(stats.latency.p95Ms).toBeGreaterThanOrEqual(0);
    await agentOf('admin').get('/api/stats').query({ bucket: 'week' }).expect(400);
  });
});

describe('Transaction Records: the indexer', () => {
  const ownRows = async () =>
    (
      await Promise.all(
        (['admin', 'verifiedDoctor', 'patient', 'unregistered'] as const).map((person) => rowsOf(agentOf(person))),
      )
    ).flat();

  test('When the indexer syncs twice, then the records are the same', async () => {
    const before = await ownRows();
    await sync();
    expect(await ownRows()).toEqual(before);
  });

  test('When the read model is rebuilt from the deployment blocks, then the same records come back, reverted and pending reports included', async () => {
    const before = await ownRows();
    await testApp.runtime.indexer.stop();
    const { default: mongoose } = await import('mongoose');
    await mongoose.connection.collection('indexer_cursors').deleteMany({});

    const result = await sync();

    expect(result.rebuilt).toBe(true);
    const after = await ownRows();
    expect(after).toEqual(before);
    expect(after).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ hash: hashes.reverted, status: 'reverted' }),
        expect.objectContaining({ hash: hashes.unknown, status: 'pending' }),
      ]),
    );
  });
});
