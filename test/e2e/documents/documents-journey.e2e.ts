/**
 * Journey (issue 10): the patient grants a doctor access and uploads a test PDF → the doctor opens it (the opener
 * checks the chain's hash; the test checks it too, against the bytes the IPFS node holds) and writes a consultation
 * note with a prescription → the patient opens the note → the doctor amends it → the patient revokes → the
 * doctor's next open is refused → the patient's access log holds the opens and the refusal. Then the no-plaintext
 * scan: the markers in the PDF's content, its file name and the note are nowhere in the IPFS store, the chain,
 * MongoDB or the app's output, while a planted plaintext control is found in each.
 * Real stack (`npm start`), Debian's Chromium, a really signing wallet per person; screenshots of each step.
 */
import { JsonRpcProvider, Wallet, sha256, toBeHex } from 'ethers';
import { readFileSync } from 'node:fs';
import { Records__factory, Registry__factory } from '@contracts/types';
import { devAccount } from '@test-support/dev-chain';
import { saveScreenshot } from '../support/browser';
import { describeInBrowser, useSignedInBrowser } from '../support/journey';
import { plantControls, scanForPlaintext, sourcesFromEnv } from './support/plaintext-scan';
import {
  UI_TIMEOUT,
  closeViewer,
  openEntry,
  openEntryRefused,
  amendNote,
  openMyRecords,
  openNote,
  openPatientRecord,
  revokeAccess,
  timelineEntry,
  uploadDocument,
  waitForEntry,
  waitUntilUploadPanelLists,
  writeConsultationNote,
} from './support/records-app';

const RUN = Date.now().toString(36);
/** Unique to this run: in the PDF's content, its file name and the note's text. */
const MARKERS = {
  content: `CONTENT-MARKER-${RUN}-c7e1`,
  fileName: `FILENAME-MARKER-${RUN}-3b9d`,
  note: `NOTE-MARKER-${RUN}-a55f`,
};
const CONTROL = `SCAN-CONTROL-${RUN}-0d42`;
// Accounts of this file only: 180 the patient, 181 the doctor, 209 the scan's control transaction.
const PATIENT = 180;
const DOCTOR = 181;
const CONTROL_ACCOUNT = 209;
const DOCTOR_NAME = 'Dr. Nadia Notewright';
const GAS = { gasLimit: 1_000_000 };

/** A one-page PDF whose text is the content marker. */
function testPdf(): Buffer {
  return Buffer.from(
    [
      '%PDF-1.4',
      '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
      '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
      '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 300 100] /Contents 4 0 R >> endobj',
      `4 0 obj << >> stream\nBT /F1 12 Tf 10 50 Td (Potassium 4.1 mmol/L ${MARKERS.content}) Tj ET\nendstream endobj`,
      'trailer << /Root 1 0 R >>',
      '%%EOF',
    ].join('\n'),
  );
}

describeInBrowser('Documents journey and the no-plaintext scan (browser)', () => {
  jest.setTimeout(360_000);
  const { signedInAs } = useSignedInBrowser();
  const appUrl = process.env.E2E_APP_URL!;
  const chainId = Number(process.env.E2E_CHAIN_ID);
  let provider: JsonRpcProvider;
  let addresses: Record<string, { address: string }>;
  /** Set when the journey has stored every marker (encrypted): the scan is meaningful only after that. */
  let journeyCompleted = false;

  beforeAll(async () => {
    provider = new JsonRpcProvider(process.env.E2E_RPC_URL, undefined, { cacheTimeout: -1, staticNetwork: true });
    addresses = JSON.parse(readFileSync(process.env.E2E_DEPLOYMENTS_FILE!, 'utf8'))[String(chainId)];
    // Funds straight on Ganache (the app's /rpc refuses node methods): no race for the admin's nonce.
    const node = new JsonRpcProvider(process.env.E2E_CHAIN_URL, undefined, { staticNetwork: true });
    try {
      for (const index of [PATIENT, DOCTOR]) {
        await node.send('evm_setAccountBalance', [devAccount(index).address, toBeHex(10n ** 19n)]);
      }
    } finally {
      node.destroy();
    }
  });
  afterAll(() => provider?.destroy());

  /** The id of the newest record entry of `patient` on chain (from RecordAdded). */
  async function latestEntryId(patient: string): Promise<string> {
    const records = Records__factory.connect(addresses['Records'].address, provider);
    const added = await records.queryFilter(records.filters.RecordAdded(), 0, 'latest');
    const mine = added.filter((event) => event.args.patient === patient);
    return mine[mine.length - 1].args.id.toString();
  }

  /** The chain's entry #id and the sha256 of the bytes the IPFS node holds for its CID. */
  async function anchoredAndStored(entryId: string): Promise<{ anchored: string; stored: string; cid: string }> {
    const records = Records__factory.connect(addresses['Records'].address, provider);
    const entry = await records.getRecord(BigInt(entryId));
    const response = await fetch(`${process.env.E2E_IPFS_API_URL}/api/v0/cat?arg=${entry.cid}`, { method: 'POST' });
    return {
      anchored: entry.contentHash,
      stored: sha256(new Uint8Array(await response.arrayBuffer())),
      cid: entry.cid,
    };
  }

  test('When a patient uploads a test PDF, then the doctor with access opens it, writes and amends a note the patient opens, and after the patient revokes, the doctor is refused and the access log shows it all', async () => {
    const patientAddress = devAccount(PATIENT).address;
    // The doctor registers; an admin verifies them (on chain: the verification journey covers that screen).
    const doctor = await signedInAs(DOCTOR);
    await doctor.registerAsDoctor({
      licence: 'GMC-1810181',
      speciality: 'Cardiology',
      firstName: 'Nadia',
      lastName: 'Notewright',
      dateOfJoining: '2012-09-03',
      email: 'nadia.notewright@example.org',
      mobile: '+447700900181',
      city: 'Carlisle',
      state: 'Cumbria',
    });
    const admin = new Wallet(devAccount(0).privateKey, provider);
    const registry = Registry__factory.connect(addresses['Registry'].address, admin);
    await (await registry.verifyDoctor(devAccount(DOCTOR).address, GAS)).wait();
    await doctor.page.reload();
    // My practice: the doctor sets up document encryption (their wallet signs; nothing is stored).
    await doctor.setUpDocumentEncryption();

    // The patient registers and gives the doctor access until revoked.
    const patient = await signedInAs(PATIENT);
    await patient.goTo('Patients');
    await patient.registerAsPatient({ 'First name': 'Rosalind', 'Last name': 'Recordkeeper' });
    await patient.page.getByRole('heading', { name: 'Doctor access' }).waitFor({ timeout: UI_TIMEOUT });
    await patient.grantAccess(DOCTOR_NAME, 'Until revoked');

    // 1. The patient uploads the PDF: encrypted in the browser, pinned, anchored.
    await openMyRecords(patient);
    await waitUntilUploadPanelLists(patient, DOCTOR_NAME);
    const pdfName = `lab-${MARKERS.fileName}.pdf`;
    const uploaded = await uploadDocument(patient, { name: pdfName, mimeType: 'application/pdf', buffer: testPdf() });
    expect(uploaded.outcome).not.toMatch(/Not shared with/);
    await saveScreenshot(patient.page, 'documents-01-patient-uploaded');

    // 2. The doctor opens it: the opener checks the sha256 against the chain before it asks for a key.
    await openPatientRecord(doctor, appUrl, patientAddress);
    const pdfViewer = await openEntry(doctor, uploaded.entryId, pdfName);
    await saveScreenshot(doctor.page, 'documents-02-doctor-opened-pdf');
    await closeViewer(pdfViewer);
    const pdfOnChain = await anchoredAndStored(uploaded.entryId);
    expect(pdfOnChain.stored).toBe(pdfOnChain.anchored);

    // 3. The doctor writes a consultation note with a prescription: encrypted for the patient and the doctor.
    const note = {
      diagnosis: `Stage 2 hypertension (${MARKERS.note})`,
      notes: `Home readings 150/95 over two weeks. Review in 4 weeks. ${MARKERS.note}`,
      medications: [{ name: 'Amlodipine', dose: '5 mg once daily', duration: '28 days' }],
    };
    await writeConsultationNote(doctor, note);
    const noteId = await latestEntryId(patientAddress);
    await saveScreenshot(doctor.page, 'documents-03-doctor-wrote-note');
    const noteOnChain = await anchoredAndStored(noteId);
    expect(noteOnChain.stored).toBe(noteOnChain.anchored);

    // 4. The patient opens the note in their record.
    await openMyRecords(patient);
    const patientView = await openNote(patient, noteId);
    await patientView.getByText(note.diagnosis).waitFor({ timeout: UI_TIMEOUT });
    expect(await patientView.getByRole('cell', { name: 'Amlodipine' }).count()).toBe(1);
    await saveScreenshot(patient.page, 'documents-04-patient-opened-note');

    // 5. The doctor amends it: a new version linked to the old one, the old one marked amended.
    await openNote(doctor, noteId);
    const amendment = { ...note, diagnosis: `Stage 1 hypertension, corrected (${MARKERS.note})` };
    await amendNote(doctor, noteId, amendment);
    const amendedId = await latestEntryId(patientAddress);
    expect(Number(amendedId)).toBeGreaterThan(Number(noteId));
    const records = Records__factory.connect(addresses['Records'].address, provider);
    expect((await records.getRecord(BigInt(amendedId))).amends).toBe(BigInt(noteId));
    await openPatientRecord(doctor, appUrl, patientAddress);
    await waitForEntry(doctor, amendedId);
    await timelineEntry(doctor, noteId).getByText('amended', { exact: true }).waitFor({ timeout: UI_TIMEOUT });
    await saveScreenshot(doctor.page, 'documents-05-doctor-amended-note');

    // 6. The patient revokes; the doctor's next open (the page still lists the entry) is refused.
    await patient.goTo('Patients');
    await revokeAccess(patient, DOCTOR_NAME);
    const refusal = await openEntryRefused(doctor, uploaded.entryId);
    expect(refusal).toMatch(/no current access/);
    await saveScreenshot(doctor.page, 'documents-06-doctor-refused');

    // 7. The patient's access log on the Activity page, newest first: the refusal after the revoke on top, the
    // doctor's opens allowed on the consent grant below; then the same entries exactly, through the API.
    await patient.goToPage('Activity');
    const accessLog = patient.page.getByRole('region', { name: 'Who opened my data' });
    await accessLog
      .getByText(/^\s*Refused\s*$/)
      .first()
      .waitFor({ timeout: UI_TIMEOUT });
    await accessLog
      .getByText(/^\s*Opened\s*$/)
      .first()
      .waitFor({ timeout: UI_TIMEOUT });
    await saveScreenshot(patient.page, 'documents-07-patient-access-log');
    const log = (await patient.page.evaluate(async () => (await fetch('/api/audit/me')).json())) as {
      items: { actor: string; what: string; outcome: string; why: string }[];
    };
    const byDoctor = log.items.filter((item) => item.actor === devAccount(DOCTOR).address);
    expect(byDoctor[0]).toMatchObject({ what: 'document.key', outcome: 'denied' });
    const allowedOpens = byDoctor.filter((item) => item.what === 'document.key' && item.outcome === 'allowed');
    // At least the PDF and the note the doctor opened before amending it.
    expect(allowedOpens.length).toBeGreaterThanOrEqual(2);
    expect(allowedOpens.every((item) => item.why === 'consent grant')).toBe(true);
    console.log(
      `access log of the patient: ${JSON.stringify(log.items.map(({ what, outcome, why }) => [what, outcome, why]))}`,
    );
    journeyCompleted = true;
  });

  test('When the stack has stored and logged everything of the journey, then no marker appears anywhere, while a planted plaintext control is found in every place', async () => {
    expect(journeyCompleted).toBe(true);
    const sources = sourcesFromEnv();
    await plantControls(
      CONTROL,
      {
        appUrl: process.env.E2E_APP_URL!,
        ipfsApiUrl: process.env.E2E_IPFS_API_URL!,
        chainUrl: sources.chainUrl,
        mongoUri: sources.mongoUri,
      },
      devAccount(CONTROL_ACCOUNT),
    );

    const report = await scanForPlaintext([...Object.values(MARKERS), CONTROL], sources);

    expect(report.findings.filter((finding) => finding.needle !== CONTROL)).toEqual([]);
    const controlSources = new Set(report.findings.map((finding) => finding.source));
    expect([...controlSources].sort()).toEqual(['chain', 'ipfs', 'log', 'mongodb']);
    console.log(`no-plaintext scan read ${JSON.stringify(report.scanned)}`);
  });
});
