/**
 * Journey: a doctor registers, an admin verifies them, and the doctor's Activity shows both, newest
 * first, with the admin named; the admin looks the doctor up on their own Activity screen.
 * Real stack (npm start), Debian's Chromium, a real signing wallet per person. Account 6 is this file's doctor.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { devAccount } from '@test-support/dev-chain';
import { InjectedWallet } from '../support/injected-wallet';
import { EhrApp } from '../support/ehr-app';
import { launchBrowser, missingBrowserReason, saveScreenshot } from '../support/browser';

const skipReason = process.env.CI ? undefined : missingBrowserReason();
if (skipReason) console.warn(`[e2e] activity journey skipped: ${skipReason}`);
const describeInBrowser = skipReason ? describe.skip : describe;

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const UI_TIMEOUT = 30_000;

describeInBrowser('Activity journey (browser)', () => {
  jest.setTimeout(180_000);
  const appUrl = process.env.E2E_APP_URL!;
  const rpcUrl = process.env.E2E_RPC_URL!;
  const chainId = Number(process.env.E2E_CHAIN_ID);
  let browser: Browser;
  const opened: { context: BrowserContext; wallet: InjectedWallet }[] = [];

  async function openAs(accountIndex: number): Promise<EhrApp> {
    const context = await browser.newContext({ viewport: DESKTOP });
    const wallet = new InjectedWallet(devAccount(accountIndex), { rpcUrl, rpcChainId: chainId, startChainId: chainId });
    await wallet.attach(context);
    opened.push({ context, wallet });
    const app = new EhrApp(await context.newPage());
    await app.open(appUrl);
    await app.connectAndSignIn();
    return app;
  }

  const openActivity = (app: EhrApp) =>
    app.page.getByRole('navigation').getByRole('link', { name: 'Activity', exact: true }).click();
  const timelineEntries = (app: EhrApp) => app.page.getByRole('listitem').filter({ has: app.page.locator('time') });

  async function screenshotsAtBothWidths(app: EhrApp, name: string): Promise<void> {
    await saveScreenshot(app.page, `${name}-desktop`);
    await app.page.setViewportSize(PHONE);
    await saveScreenshot(app.page, `${name}-phone`);
    await app.page.setViewportSize(DESKTOP);
  }

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const { context, wallet } of opened) {
      await context.close();
      wallet.close();
    }
    await browser?.close();
  });

  test('When a doctor registers and the admin verifies them, then the doctor’s Activity shows both with the admin named', async () => {
    const doctorName = 'Dr. Tracy Timeline';
    const doctor = await openAs(6);
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

    const admin = await openAs(0);
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
    await screenshotsAtBothWidths(doctor, 'activity-01-doctor-timeline');

    await openActivity(admin);
    await admin.page.getByLabel('Account address').fill(devAccount(6).address);
    await admin.button('Show activity').click();
    await admin.waitForText(admin.page, adminNamed);
    await admin.page.getByLabel('Kind').selectOption({ label: 'Doctor registration and verification' });
    await admin.waitForText(admin.page, 'You registered as a doctor');
    await screenshotsAtBothWidths(admin, 'activity-02-admin-lookup');
  });
});
