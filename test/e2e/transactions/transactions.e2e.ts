/**
 * Journey: a doctor, a patient and an admin each find their transactions in Transaction Records, with
 * gas and fee, and the admin's dashboard charts them. Real stack (`npm start`), Debian's Chromium and a
 * real signing wallet per person; screenshots at desktop (1280×800) and phone (390×844) width.
 */
import type { Locator, Page } from 'playwright-core';
import { describeInBrowser, screenshotsAtBothWidths, useSignedInBrowser } from '../support/journey';

const UI_TIMEOUT = 30_000;

// Dev accounts only this journey uses: 7 doctor, 8 patient; 0 is the admin.
describeInBrowser('Transaction Records journey (browser)', () => {
  jest.setTimeout(240_000);
  const { signedInAs } = useSignedInBrowser();

  async function openTransactions(page: Page): Promise<void> {
    await page.getByRole('navigation').getByRole('link', { name: 'Transactions', exact: true }).click();
    await page.getByRole('heading', { name: 'Transactions', level: 1 }).waitFor({ timeout: UI_TIMEOUT });
  }

  /** The row of a transaction once it is mined; the page is reloaded while the indexer catches up. */
  async function minedRow(page: Page, action: string | RegExp): Promise<Locator> {
    const row = page.getByRole('row').filter({ hasText: action }).filter({ hasText: 'mined' }).first();
    const deadline = Date.now() + UI_TIMEOUT;
    while (!(await row.isVisible())) {
      if (Date.now() > deadline) throw new Error(`No mined row "${String(action)}" within ${UI_TIMEOUT} ms`);
      await page.waitForTimeout(500);
      await page.reload();
      await page.getByRole('heading', { name: 'Transactions', level: 1 }).waitFor({ timeout: UI_TIMEOUT });
    }
    return row;
  }

  /** Gas used and the fee in ETH are filled in: the receipt reached the records. */
  async function expectGasAndFee(row: Locator): Promise<void> {
    const cells = await row.getByRole('cell').allTextContents();
    expect(cells.some((cell) => /^\d{4,}$/.test(cell.trim()))).toBe(true); // gas used
    expect(cells.some((cell) => /^0\.0\d*[1-9]\d*$/.test(cell.trim()))).toBe(true); // fee in ETH
  }

  test('When a doctor, a patient and an admin act, then each sees their Transaction Records with gas and fee, and the admin the charts', async () => {
    const doctorName = 'Dr. Grace Ledger';
    const doctor = await signedInAs(7);
    await doctor.registerAsDoctor({
      licence: 'GMC-7000007',
      speciality: 'Cardiology',
      firstName: 'Grace',
      lastName: 'Ledger',
      dateOfJoining: '2019-06-01',
      email: 'grace.ledger@clinic.example',
      mobile: '+447700900707',
      city: 'York',
      state: 'North Yorkshire',
    });
    await openTransactions(doctor.page);
    await expectGasAndFee(await minedRow(doctor.page, 'Registered as a doctor'));
    await screenshotsAtBothWidths(doctor.page, 'tx-01-doctor-transactions');

    const patient = await signedInAs(8);
    await patient.registerAsPatient();
    await openTransactions(patient.page);
    await expectGasAndFee(await minedRow(patient.page, 'Registered as a patient'));
    // A patient's records are their own: the doctor's registration is not among them.
    expect(await patient.page.getByRole('row').filter({ hasText: 'Registered as a doctor' }).count()).toBe(0);
    await screenshotsAtBothWidths(patient.page, 'tx-02-patient-transactions');

    const admin = await signedInAs(0);
    await admin.goTo('Doctors');
    await admin.doctorRow(doctorName).waitFor({ timeout: UI_TIMEOUT });
    await admin.verifyDoctor(doctorName);
    await openTransactions(admin.page);
    await expectGasAndFee(await minedRow(admin.page, `Verified ${doctorName}`));
    // Admins see everyone's transactions and can narrow them down.
    await minedRow(admin.page, 'Registered as a patient');
    await admin.page.getByRole('textbox', { name: 'Action', exact: true }).fill('registered as a patient');
    await admin.page.getByRole('button', { name: 'Apply filters' }).click();
    await admin.page.getByRole('row').filter({ hasText: 'Verified Dr' }).first().waitFor({ state: 'detached' });
    expect(await admin.page.getByRole('link', { name: 'Download CSV' }).getAttribute('href')).toBe(
      '/api/transactions.csv?action=registered%20as%20a%20patient',
    );
    await screenshotsAtBothWidths(admin.page, 'tx-03-admin-transactions');

    await admin.goTo('Dashboard');
    const charts = admin.page
      .locator('section')
      .filter({ has: admin.page.getByRole('heading', { name: 'Transactions', level: 2 }) });
    await charts.getByRole('img', { name: /transactions per hour/i }).waitFor({ timeout: UI_TIMEOUT });
    expect(await charts.getByRole('img').count()).toBe(3);
    const total = await charts.getByRole('definition').first().textContent();
    expect(Number(total)).toBeGreaterThanOrEqual(3);
    await screenshotsAtBothWidths(admin.page, 'tx-04-admin-dashboard-charts');
  });
});
