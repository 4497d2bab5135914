/**
 * Emergency access (issue 12, part 4): a verified doctor with no consent breaks the glass with a justification
 * and sees the patient's emergency profile and records list; the patient sees the access at the top of their
 * Activity with the justification; an admin finds it in the review queue with the doctor's use count.
 * Real stack (`npm start`), Debian's Chromium, a really signing wallet per person; screenshots of each side.
 */
import { readFileSync } from 'node:fs';
import { JsonRpcProvider, Wallet, toBeHex } from 'ethers';
import { Registry__factory } from '@contracts/types';
import { devAccount } from '@test-support/dev-chain';
import { saveScreenshot } from '../support/browser';
import { describeInBrowser, useSignedInBrowser } from '../support/journey';

// Accounts of this file only: 240 the patient, 241 the doctor (dev 0 is the admin).
const PATIENT = 240;
const DOCTOR = 241;
const GAS = { gasLimit: 1_000_000 };
const UI_TIMEOUT = 30_000;
const JUSTIFICATION = 'Brought in unconscious after a road accident; need allergies and medications before surgery.';

/**
 * Saved under test-results/e2e/ like every journey's; the guides' copies in docs/screenshots/ are taken from
 * there by hand, so a test run never changes tracked files.
 */
const screenshotForGuide = saveScreenshot;

describeInBrowser('Emergency access (browser)', () => {
  jest.setTimeout(300_000);
  const { signedInAs } = useSignedInBrowser();

  beforeAll(async () => {
    // Funds straight on Ganache (the app's /rpc refuses node methods).
    const node = new JsonRpcProvider(process.env.E2E_CHAIN_URL, undefined, { staticNetwork: true });
    try {
      for (const index of [PATIENT, DOCTOR]) {
        await node.send('evm_setAccountBalance', [devAccount(index).address, toBeHex(10n ** 19n)]);
      }
    } finally {
      node.destroy();
    }
  });

  test('When a verified doctor without consent breaks the glass with a justification, then they see the emergency profile, the patient sees the access first in Activity with the justification, and the admin finds it in the review queue', async () => {
    const patientAddress = devAccount(PATIENT).address;
    const patient = await signedInAs(PATIENT);
    await patient.goTo('Patients');
    await patient.registerAsPatient({
      'First name': 'Elena',
      'Last name': 'Emergent',
      Allergies: 'Penicillin',
      'Chronic conditions': 'Type 1 diabetes',
      'Current medications': 'Insulin glargine 20 units nightly',
    });

    const doctor = await signedInAs(DOCTOR);
    await doctor.registerAsDoctor({
      licence: 'GMC-2410241',
      speciality: 'Cardiology',
      firstName: 'Gareth',
      lastName: 'Glassbreaker',
      dateOfJoining: '2011-04-01',
      email: 'gareth.glassbreaker@example.org',
      mobile: '+447700900241',
      city: 'Leeds',
      state: 'West Yorkshire',
    });
    const provider = new JsonRpcProvider(process.env.E2E_RPC_URL, undefined, { cacheTimeout: -1, staticNetwork: true });
    try {
      const chainId = String(process.env.E2E_CHAIN_ID);
      const addresses = JSON.parse(readFileSync(process.env.E2E_DEPLOYMENTS_FILE!, 'utf8'))[chainId];
      const admin = new Wallet(devAccount(0).privateKey, provider);
      const registry = Registry__factory.connect(addresses['Registry'].address, admin);
      await (await registry.verifyDoctor(devAccount(DOCTOR).address, GAS)).wait();
    } finally {
      provider.destroy();
    }
    await doctor.page.reload();

    // The doctor: Emergency access → patient, justification → confirm → the wallet sends breakGlass.
    await doctor.page.getByRole('navigation').getByRole('link', { name: 'Emergency access', exact: true }).click();
    await doctor.page.getByRole('heading', { level: 1, name: 'Emergency access' }).waitFor({ timeout: UI_TIMEOUT });
    await doctor.page.getByLabel("Patient's account address", { exact: true }).fill(patientAddress);
    await doctor.page.getByLabel('Justification', { exact: true }).fill(JUSTIFICATION);
    await doctor.button('Continue').click();
    await doctor.button('Confirm and open the record').click();
    await doctor.waitForTransaction();
    const profile = doctor.page.getByRole('region', { name: 'Emergency profile' });
    await profile.getByText('Insulin glargine 20 units nightly').waitFor({ timeout: UI_TIMEOUT });
    for (const shown of ['Penicillin', 'Type 1 diabetes', 'Mary Somerville, +447700900456']) {
      await profile.getByText(shown).waitFor({ timeout: UI_TIMEOUT });
    }
    await doctor.page
      .getByText('The patient did not opt in to emergency sharing', { exact: false })
      .waitFor({ timeout: UI_TIMEOUT });
    await screenshotForGuide(doctor.page, 'rights-emergency-doctor');

    // The patient: the access is the first thing on Activity, with the doctor's own words.
    await patient.goToPage('Activity');
    const accesses = patient.page.getByRole('region', { name: 'Emergency accesses to your record' });
    await accesses.getByText(JUSTIFICATION).waitFor({ timeout: UI_TIMEOUT });
    await accesses.getByText('Gareth Glassbreaker', { exact: false }).waitFor({ timeout: UI_TIMEOUT });
    await accesses.getByRole('button', { name: /^End access now for / }).waitFor({ timeout: UI_TIMEOUT });
    const firstRegion = await patient.page.locator('main section, main [role="region"]').first().textContent();
    expect(firstRegion).toContain('Emergency accesses to your record');
    await screenshotForGuide(patient.page, 'rights-emergency-patient');

    // The admin: the review queue lists it with the justification and the doctor's use count.
    const admin = await signedInAs(0);
    await admin.page.getByRole('navigation').getByRole('link', { name: 'Emergency review', exact: true }).click();
    const queue = admin.page.getByRole('region', { name: 'Review queue' });
    const item = queue.getByRole('listitem').filter({ hasText: JUSTIFICATION });
    await item.waitFor({ timeout: UI_TIMEOUT });
    expect(await item.textContent()).toContain(patientAddress);
    expect(await item.textContent()).toMatch(/used emergency access 1\s+time in all/);
    await saveScreenshot(admin.page, 'rights-emergency-admin');
  });
});
