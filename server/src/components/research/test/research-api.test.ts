/**
 * Research exports against the real chain, MongoDB and indexer: only live opt-ins are exported (not the
 * never-opted-in, not the expired), each with what their scope shares; non-admins get 403; a patient who
 * opts out is absent from the next export; anchoring the hash on chain marks the export anchored once the
 * indexer has seen it.
 */
import { createHash } from 'node:crypto';
import request, { type Agent } from 'supertest';
import { encodeBase58, parseEther, sha256, toUtf8Bytes, type HDNodeWallet } from 'ethers';
import {
  Erasure__factory,
  Appointments__factory,
  Records__factory,
  ResearchSharing__factory,
  type ResearchSharing,
} from '@contracts/types';
import { RECORD_KINDS, type AuditEntry, type ResearchExportDocument, type ResearchExportSummary } from '@api';
import { DAY, HOUR, SLOT_LENGTH } from '@test-support/constants';
import { licenceCommitment } from '@test-support/licences';
import { signIn } from '../../../test-support/siwe-client';
import { findAnchors } from '../data-access/anchor-store';
import { findLiveParticipations } from '../data-access/participation-store';
import { researchEvents } from '../entry-points/chain-events/research-events';
import {
  devWallet,
  fundedWallet,
  GAS,
  openTestApp,
  testChain,
  type TestApp,
  type TestChain,
} from '../../../test-support/test-app';

// Accounts used only by this file (funded here): 760 the cardiologist, 761–767 patients who opt in
// (scopes below), 768 never opts in, 769 opts in for two minutes; 0 is the shared admin.
const SCOPES = [7, 7, 7, 1, 1, 6, 3];
const FEE = parseEther('0.01');

let testApp: TestApp;
let chain: TestChain;
let doctor: HDNodeWallet;
let participants: HDNodeWallet[];
let neverOptedIn: HDNodeWallet;
let expired: HDNodeWallet;
const agents = new Map<string, Agent>();
let adminAgent: Agent;

const mined = async (sent: Promise<{ wait(): Promise<unknown> }>) => (await sent).wait();
const research = (wallet: HDNodeWallet): ResearchSharing =>
  ResearchSharing__factory.connect(testApp.runtime.chain.deployments.ResearchSharing.address, wallet);
const chainNow = async () => (await chain.provider.getBlock('latest'))!.timestamp;
const profile = (n: number) => ({
  firstName: `Researchfirst${n}`,
  lastName: `Researchlast${n}`,
  dateOfBirth: `19${60 + n}-03-1${n % 10}`,
  sex: n % 2 ? 'female' : 'male',
  email: `research.patient${n}@mail.example`,
  mobile: `+44770090${n}${n}${n}`,
  city: 'Leeds',
  state: 'West Yorkshire',
  emergencyContact: { name: `Kin Of${n}`, phone: `+3531700${n}${n}${n}` },
  allergies: ['peanut'],
  chronicConditions: [],
});

beforeAll(async () => {
  testApp = await openTestApp('research-api');
  chain = await testChain();
  const wallets = await Promise.all(Array.from({ length: 10 }, (_, i) => fundedWallet(760 + i, chain.provider)));
  [doctor, ...participants] = wallets.slice(0, 8);
  [neverOptedIn, expired] = wallets.slice(8);
  await mined(chain.registryFor(doctor).registerDoctor(licenceCommitment('RESEARCH-760'), 2, GAS));
  await mined(chain.registryAs(0).verifyDoctor(doctor.address, GAS));
  const patients = [...participants, neverOptedIn, expired];
  for (const [index, patient] of patients.entries()) {
    await mined(chain.registryFor(patient).registerPatient(GAS));
    const agent = request.agent(testApp.app);
    await signIn(agent, patient);
    agents.set(patient.address, agent);
    await agent
      .put('/api/patients/me')
      .send(profile(index + 1))
      .expect(200);
  }
  adminAgent = request.agent(testApp.app);
  await signIn(adminAgent, devWallet(0, chain.provider));

  const farFuture = (await chainNow()) + 365 * DAY;
  for (const [index, patient] of participants.entries())
    await mined(research(patient).optIn(SCOPES[index], farFuture, GAS));
  await mined(research(expired).optIn(7, (await chainNow()) + 120, GAS));

  // The first participant books the cardiologist (the reason note's CID must never reach the export);
  // the sixth adds a test report of their own (its CID neither).
  const appointments = testApp.runtime.chain.deployments.Appointments.address;
  await mined(Appointments__factory.connect(appointments, doctor).setTerms(FEE, SLOT_LENGTH, GAS));
  const slot = Math.ceil(((await chainNow()) + 30 * DAY) / HOUR) * HOUR;
  await mined(
    Appointments__factory.connect(appointments, participants[0]).requestAppointment(doctor.address, slot, REASON_CID, {
      ...GAS,
      value: FEE,
    }),
  );
  const records = Records__factory.connect(testApp.runtime.chain.deployments.Records.address, participants[5]);
  await mined(
    records.addRecord(
      participants[5].address,
      RECORD_KINDS.indexOf('test-report'),
      RECORD_CID,
      sha256(toUtf8Bytes('x')),
      GAS,
    ),
  );

  await chain.provider.send('evm_increaseTime', [300]);
  await chain.provider.send('evm_mine', []);
  await testApp.runtime.indexer.syncNow();
});
afterAll(async () => {
  await testApp?.close();
  chain?.close();
});

const REASON_CID = encodeBase58(`0x1220${sha256(toUtf8Bytes('research reason note')).slice(2)}`);
const RECORD_CID = encodeBase58(`0x1220${sha256(toUtf8Bytes('research test report')).slice(2)}`);

async function exportNow(): Promise<{
  summary: ResearchExportSummary;
  text: string;
  document: ResearchExportDocument;
}> {
  const summary = (await adminAgent.post('/api/research/exports').send({ k: 5, epsilon: 2 }).expect(201)).body;
  const download = await adminAgent.get(`/api/research/exports/${summary.id}`).expect(200);
  return { summary, text: download.text, document: JSON.parse(download.text) };
}

async function exportedPatients(exportId: string): Promise<string[]> {
  const page = (await adminAgent.get('/api/audit').query({ what: 'research.export', limit: 100 }).expect(200)).body;
  return page.items
    .filter((entry: AuditEntry) => entry.why.startsWith(`research export ${exportId}:`))
    .map((entry: AuditEntry) => entry.patient)
    .sort();
}

const addressesOf = (wallets: HDNodeWallet[]) => wallets.map((wallet) => wallet.address).sort();

describe('Research participation', () => {
  test('When patients read their own participation, then it is what the chain holds, live or not', async () => {
    const demographicsOnly = (
      await agents.get(participants[3].address)!.get('/api/research/participation/me').expect(200)
    ).body;
    expect(demographicsOnly).toMatchObject({ scope: 1, scopes: ['demographics'], live: true });
    const never = (await agents.get(neverOptedIn.address)!.get('/api/research/participation/me').expect(200)).body;
    expect(never).toMatchObject({ scope: 0, scopes: [], expiresAt: null, live: false });
    const lapsed = (await agents.get(expired.address)!.get('/api/research/participation/me').expect(200)).body;
    expect(lapsed).toMatchObject({ scope: 7, live: false });
  });
});

describe('Research exports', () => {
  let first: Awaited<ReturnType<typeof exportNow>>;

  test('When a non-admin asks to export or list, then it is 403 ADMIN_ONLY', async () => {
    const patient = agents.get(participants[0].address)!;
    expect((await patient.post('/api/research/exports').send({}).expect(403)).body.error.code).toBe('ADMIN_ONLY');
    await patient.get('/api/research/exports').expect(403);
    await request(testApp.app).get('/api/research/exports').expect(401);
  });

  test('When k is below 5, then the export is refused with a 400 naming k', async () => {
    const refused = await adminAgent.post('/api/research/exports').send({ k: 4 }).expect(400);
    expect(refused.body.error.message).toMatch(/^k: /);
  });

  test('When an admin exports, then exactly the live opt-ins are in it, each logged, as their scope allows', async () => {
    first = await exportNow();
    expect(first.summary).toMatchObject({ k: 5, epsilon: 2, epsilonMilli: 2000, eligiblePatients: 7, patientCount: 7 });
    expect(await exportedPatients(first.summary.id)).toEqual(addressesOf(participants));
    expect(`0x${createHash('sha256').update(first.text).digest('hex')}`).toBe(first.summary.hash);

    const rows = first.document.patients;
    const shared = (bit: number) => SCOPES.filter((scope) => scope & bit).length;
    expect(rows.filter((row) => row.appointments).length).toBe(shared(2));
    expect(rows.filter((row) => row.recordKinds).length).toBe(shared(4));
    expect(rows.flatMap((row) => row.appointments ?? [])).toEqual([
      { speciality: expect.any(String), status: 'requested', month: expect.stringMatching(/^\d{4}-\d\d$/) },
    ]);
    expect(rows.some((row) => row.recordKinds?.['test-report'] === 1)).toBe(true);
  });

  test('When the export is downloaded, then no name, contact detail, wallet address, CID or health data is in it', () => {
    const text = first.text.toLowerCase();
    const everyone = [doctor, ...participants, neverOptedIn, expired];
    for (const wallet of everyone) expect(text).not.toContain(wallet.address.slice(2).toLowerCase());
    for (let n = 1; n <= 9; n++) {
      const { firstName, lastName, email, mobile, emergencyContact } = profile(n);
      for (const identifier of [firstName, lastName, email, mobile, emergencyContact.name, emergencyContact.phone])
        expect(text).not.toContain(identifier.toLowerCase());
    }
    for (const secret of [REASON_CID, RECORD_CID, 'peanut']) expect(text).not.toContain(secret.toLowerCase());
  });

  test('When a patient opts out after an export, then the next export leaves them out', async () => {
    await mined(research(participants[1]).optOut(GAS));
    await testApp.runtime.indexer.syncNow();

    const next = await exportNow();
    expect(next.summary.eligiblePatients).toBe(6);
    expect(await exportedPatients(next.summary.id)).toEqual(addressesOf(participants.filter((_, i) => i !== 1)));
    expect(
      next.document.patients.every((row) => !first.document.patients.some((old) => old.pseudonym === row.pseudonym)),
    ).toBe(true);
  });

  test('When the admin anchors an export hash on chain, then the list shows it anchored once indexed', async () => {
    const { hash, patientCount, k, epsilonMilli } = first.summary;
    const receipt = await (
      await research(devWallet(0, chain.provider)).anchorExport(hash, patientCount, k, epsilonMilli, GAS)
    ).wait();
    await testApp.runtime.indexer.syncNow();

    const list = (await adminAgent.get('/api/research/exports').expect(200)).body;
    expect(list.defaults).toEqual({ k: 5, epsilon: 1 });
    expect(list.items).toHaveLength(2);
    const [newest, anchored] = list.items;
    expect(newest.anchor).toBeNull();
    expect(anchored).toMatchObject({
      id: first.summary.id,
      anchor: {
        transactionHash: receipt!.hash,
        blockNumber: receipt!.blockNumber,
        admin: devWallet(0, chain.provider).address,
      },
    });
  });

  test('When the indexer replays the ResearchSharing logs (twice, backwards, after a reset), then the read models come out the same', async () => {
    const source = researchEvents(testApp.runtime.chain.deployments.ResearchSharing);
    const head = await chain.provider.getBlockNumber();
    const logs = await chain.provider.getLogs({ address: source.address, fromBlock: source.fromBlock, toBlock: head });
    const mine = new Set([...participants, neverOptedIn, expired].map((wallet) => wallet.address));
    const snapshot = async () => ({
      participations: (await findLiveParticipations(0)).filter((record) => mine.has(record.patient)),
      anchors: [...(await findAnchors([first.summary.hash])).values()],
    });
    const apply = async (ordered: typeof logs) => {
      for (const log of ordered) {
        const parsed = source.contractInterface.parseLog(log)!;
        const block = (await chain.provider.getBlock(log.blockNumber))!;
        await source.handlers[parsed.name]?.(parsed.args, {
          blockNumber: log.blockNumber,
          logIndex: log.index,
          transactionHash: log.transactionHash,
          timestamp: new Date(block.timestamp * 1000),
        });
      }
    };
    const before = await snapshot();
    // Six still opted in, and the expired one (the read model keeps it; exports skip it by block time).
    expect(before.participations).toHaveLength(participants.length - 1 + 1);

    await apply(logs);
    await apply([...logs].reverse());
    expect(await snapshot()).toEqual(before);

    await source.reset();
    expect(await snapshot()).toEqual({ participations: [], anchors: [] });
    await apply(logs);
    expect(await snapshot()).toEqual(before);
  });
});

describe('Research and erasure', () => {
  test('When an opted-in patient erases their data, then their participation says so and the next export leaves them out, even before the indexer has seen the erasure', async () => {
    const erased = participants[2];
    const erasure = Erasure__factory.connect(testApp.runtime.chain.deployments.Erasure.address, erased);
    await mined(erasure.erase(GAS));

    const participation = (await agents.get(erased.address)!.get('/api/research/participation/me').expect(200)).body;
    expect(participation).toMatchObject({ live: false, endedByErasure: true });
    const next = await exportNow();
    expect(await exportedPatients(next.summary.id)).toEqual(
      addressesOf(participants.filter((_, i) => i !== 1 && i !== 2)),
    );
  });
});
