/**
 * Every screen, for every kind of account, at desktop (1280×800) and phone (390×844) width: axe-core finds no
 * serious or critical violation, and a screenshot of each goes to test-results/e2e/screens/<screen>-<width>.png.
 * The screens come from the app's own navigation as each account sees it, so features added later are covered.
 * Real stack (`npm start`), Debian's Chromium, a real signing wallet per account.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { JsonRpcProvider, parseEther, Wallet } from 'ethers';
import { readFileSync } from 'node:fs';
import { Registry__factory } from '@contracts/types';
import { devAccount } from '@test-support/dev-chain';
import { licenceHash } from '@test-support/licences';
import { InjectedWallet } from '../support/injected-wallet';
import { EhrApp } from '../support/ehr-app';
import path from 'node:path';
import { launchBrowser, missingBrowserReason, SCREENSHOT_DIR } from '../support/browser';
import { expectNoSeriousViolations } from '../support/accessibility';

const skipReason = process.env.CI ? undefined : missingBrowserReason();
if (skipReason) console.warn(`[e2e] screens journey skipped: ${skipReason}`);
const describeInBrowser = skipReason ? describe.skip : describe;

const WIDTHS = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
] as const;

// Accounts used only by this journey (funded here by the admin, account 0): 150 verified doctor,
// 151 pending doctor, 152 patient, 153 registered as nothing.
const ACCOUNTS = { admin: 0, verifiedDoctor: 150, pendingDoctor: 151, patient: 152, unregistered: 153 } as const;
type Account = keyof typeof ACCOUNTS;

/** `verifiedDoctor` → `verified-doctor`, `Find a doctor` → `find-a-doctor`. */
const slug = (text: string) =>
  text
    .replace(/([a-z])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-');

describeInBrowser('Every screen, every account, desktop and phone (browser)', () => {
  jest.setTimeout(300_000);
  const appUrl = process.env.E2E_APP_URL!;
  const rpcUrl = process.env.E2E_RPC_URL!;
  const chainId = Number(process.env.E2E_CHAIN_ID);
  let browser: Browser;
  const opened: { context: BrowserContext; wallet: InjectedWallet }[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    await registerAccountsOnChain();
  });

  afterAll(async () => {
    for (const { context, wallet } of opened) {
      await context.close();
      wallet.close();
    }
    await browser?.close();
  });

  /** The accounts' roles come from the chain; the screens under test are what each then sees. */
  async function registerAccountsOnChain(): Promise<void> {
    const provider = new JsonRpcProvider(rpcUrl, undefined, { cacheTimeout: -1, staticNetwork: true });
    try {
      const deployments = JSON.parse(readFileSync(process.env.E2E_DEPLOYMENTS_FILE!, 'utf8'));
      const registryAddress: string = deployments[String(chainId)].Registry.address;
      const admin = new Wallet(devAccount(ACCOUNTS.admin).privateKey, provider);
      const as = (account: Account) => new Wallet(devAccount(ACCOUNTS[account]).privateKey, provider);
      const registryAs = (wallet: Wallet) => Registry__factory.connect(registryAddress, wallet);
      const gas = { gasLimit: 1_000_000 };
      for (const account of ['verifiedDoctor', 'pendingDoctor', 'patient', 'unregistered'] as const) {
        await (await admin.sendTransaction({ to: as(account).address, value: parseEther('5'), ...gas })).wait();
      }
      await (await registryAs(as('verifiedDoctor')).registerDoctor(licenceHash('SCREENS-150'), 1, gas)).wait();
      await (await registryAs(as('pendingDoctor')).registerDoctor(licenceHash('SCREENS-151'), 2, gas)).wait();
      await (await registryAs(admin).verifyDoctor(as('verifiedDoctor').address, gas)).wait();
      await (await registryAs(as('patient')).registerPatient(gas)).wait();
    } finally {
      provider.destroy();
    }
  }

  async function openAs(account: Account): Promise<EhrApp> {
    const context = await browser.newContext({ viewport: WIDTHS[0] });
    const wallet = new InjectedWallet(devAccount(ACCOUNTS[account]), { rpcUrl, rpcChainId: chainId });
    await wallet.attach(context);
    opened.push({ context, wallet });
    const app = new EhrApp(await context.newPage());
    await app.open(appUrl);
    return app;
  }

  /** The screen once it has loaded what it shows: no request in flight, nothing marked busy. */
  async function settled(page: Page): Promise<void> {
    await page.waitForLoadState('networkidle');
    await page.locator('[aria-busy="true"]').first().waitFor({ state: 'detached', timeout: 30_000 });
  }

  /** Axe and a screenshot at each width. */
  async function checkScreen(page: Page, screen: string): Promise<void> {
    for (const size of WIDTHS) {
      await page.setViewportSize(size);
      await settled(page);
      await expectNoSeriousViolations(page, `${screen} at ${size.width}px`);
      await screenshot(page, `${screen}-${size.width}`, size.width);
    }
    await page.setViewportSize(WIDTHS[0]);
  }

  /**
   * The whole page at the viewport's width. Chromium's full-page size counts what a table scrolls sideways inside
   * its card, though the page itself does not scroll (its scrollWidth is the viewport's): clip that away.
   */
  async function screenshot(page: Page, name: string, width: number): Promise<void> {
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.screenshot({
      path: path.join(SCREENSHOT_DIR, 'screens', `${name}.png`),
      fullPage: true,
      clip: { x: 0, y: 0, width, height },
    });
  }

  test('When nobody is signed in, then the landing page passes axe at both widths', async () => {
    const app = await openAs('unregistered');
    await checkScreen(app.page, 'landing');
  });

  test.each(Object.keys(ACCOUNTS) as Account[])(
    'When %s signs in, then every screen in their navigation passes axe at both widths',
    async (account) => {
      const app = await openAs(account);
      await app.connectAndSignIn();
      const nav = app.page.getByRole('navigation', { name: 'Main' });
      const labels = (await nav.getByRole('link').allTextContents()).map((label) => label.trim());
      expect(labels).toEqual(expect.arrayContaining(['Dashboard', 'Doctors', 'Patients']));
      for (const label of labels) {
        await nav.getByRole('link', { name: label, exact: true }).click();
        await app.page.getByRole('heading', { level: 1, name: label }).waitFor({ timeout: 30_000 });
        await checkScreen(app.page, `${slug(account)}-${slug(label)}`);
      }
    },
  );

  test('When the API reference is opened, then Swagger UI renders the generated document under the CSP', async () => {
    const page = await (await browser.newContext({ viewport: WIDTHS[0] })).newPage();
    const blocked: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) blocked.push(message.text());
    });
    await page.goto(`${appUrl}/api/docs`);
    await page.getByRole('heading', { name: /EHR Hospital API/ }).waitFor({ timeout: 30_000 });
    // One operation per documented route, rendered by Swagger UI from the generated document.
    await page.locator('.opblock').first().waitFor({ timeout: 30_000 });
    expect(await page.locator('.opblock').count()).toBeGreaterThanOrEqual(18);
    expect(blocked).toEqual([]);
    for (const size of WIDTHS) {
      await page.setViewportSize(size);
      await screenshot(page, `api-reference-${size.width}`, size.width);
    }
    await page.context().close();
  });
});
