/**
 * What every signed-in browser journey repeats: skip (with the reason printed) where no Chromium is installed
 * (never in CI), one browser per file, one context and really signing wallet per person, closed afterwards,
 * and screenshots of a screen at desktop and phone width.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { devAccount } from '@test-support/dev-chain';
import { EhrApp } from './ehr-app';
import { InjectedWallet } from './injected-wallet';
import { launchBrowser, missingBrowserReason, saveScreenshot } from './browser';

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

/** `describe`, or `describe.skip` with the reason printed when this machine has no browser. */
export function describeInBrowser(name: string, body: () => void): void {
  const skipReason = process.env.CI ? undefined : missingBrowserReason();
  if (skipReason) console.warn(`[e2e] ${name} skipped: ${skipReason}`);
  (skipReason ? describe.skip : describe)(name, body);
}

/**
 * Call inside a journey's describe: starts the browser before its tests and closes everything after.
 * `signedInAs(index)` opens the app as dev account `index`, on the app's chain, signed in.
 */
export function useSignedInBrowser(): { signedInAs: (accountIndex: number) => Promise<EhrApp> } {
  const appUrl = process.env.E2E_APP_URL!;
  const rpcUrl = process.env.E2E_RPC_URL!;
  const chainId = Number(process.env.E2E_CHAIN_ID);
  let browser: Browser;
  const opened: { context: BrowserContext; wallet: InjectedWallet }[] = [];

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

  return {
    signedInAs: async (accountIndex) => {
      const context = await browser.newContext({ viewport: DESKTOP });
      const wallet = new InjectedWallet(devAccount(accountIndex), {
        rpcUrl,
        rpcChainId: chainId,
        startChainId: chainId,
      });
      await wallet.attach(context);
      opened.push({ context, wallet });
      const app = new EhrApp(await context.newPage());
      await app.open(appUrl);
      await app.connectAndSignIn();
      return app;
    },
  };
}

/** One screen at desktop and phone width (each checked with axe by saveScreenshot), then back to desktop. */
export async function screenshotsAtBothWidths(page: Page, name: string): Promise<void> {
  await saveScreenshot(page, `${name}-desktop`);
  await page.setViewportSize(PHONE);
  // Charts and sideways-scrolling tables lay themselves out again after a resize.
  await page.waitForTimeout(500);
  await saveScreenshot(page, `${name}-phone`);
  await page.setViewportSize(DESKTOP);
}
