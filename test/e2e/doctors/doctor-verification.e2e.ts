/**
 * Journey: a doctor registers, an admin verifies them, the doctor sees "verified".
 * Real stack (scripts/dev/stack.ts), Debian's Chromium, and a real signing wallet per person.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { JsonRpcProvider } from 'ethers';
import { Consent__factory, Registry__factory } from '@contracts/types';
import { devAccount } from '@test-support/dev-chain';
import { licenceHash } from '@test-support/licences';
import { InjectedWallet } from '../support/injected-wallet';
import { EhrApp } from '../support/ehr-app';
import { launchBrowser, missingBrowserReason, saveScreenshot } from '../support/browser';
import { readFileSync } from 'node:fs';

const skipReason = process.env.CI ? undefined : missingBrowserReason();
if (skipReason) console.warn(`[e2e] doctor verification journey skipped: ${skipReason}`);
const describeInBrowser = skipReason ? describe.skip : describe;

describeInBrowser('Doctor verification journey (browser)', () => {
  jest.setTimeout(180_000);
  const appUrl = process.env.E2E_APP_URL!;
  const rpcUrl = process.env.E2E_RPC_URL!;
  const chainId = Number(process.env.E2E_CHAIN_ID);
  let browser: Browser;
  const opened: { context: BrowserContext; wallet?: InjectedWallet }[] = [];

  async function openAs(
    accountIndex: number | undefined,
    startChainId = chainId,
  ): Promise<{ app: EhrApp; wallet?: InjectedWallet }> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    const wallet =
      accountIndex === undefined
        ? undefined
        : new InjectedWallet(devAccount(accountIndex), { rpcUrl, rpcChainId: chainId, startChainId });
    await wallet?.attach(context);
    opened.push({ context, wallet });
    const app = new EhrApp(await context.newPage());
    await app.open(appUrl);
    return { app, wallet };
  }

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const { context, wallet } of opened) {
      await context.close();
      wallet?.close();
    }
    await browser?.close();
  });

  test('When no wallet is installed, then the landing page says MetaMask is missing and where to get it', async () => {
    const { app } = await openAs(undefined);
    await app.button('Connect MetaMask').click();
    await app.waitForText(app.page, /MetaMask not found/);
    const install = app.page.getByRole('link', { name: /install|download|metamask/i }).first();
    expect(await install.getAttribute('href')).toContain('metamask.io');
    await saveScreenshot(app.page, '00-no-wallet');
  });

  test('When a doctor registers and an admin verifies them, then the doctor sees "verified" and a patient can give them access', async () => {
    // Arrange: the doctor's wallet starts on Ethereum mainnet and does not know the clinic's chain yet.
    const doctor = await openAs(1, 1);
    const doctorName = 'Dr. Ada Byron';

    // Act 1: the doctor switches network, signs in and registers.
    await doctor.app.connectAndSignIn();
    expect(doctor.wallet!.requests).toEqual(
      expect.arrayContaining(['wallet_switchEthereumChain', 'wallet_addEthereumChain', 'personal_sign']),
    );
    await doctor.app.waitForText(doctor.app.page, 'not registered');
    await doctor.app.registerAsDoctor({
      licence: 'GMC-7654321',
      speciality: 'Cardiology',
      firstName: 'Ada',
      lastName: 'Byron',
      dateOfJoining: '2020-09-01',
      email: 'ada.byron@example.org',
      mobile: '+447700900123',
      city: 'London',
      state: 'Greater London',
    });
    await doctor.app.waitForText(doctor.app.page, 'pending verification');
    await saveScreenshot(doctor.app.page, '01-doctor-pending');

    // Act 2: the admin signs in, finds the pending doctor and verifies them.
    const admin = await openAs(0);
    await admin.app.connectAndSignIn();
    const systemStatus = admin.app.page
      .locator('section, article, div')
      .filter({ has: admin.app.page.getByRole('heading', { name: 'System status' }) })
      .last();
    await systemStatus.getByText(/Online · chain \d+ · block \d+/).waitFor({ timeout: 30_000 });
    expect(await systemStatus.getByText('Offline').count()).toBe(0);
    await saveScreenshot(admin.app.page, '02-admin-dashboard');
    await admin.app.goTo('Doctors');
    await admin.app.doctorRow(doctorName).waitFor({ timeout: 30_000 });
    // Before verifying, the admin checks the licence the doctor typed against the salted hash on chain.
    await admin.app.checkLicence(doctorName);
    await admin.app.doctorRow(doctorName).getByText('Matches the chain').waitFor({ timeout: 30_000 });
    expect(await admin.app.doctorRow(doctorName).getByText('GMC-7654321').count()).toBe(1);
    await admin.app.verifyDoctor(doctorName);
    await admin.app
      .doctorRow(doctorName)
      .filter({ hasText: /verified/i })
      .waitFor({ timeout: 30_000 });
    await saveScreenshot(admin.app.page, '03-admin-verified-doctor');

    // Assert: the doctor's dashboard says verified, and so does the chain itself.
    await doctor.app.page.reload();
    await doctor.app.waitForText(doctor.app.page, /^\s*verified\s*$/);
    await saveScreenshot(doctor.app.page, '04-doctor-verified');
    expect(
      await onChain((c) =>
        Registry__factory.connect(c.Registry.address, c.provider).isVerifiedDoctor(doctor.wallet!.address),
      ),
    ).toBe(true);
    // Every transaction went out signed by the wallet through the app's /rpc, which would refuse eth_sendTransaction.
    expect(rpcUrl).toBe(`${appUrl}/rpc`);
    expect(
      await onChain((c) =>
        Registry__factory.connect(c.Registry.address, c.provider)
          .getDoctor(doctor.wallet!.address)
          .then((d) => d.licenceHash),
      ),
    ).not.toBe(licenceHash('GMC-7654321'));

    // Then a patient registers and gives the newly verified doctor access to their records for a week.
    const patient = await openAs(4);
    await patient.app.connectAndSignIn();
    await patient.app.goTo('Patients');
    await patient.app.registerAsPatient();
    await patient.app.page.getByRole('heading', { name: 'Doctor access' }).waitFor({ timeout: 30_000 });
    const doctorRow = patient.app.doctorRow(doctorName);
    await doctorRow.getByText('No access').waitFor();
    await patient.app.grantAccess(doctorName, '7 days');
    // The cell's text keeps the spaces around it since the template was Prettier-formatted (a7ac8bd).
    await doctorRow.getByText(/^\s*Until \d{1,2} \w{3} \d{4}/).waitFor({ timeout: 30_000 });
    await saveScreenshot(patient.app.page, '05-patient-granted-doctor-access');
    expect(
      await onChain((c) =>
        Consent__factory.connect(c.Consent.address, c.provider).hasAccess(
          patient.wallet!.address,
          doctor.wallet!.address,
        ),
      ),
    ).toBe(true);
  });

  /** Reads the chain directly, past the UI and the API: what the screens said must be what the contracts say. */
  async function onChain<T>(
    read: (c: { provider: JsonRpcProvider; Registry: { address: string }; Consent: { address: string } }) => Promise<T>,
  ): Promise<T> {
    const provider = new JsonRpcProvider(rpcUrl, undefined, { cacheTimeout: -1, staticNetwork: true });
    try {
      const deployments = JSON.parse(readFileSync(process.env.E2E_DEPLOYMENTS_FILE!, 'utf8'));
      return await read({ provider, ...deployments[String(chainId)] });
    } finally {
      provider.destroy();
    }
  }
});
