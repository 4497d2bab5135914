/**
 * Erasure (issue 12): a patient shares a document with a doctor, the doctor opens it; the patient erases their
 * data from My data (typed confirmation, their wallet signs Erasure.erase) and reads what was destroyed and what
 * remains; the doctor's next open of the same document (the page still lists it) fails with a clear message.
 * Real stack (`npm start`), Debian's Chromium, a really signing wallet per person. Screenshot: rights-erasure.
 */
import { JsonRpcProvider, Wallet, toBeHex } from 'ethers';
import { readFileSync } from 'node:fs';
import { Erasure__factory, Registry__factory } from '@contracts/types';
import { devAccount } from '@test-support/dev-chain';
import { saveScreenshot } from '../support/browser';
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

// Accounts of this file only: 190 the patient, 191 the doctor.
const PATIENT = 190;
const DOCTOR = 191;
const DOCTOR_NAME = 'Dr. Ezra Eraseby';
const GAS = { gasLimit: 1_000_000 };

describeInBrowser('Erasure by crypto-shredding (browser)', () => {
  jest.setTimeout(300_000);
  const { signedInAs } = useSignedInBrowser();
  const appUrl = process.env.E2E_APP_URL!;
  let provider: JsonRpcProvider;
  let addresses: Record<string, { address: string }>;

  beforeAll(async () => {
    provider = new JsonRpcProvider(process.env.E2E_RPC_URL, undefined, { cacheTimeout: -1, staticNetwork: true });
    addresses = JSON.parse(readFileSync(process.env.E2E_DEPLOYMENTS_FILE!, 'utf8'))[process.env.E2E_CHAIN_ID!];
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

  test('When a patient who shared a document with a doctor erases their data from My data, then the page says what remains and the doctor can no longer open the document', async () => {
    const patientAddress = devAccount(PATIENT).address;
    const doctor = await signedInAs(DOCTOR);
    await doctor.registerAsDoctor({
      licence: 'GMC-1910191',
      speciality: 'Cardiology',
      firstName: 'Ezra',
      lastName: 'Eraseby',
      dateOfJoining: '2014-02-11',
      email: 'ezra.eraseby@example.org',
      mobile: '+447700900191',
      city: 'Durham',
      state: 'County Durham',
    });
    const admin = new Wallet(devAccount(0).privateKey, provider);
    await (
      await Registry__factory.connect(addresses['Registry'].address, admin).verifyDoctor(
        devAccount(DOCTOR).address,
        GAS,
      )
    ).wait();
    await doctor.page.reload();
    await doctor.setUpDocumentEncryption();

    const patient = await signedInAs(PATIENT);
    await patient.goTo('Patients');
    await patient.registerAsPatient({ 'First name': 'Imogen', 'Last name': 'Forgetmenot' });
    await patient.page.getByRole('heading', { name: 'Doctor access' }).waitFor({ timeout: UI_TIMEOUT });
    await patient.grantAccess(DOCTOR_NAME, 'Until revoked');
    await openMyRecords(patient);
    await waitUntilUploadPanelLists(patient, DOCTOR_NAME);
    const file = { name: 'discharge-letter.txt', mimeType: 'text/plain', buffer: Buffer.from('Discharged, well.\n') };
    const uploaded = await uploadDocument(patient, file);

    // Before: the doctor opens it.
    await openPatientRecord(doctor, appUrl, patientAddress);
    await closeViewer(await openEntry(doctor, uploaded.entryId, file.name));

    // The patient erases from My data: reads what goes and what stays, types ERASE, signs.
    await patient.page.getByRole('navigation').getByRole('link', { name: 'My data', exact: true }).click();
    const panel = patient.page.getByRole('region', { name: 'Erase my data' });
    await panel.getByText('What remains, and why').waitFor({ timeout: UI_TIMEOUT });
    await panel.getByText(/1 pointer to an encrypted document nobody can open/).waitFor({ timeout: UI_TIMEOUT });
    const erase = panel.getByRole('button', { name: 'Erase my data' });
    expect(await erase.isDisabled()).toBe(true);
    await panel.getByLabel('Type ERASE to confirm').fill('ERASE');
    await erase.click();
    await patient.waitForTransaction();
    await panel.getByText('Your data was erased').waitFor({ timeout: UI_TIMEOUT });
    await panel.getByText(/Destroyed: every document key/).waitFor({ timeout: UI_TIMEOUT });
    await saveScreenshot(patient.page, 'rights-erasure');
    const erasure = Erasure__factory.connect(addresses['Erasure'].address, provider);
    expect(await erasure.erasedAtBlock(patientAddress)).toBeGreaterThan(0n);

    // The doctor's next open of the same entry (the page still lists it) fails, saying why.
    const refusal = await openEntryRefused(doctor, uploaded.entryId);
    expect(refusal).toMatch(/the patient erased their data/);
    expect(refusal).toMatch(/nobody can open it any more/);
  });
});
