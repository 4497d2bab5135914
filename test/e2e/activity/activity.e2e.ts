/**
 * Journey: a doctor registers, an admin verifies them, and the doctor's Activity shows both, newest
 * first, with the admin named; the admin looks the doctor up on their own Activity screen.
 * Real stack (npm start), Debian's Chromium, a real signing wallet per person. Account 6 is this file's doctor.
 */
import { type EhrApp } from '../support/ehr-app';
import { describeInBrowser, screenshotsAtBothWidths, useSignedInBrowser } from '../support/journey';
import { devAccount } from '@test-support/dev-chain';

const UI_TIMEOUT = 30_000;

describeInBrowser('Activity journey (browser)', () => {
  jest.setTimeout(180_000);
  const { signedInAs } = useSignedInBrowser();

  const openActivity = (app: EhrApp) =>
    app.page.getByRole('navigation').getByRole('link', { name: 'Activity', exact: true }).click();
  const timelineEntries = (app: EhrApp) => app.page.getByRole('listitem').filter({ has: app.page.locator('time') });

  test('When a doctor registers and the admin verifies them, then the doctor’s Activity shows both with the admin named', async () => {
    const doctorName = 'Dr. Tracy Timeline';
    const doctor = await signedInAs(6);
    await doctor.waitForText(doctor.page, 'not registered');
    await doctor.registerAsDoctor({
      licence: 'GMC-6060606',
      speciality: 'Neurology',
      firstName: 'Tracy',
      lastName: 'Timeline',
      dateOfJoining: '2020-03-01',
      email: 'tracy.timeline@clinic.example',
      mobile: '+447700900606',
      city: 'Leeds',
      state: 'West Yorkshire',
    });
    await doctor.waitForText(doctor.page, 'pending verification');

    const admin = await signedInAs(0);
    await admin.goTo('Doctors');
    await admin.doctorRow(doctorName).waitFor({ timeout: UI_TIMEOUT });
    await admin.verifyDoctor(doctorName);
    await admin.doctorRow(doctorName).getByText('verified', { exact: true }).waitFor({ timeout: UI_TIMEOUT });

    await openActivity(doctor);
    const adminAddress = devAccount(0).address;
    const adminNamed = `admin ${adminAddress.slice(0, 6)}…${adminAddress.slice(-4)} verified you as a doctor.`;
    // The indexer polls the chain about every second: choosing a filter asks the API again.
    const kind = doctor.page.getByLabel('Kind');
    for (let attempt = 0; attempt < 20 && (await doctor.page.getByText(adminNamed).count()) === 0; attempt++) {
      await doctor.page.waitForTimeout(500);
      await kind.selectOption({ label: attempt % 2 ? 'Everything' : 'Doctor registration and verification' });
    }
    await kind.selectOption({ label: 'Everything' });
    await doctor.waitForText(doctor.page, adminNamed);
    const words = await timelineEntries(doctor).locator('.words').allTextContents();
    expect(words.map((text) => text.trim())).toEqual([
      adminNamed,
      'You registered as a doctor; an admin will check your licence and verify you.',
    ]);
    await screenshotsAtBothWidths(doctor.page, 'activity-01-doctor-timeline');

    await openActivity(admin);
    await admin.page.getByLabel('Account address').fill(devAccount(6).address);
    await admin.button('Show activity').click();
    await admin.waitForText(admin.page, adminNamed);
    await admin.page.getByLabel('Kind').selectOption({ label: 'Doctor registration and verification' });
    await admin.waitForText(admin.page, 'You registered as a doctor');
    await screenshotsAtBothWidths(admin.page, 'activity-02-admin-lookup');
  });
});
