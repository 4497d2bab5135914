/**
 * Journey: a patient registers with a profile; the admin finds them in Patients and opens their
 * profile (a logged read); the admin adds a second admin and removes them again, never the last.
 * Screenshots at desktop (1280×800) and phone (390×844) width.
 */
import { JsonRpcProvider, Wallet, parseEther } from 'ethers';
import { devAccount } from '@test-support/dev-chain';
import { describeInBrowser, screenshotsAtBothWidths, useSignedInBrowser } from '../support/journey';

// Accounts used only by this journey: 12 the patient (beyond Ganache's ten funded accounts, funded here, so no
// other journey has touched it), 9 the second admin (never signs); 0 is the admin.
const PATIENT = 12;
const SECOND_ADMIN = 9;

describeInBrowser('Patient profile and admin console journey (browser)', () => {
  jest.setTimeout(180_000);
  const { signedInAs } = useSignedInBrowser();

  beforeAll(async () => {
    const provider = new JsonRpcProvider(process.env.E2E_RPC_URL, undefined, {
      cacheTimeout: -1,
      staticNetwork: true,
    });
    try {
      const admin = new Wallet(devAccount(0).privateKey, provider);
      await (
        await admin.sendTransaction({ to: devAccount(PATIENT).address, value: parseEther('5'), gasLimit: 21_000 })
      ).wait();
    } finally {
      provider.destroy();
    }
  });

  test('When a patient registers with a profile, then the admin finds them in Patients and can open their profile with health data', async () => {
    const patient = await signedInAs(PATIENT);
    await patient.goTo('Patients');
    await patient.page.getByRole('heading', { level: 1, name: 'Patients' }).waitFor();
    await patient.page
      .getByRole('region', { name: 'Patient registration' })
      .getByLabel('First name', { exact: true })
      .waitFor();
    await screenshotsAtBothWidths(patient.page, 'patients-01-registration-form');
    await patient.registerAsPatient({ 'First name': 'Grace', 'Last name': 'Hopper', Allergies: 'Latex' });
    await patient.waitForText(patient.page, 'Grace Hopper · London, Greater London');
    await screenshotsAtBothWidths(patient.page, 'patients-02-patient-registered');

    await patient.page.getByRole('link', { name: 'Edit my profile' }).click();
    await patient.page.getByLabel('City', { exact: true }).fill('Arlington');
    await patient.button('Save profile').click();
    await patient.waitForText(patient.page, 'Profile saved.');
    await screenshotsAtBothWidths(patient.page, 'patients-03-my-profile');

    const admin = await signedInAs(0);
    await admin.goTo('Patients');
    const row = admin.page.getByRole('row').filter({ hasText: 'Grace Hopper' });
    await row.waitFor({ timeout: 30_000 }); // the indexer picks the registration up within a poll or two
    await screenshotsAtBothWidths(admin.page, 'patients-04-admin-patient-list');
    await row.getByRole('link', { name: 'View profile of Grace Hopper' }).click();
    await admin.page.getByRole('heading', { name: 'Grace Hopper' }).waitFor();
    await admin.waitForText(admin.page, 'Latex');
    await admin.waitForText(admin.page, 'Arlington');
    await admin.waitForText(admin.page, "recorded in the patient's access log");
    await screenshotsAtBothWidths(admin.page, 'patients-05-admin-patient-profile');
  });

  test('When the admin adds a second admin and removes them, then the list follows and the last admin can never be removed', async () => {
    const admin = await signedInAs(0);
    await admin.goTo('Admins');
    const removeButtons = admin.page.getByRole('button', { name: /^Remove admin / });
    await removeButtons.first().waitFor();
    expect(await removeButtons.count()).toBe(1);
    expect(await removeButtons.first().isDisabled()).toBe(true);
    await admin.waitForText(admin.page, 'The last admin cannot be removed');
    await screenshotsAtBothWidths(admin.page, 'patients-06-admins-only-one');

    const second = devAccount(SECOND_ADMIN).address;
    await admin.page.getByLabel('Account address').fill(second);
    await admin.button('Add admin').click();
    await admin.waitForTransaction();
    const removeSecond = admin.page.getByRole('button', { name: `Remove admin ${second}` });
    await removeSecond.waitFor();
    expect(await removeSecond.isDisabled()).toBe(false);
    await screenshotsAtBothWidths(admin.page, 'patients-07-admins-two');

    await removeSecond.click();
    await admin.waitForTransaction();
    await removeSecond.waitFor({ state: 'detached' });
    expect(await removeButtons.count()).toBe(1);
    expect(await removeButtons.first().isDisabled()).toBe(true);
  });
});
