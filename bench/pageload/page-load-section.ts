/**
 * Bench section "page load": the landing page and the admin's dashboard of the real built app (the whole
 * stack as `npm start` builds it, serving dist/), each loaded cold in Chromium a few times; the medians of
 * the browser's own figures (page-load.ts). The dashboard is loaded signed in as the admin (dev account 0,
 * through the injected wallet the browser tests use) but still with an empty HTTP cache.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { devAccount, DEV_ADMIN } from '@test-support/dev-chain';
import { INITIAL_JS_GZIP_BUDGET } from '../../scripts/build/client-sizes';
import { launchBrowser, missingBrowserReason } from '../../test/e2e/support/browser';
import { EhrApp } from '../../test/e2e/support/ehr-app';
import { InjectedWallet } from '../../test/e2e/support/injected-wallet';
import { startDrillStack } from '../../test/faults/support/drill-stack';
import { benchRow, type BenchRow } from '../results/bench-row';
import type { BenchSection } from '../results/bench-section';
import { measureColdLoad, medianFigures, type ColdLoad, type PageLoadFigures } from './page-load';

const BUILT_SPA = path.resolve(__dirname, '..', '..', 'dist', 'client', 'browser', 'index.html');

/** Web Vitals' "good" thresholds (web.dev/articles/vitals): first and largest contentful paint. */
const FCP_GOAL_MS = 1_800;
const LCP_GOAL_MS = 2_500;
/** The document must be interactive by the time Web Vitals wants its first content painted. */
const DOM_INTERACTIVE_GOAL_MS = FCP_GOAL_MS;
/**
 * Bytes. The landing page needs only index.html, its CSS, the initial JavaScript and the landing chunk: it is
 * held to the build's own budget for the initial JavaScript (scripts/build/client-sizes.ts), so the whole first
 * visit costs what that budget allows. The admin's dashboard adds ethers, the charts and the API's answers: it
 * must arrive within the LCP goal on Lighthouse's slow-4G link (1,638.4 kbit/s): 2.5 s × 204.8 kB/s = 512 kB.
 */
const LANDING_BYTES_GOAL = INITIAL_JS_GZIP_BUDGET;
const SLOW_4G_BYTES_PER_SECOND = (1_638.4 * 1000) / 8;
const DASHBOARD_BYTES_GOAL = Math.round((SLOW_4G_BYTES_PER_SECOND * LCP_GOAL_MS) / 1000);

function pageRows(page: string, figures: PageLoadFigures, bytesGoal: number): BenchRow[] {
  return [
    benchRow({
      name: `${page}: transferred`,
      value: figures.transferredBytes / 1000,
      unit: 'kB',
      goal: { atMost: bytesGoal / 1000 },
    }),
    benchRow({
      name: `${page}: first contentful paint`,
      value: figures.firstContentfulPaintMs,
      unit: 'ms',
      goal: { atMost: FCP_GOAL_MS },
    }),
    benchRow({
      name: `${page}: largest contentful paint`,
      value: figures.largestContentfulPaintMs,
      unit: 'ms',
      goal: { atMost: LCP_GOAL_MS },
    }),
    benchRow({
      name: `${page}: domInteractive`,
      value: figures.domInteractiveMs,
      unit: 'ms',
      goal: { atMost: DOM_INTERACTIVE_GOAL_MS },
    }),
  ];
}

async function medianOfColdLoads(
  browser: Awaited<ReturnType<typeof launchBrowser>>,
  load: ColdLoad,
  loads: number,
): Promise<PageLoadFigures> {
  const measured: PageLoadFigures[] = [];
  for (let run = 0; run < loads; run++) measured.push(await measureColdLoad(browser, load));
  return medianFigures(measured);
}

export const pageLoadSection: BenchSection = {
  name: 'page load',
  async run(mode) {
    const missing = missingBrowserReason();
    if (missing) throw new Error(missing);
    if (!existsSync(BUILT_SPA)) throw new Error(`the SPA is not built (${BUILT_SPA} is missing): run npm run build`);
    const loads = mode === 'quick' ? 3 : 7;
    // The API's request log would bury the table: warnings and errors only, for this section.
    const logLevel = process.env.LOG_LEVEL;
    process.env.LOG_LEVEL = 'warn';
    // Its chain comes from the migrated template (test/support/migrated-chain.ts): no minute-long migration.
    const stack = await startDrillStack({ prefix: 'ehr-bench-pageload-' }).finally(() => {
      if (logLevel === undefined) delete process.env.LOG_LEVEL;
      else process.env.LOG_LEVEL = logLevel;
    });
    const browser = await launchBrowser();
    const admin = new InjectedWallet(devAccount(DEV_ADMIN), { rpcUrl: stack.publicRpcUrl, rpcChainId: stack.chainId });
    try {
      const landing = await medianOfColdLoads(
        browser,
        {
          url: stack.appUrl,
          ready: (page) => new EhrApp(page).page.getByRole('heading', { name: 'EHR Hospital' }).first().waitFor(),
        },
        loads,
      );

      // Signed in once, as a person would be; every measured load then starts from that session cookie with
      // the wallet still connected (as MetaMask remembers a site), in a new context: an empty HTTP cache.
      const signInContext = await browser.newContext();
      await admin.attach(signInContext);
      const app = new EhrApp(await signInContext.newPage());
      await app.open(stack.appUrl);
      await app.connectAndSignIn();
      const storageState = await signInContext.storageState();
      await signInContext.close();
      const dashboard = await medianOfColdLoads(
        browser,
        {
          url: `${stack.appUrl}/dashboard`,
          storageState,
          wallet: admin,
          ready: async (page) => {
            await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
            // The admin's charts (their own lazy chunk, fetched when the browser is idle) are part of the page.
            await page.getByRole('heading', { name: 'Transactions' }).waitFor();
          },
        },
        loads,
      );

      const rows = [
        ...pageRows('landing page (cold)', landing, LANDING_BYTES_GOAL),
        ...pageRows('admin dashboard (cold)', dashboard, DASHBOARD_BYTES_GOAL),
      ];
      return {
        rows,
        notes: [
          `page load: median of ${loads} cold loads per page (a fresh Chromium context each), loopback, no throttling; kB = 1,000 bytes as transferred (compressed, headers included).`,
        ],
      };
    } finally {
      admin.close();
      await browser.close();
      await stack.dispose();
    }
  },
};
