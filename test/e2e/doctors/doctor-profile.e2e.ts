/**
 * Journey: a doctor registers with every field of the paper's form → the admin finds them in View
 * Doctors, edits a field and verifies them; the admin adds a doctor directly (registerDoctorFor) and
 * verifies them; a patient finds that doctor by speciality and city, with contact details.
 * Screenshots of each screen at desktop (1280×800) and phone (390×844) width.
 */
import { describeInBrowser, screenshotsAtBothWidths, useSignedInBrowser } from '../support/journey';
import { devAccount } from '@test-support/dev-chain';

// Dev accounts used only by this journey: 2 the doctor who registers, 3 the doctor the admin adds, 5 the patient.
describeInBrowser('Doctor profile journey (browser)', () => {
  jest.setTimeout(240_000);
  const { signedInAs } = useSignedInBrowser();

  test("When a doctor registers with the full profile and an admin edits and verifies them, then the doctor's Activity shows both; the admin adds a doctor and a patient finds them by speciality and city", async () => {
    // 1. The doctor registers with every field of the paper's form.
    const doctor = await signedInAs(2);
    await doctor.waitForText(doctor.page, 'not registered');
    await doctor.page.getByText(devAccount(2).address).first().waitFor(); // the account id: shown, not typed
    await screenshotsAtBothWidths(doctor.page, 'doctors-01-registration-form');
    await doctor.registerAsDoctor({
      licence: 'GMC-2020202',
      speciality: 'Neurology',
      firstName: 'Nadia',
      lastName: 'Quarry',
      dateOfJoining: '2016-03-14',
      email: 'nadia.quarry@example.org',
      mobile: '+447700900222',
      city: 'Brightwater',
      state: 'Eastshire',
      bio: 'Headache and epilepsy clinics.',
    });
    await doctor.waitForText(doctor.page, 'pending verification');

    // 2. The admin finds them in View Doctors by city, edits the mobile number and verifies them.
    const admin = await signedInAs(0);
    await admin.goTo('Doctors');
    const city = admin.page.getByLabel('City', { exact: true });
    await city.fill('brightwater');
    await city.blur();
    await admin.doctorRow('Dr. Nadia Quarry').filter({ hasText: 'pending verification' }).waitFor({ timeout: 30_000 });
    await screenshotsAtBothWidths(admin.page, 'doctors-02-view-doctors');
    await admin.page.getByRole('link', { name: 'Edit Dr. Nadia Quarry' }).click();
    await admin.page.getByRole('heading', { name: 'Edit doctor' }).waitFor();
    const mobile = admin.page.getByLabel('Mobile', { exact: true });
    // The form fills in once the doctor is loaded.
    for (let tries = 0; tries < 100 && !(await mobile.inputValue()); tries++) await admin.page.waitForTimeout(100);
    expect(await mobile.inputValue()).toBe('+447700900222');
    await mobile.fill('+447700900333');
    await admin.button('Save changes').click();
    await admin.waitForText(admin.page, 'Saved. Changed: mobile.');
    await screenshotsAtBothWidths(admin.page, 'doctors-03-edit-doctor');
    await admin.page.getByRole('link', { name: 'Back to doctors' }).click();
    await admin.verifyDoctor('Dr. Nadia Quarry');
    await admin
      .doctorRow('Dr. Nadia Quarry')
      .filter({ hasText: /verified/i })
      .waitFor({ timeout: 30_000 });

    // The doctor's Activity shows both: the admin's edit (off chain) and the verification (from the chain).
    await doctor.page.getByRole('navigation').getByRole('link', { name: 'Activity', exact: true }).click();
    const kind = doctor.page.getByLabel('Kind');
    const shown = async (words: RegExp) => (await doctor.page.getByText(words).count()) > 0;
    for (const words of [/edited your doctor profile: mobile\./, /verified you as a doctor\./]) {
      // The indexer polls the chain about every second: choosing a filter asks the API again.
      for (let attempt = 0; attempt < 20 && !(await shown(words)); attempt++) {
        await doctor.page.waitForTimeout(500);
        await kind.selectOption({ label: attempt % 2 ? 'Everything' : 'Doctor registration and verification' });
        await kind.selectOption({ label: 'Everything' });
      }
      await doctor.page.getByText(words).first().waitFor({ timeout: 10_000 });
    }
    await screenshotsAtBothWidths(doctor.page, 'doctors-03b-doctor-activity');

    // 3. The admin adds a doctor directly: profile and licence stored, then registerDoctorFor from the admin's wallet.
    await admin.page.getByRole('link', { name: 'Add doctor' }).click();
    await admin.page.getByRole('heading', { name: 'Add doctor' }).waitFor();
    await admin.page.getByLabel('Doctor account id', { exact: true }).fill(devAccount(3).address);
    await admin.page.getByLabel('Licence number', { exact: true }).fill('GMC-3030303');
    await admin.page.getByLabel('Speciality', { exact: true }).selectOption({ label: 'Dermatology' });
    await admin.fillDoctorProfile({
      firstName: 'Omar',
      lastName: 'Vale',
      dateOfJoining: '2019-11-04',
      email: 'omar.vale@example.org',
      mobile: '+14155550199',
      city: 'Brightwater',
      state: 'Eastshire',
    });
    await screenshotsAtBothWidths(admin.page, 'doctors-04-add-doctor');
    await admin.button('Add doctor').click();
    await admin.waitForTransaction();
    await admin.doctorRow('Dr. Omar Vale').filter({ hasText: 'pending verification' }).waitFor({ timeout: 30_000 });
    await admin.verifyDoctor('Dr. Omar Vale');
    await admin
      .doctorRow('Dr. Omar Vale')
      .filter({ hasText: /verified/i })
      .waitFor({ timeout: 30_000 });

    // 4. A patient finds the added doctor by speciality and city, with the contact details.
    const patient = await signedInAs(5);
    await patient.goTo('Patients');
    await patient.registerAsPatient();
    await patient.page.reload(); // the navigation follows the roles the API reports
    await patient.goTo('Find a doctor');
    await patient.page.getByRole('heading', { name: 'Find a doctor' }).waitFor();
    await patient.page.getByLabel('Speciality', { exact: true }).selectOption({ label: 'Dermatology' });
    await patient.page.getByLabel('City', { exact: true }).fill('BRIGHTWATER');
    await patient.button('Search').click();
    const card = patient.page.getByRole('listitem').filter({ hasText: 'Dr. Omar Vale' });
    await card.waitFor({ timeout: 30_000 });
    await card.getByRole('link', { name: 'omar.vale@example.org' }).waitFor();
    await patient.waitForText(patient.page, '1 doctor found');
    expect(await patient.page.getByText('Dr. Nadia Quarry').count()).toBe(0);
    await screenshotsAtBothWidths(patient.page, 'doctors-05-find-a-doctor');
  });
});
