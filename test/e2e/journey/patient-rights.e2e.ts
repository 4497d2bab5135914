/**
 * Journey (issue 12, patient rights): a patient with a document their doctor can open exports their FHIR record,
 * opts in to research, an on-call doctor breaks the glass and the patient sees it at the top of their Activity,
 * then the patient erases their data and their doctor's next open of the document fails.
 * Real stack (`npm start`), Debian's Chromium, a really signing wallet per person; a screenshot of each step
 * (test-results/e2e/rights-journey-*.png, copied to docs/screenshots for the guides).
 */
import { JsonRpcProvider, Wallet, toBeHex } from 'ethers';
import { readFileSync } from 'node:fs';
import { Erasure__factory, Registry__factory, ResearchSharing__factory } from '@contracts/types';
import { devAccount } from '@test-support/dev-chain';
import { SPECIALITY } from '@test-support/codes';
import { licenceHash } from '@test-support/licences';
import { saveScreenshot } from '../support/browser';
import type { EhrApp } from '../support/ehr-app';
import { describeInBrowser, useSignedInBrowser } from '../support/journey';
import {
  UI_TIMEOUT,
  closeViewer,
  openEntry,
  openEntryRefused,
  openMyRecords,
  openPatientRecord,
  uploadDocument,
  waitUntilUploadPanelLists,
} from '../documents/support/records-app';
import {
  breakGlass,
  downloadFhirExport,
  emergencyBanner,
  eraseMyData,
  openMyData,
  optInToResearch,
} from './support/rights-app';

// Accounts of this file only: 1250 the patient, 1251 their doctor, 1252 the on-call doctor.
const PATIENT = 1250;
const DOCTOR = 1251;
const ON_CALL_DOCTOR = 1252;
const DOCTOR_NAME = 'Dr. Imogen Interop';
const GAS = { gasLimit: 1_000_000 };
const ALLERGY = 'Latex';
const JUSTIFICATION = 'Found unconscious in A&E at 03:10, no relative reachable; need allergies before anaesthesia.';

/** A one-page PDF, enough for the upload, the doctor's open and the export's DocumentReference. */
function labReport(): Buffer {
  return Buffer.from(
    [
      '%PDF-1.4',
      '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
      '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
      '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 300 100] >> endobj',
      'trailer << /Root 1 0 R >>',
      '%%EOF',
    ].join('\n'),
  );
}

describeInBrowser('Patient rights journey: FHIR export, research opt-in, break-glass, erasure (browser)', () => {
  jest.setTimeout(240_000);
  const { signedInAs } = useSignedInBrowser();
  const appUrl = process.env.E2E_APP_URL!;
  const chainId = Number(process.env.E2E_CHAIN_ID);
  let provider: JsonRpcProvider;
  let addresses: Record<string, { address: string }>;

  beforeAll(async () => {
    provider = new JsonRpcProvider(process.env.E2E_RPC_URL, undefined, { cacheTimeout: -1, staticNetwork: true });
    addresses = JSON.parse(readFileSync(process.env.E2E_DEPLOYMENTS_FILE!, 'utf8'))[String(chainId)];
    // Funds straight on Ganache (the app's /rpc refuses node methods): no race for the admin's nonce.
    const node = new JsonRpcProvider(process.env.E2E_CHAIN_URL, undefined, { staticNetwork: true });
    try {
      for (const index of [PATIENT, DOCTOR, ON_CALL_DOCTOR]) {
        await node.send('evm_setAccountBalance', [devAccount(index).address, toBeHex(10n ** 19n)]);
      }
    } finally {
      node.destroy();
    }
  });
  afterAll(() => provider?.destroy());

  const patientAddress = devAccount(PATIENT).address;
  const reportName = 'full-blood-count.pdf';
  /** Set by each step for the next: who is signed in where, and the document the doctor could open. */
  const journey = {} as { doctor: EhrApp; patient: EhrApp; entryId: string };

  test('Given a patient whose doctor can open their lab report', async () => {
    const admin = new Wallet(devAccount(0).privateKey, provider);
    const registry = Registry__factory.connect(addresses['Registry'].address, admin);

    // Their doctor registers (UI), an admin verifies them (on chain), they set up document encryption.
    const doctor = await signedInAs(DOCTOR);
    await doctor.registerAsDoctor({
      licence: 'GMC-2410241',
      speciality: 'General practice',
      firstName: 'Imogen',
      lastName: 'Interop',
      dateOfJoining: '2015-04-01',
      email: 'imogen.interop@example.org',
      mobile: '+447700900241',
      city: 'York',
      state: 'North Yorkshire',
    });
    await (await registry.verifyDoctor(devAccount(DOCTOR).address, GAS)).wait();
    await doctor.page.reload();
    await doctor.setUpDocumentEncryption();

    // The on-call doctor exists on chain only (registered by an admin and verified): the journey is not about them.
    const onCallAddress = devAccount(ON_CALL_DOCTOR).address;
    await (
      await registry.registerDoctorFor(onCallAddress, licenceHash('on-call'), SPECIALITY.generalPractice, GAS)
    ).wait();
    await (await registry.verifyDoctor(onCallAddress, GAS)).wait();

    // The patient registers (an allergy in the profile), gives their doctor access and uploads a lab report.
    const patient = await signedInAs(PATIENT);
    await patient.goTo('Patients');
    await patient.registerAsPatient({ 'First name': 'Frida', 'Last name': 'Fhirhold', Allergies: ALLERGY });
    await patient.page.getByRole('heading', { name: 'Doctor access' }).waitFor({ timeout: UI_TIMEOUT });
    await patient.grantAccess(DOCTOR_NAME, 'Until revoked');
    await openMyRecords(patient);
    await waitUntilUploadPanelLists(patient, DOCTOR_NAME);
    const uploaded = await uploadDocument(patient, {
      name: reportName,
      mimeType: 'application/pdf',
      buffer: labReport(),
    });

    // Their doctor opens it: the open that erasure must make fail.
    await openPatientRecord(doctor, appUrl, patientAddress);
    await closeViewer(await openEntry(doctor, uploaded.entryId, reportName));
    Object.assign(journey, { doctor, patient, entryId: uploaded.entryId });
  });

  test('When the patient exports their record with documents, then it is a FHIR R4 Bundle whose document is decrypted in their browser beside the pointer to its ciphertext on IPFS', async () => {
    const { patient } = journey;
    await openMyData(patient);
    const { bundle, message } = await downloadFhirExport(patient, 'Export with documents');
    expect(message).toBe('Your FHIR record was saved with 1 document decrypted.');
    await saveScreenshot(patient.page, 'rights-journey-01-fhir-export');
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
    const resources = bundle.entry.map((entry) => entry.resource);
    expect(resources.filter((resource) => resource.resourceType === 'Patient')).toHaveLength(1);
    const [inlined, pointer] = resources.find((resource) => resource.resourceType === 'DocumentReference')!.content!;
    expect(inlined.attachment).toMatchObject({ title: reportName, contentType: 'application/pdf' });
    expect(Buffer.from(inlined.attachment.data!, 'base64').equals(labReport())).toBe(true);
    expect(pointer.attachment.url).toMatch(/^ipfs:\/\/\w+$/);
  });

  test('When the patient opts in to research, then the chain says what they share', async () => {
    const { patient } = journey;
    const sharing = await optInToResearch(patient);
    expect(sharing).toMatch(
      /^You share demographics, appointment history, record kinds for research until \d{4}-\d\d-\d\d\.$/,
    );
    await saveScreenshot(patient.page, 'rights-journey-02-research-opt-in');
    const research = ResearchSharing__factory.connect(addresses['ResearchSharing'].address, provider);
    // Every scope, the panel's default: demographics 1 | appointments 2 | record kinds 4.
    expect(await research.liveScope(patientAddress)).toBe(7n);
  });

  test('When an on-call doctor breaks the glass with a justification, then they see the emergency profile and the patient sees it first on their Activity', async () => {
    const { patient } = journey;
    const onCall = await signedInAs(ON_CALL_DOCTOR);
    const emergencyView = await breakGlass(onCall, patientAddress, JUSTIFICATION);
    await emergencyView.getByText(ALLERGY).first().waitFor({ timeout: UI_TIMEOUT });
    await saveScreenshot(onCall.page, 'rights-journey-03-doctor-break-glass');

    const banner = await emergencyBanner(patient);
    await banner.getByText(JUSTIFICATION).waitFor({ timeout: UI_TIMEOUT });
    await saveScreenshot(patient.page, 'rights-journey-04-patient-sees-emergency');
  });

  test("When the patient erases their data, then the chain holds the tombstone, the page says what remains, and their doctor's next open of the document fails", async () => {
    const { patient, doctor, entryId } = journey;
    await openMyData(patient);
    const status = await eraseMyData(patient);
    await status.getByText(/1 encrypted document removed from IPFS/).waitFor({ timeout: UI_TIMEOUT });
    await status.getByRole('heading', { name: 'What remains, and why' }).waitFor({ timeout: UI_TIMEOUT });
    // The other panels are reopened: research sharing no longer claims the account is shared.
    await patient.page
      .getByTestId('research-state')
      .getByText(/Your data was erased: no research export includes this account/)
      .waitFor({ timeout: UI_TIMEOUT });
    await saveScreenshot(patient.page, 'rights-journey-05-patient-erased');
    const erasure = Erasure__factory.connect(addresses['Erasure'].address, provider);
    expect(await erasure.erasedAtBlock(patientAddress)).toBeGreaterThan(0n);

    // The doctor's page still lists the document from before (consent is still on chain); the next open fails.
    const refusal = await openEntryRefused(doctor, entryId);
    expect(refusal).toMatch(/erased/i);
    await saveScreenshot(doctor.page, 'rights-journey-06-doctor-open-fails');
  });
});
