/**
 * One cold page load in Chromium, measured by the browser itself: a fresh browser context per load (so an
 * empty HTTP cache, as on a first visit), then the page's own performance entries — bytes transferred
 * (navigation + every resource), first-contentful-paint, largest-contentful-paint and domInteractive.
 */
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { DESKTOP } from '../../test/e2e/support/journey';
import type { InjectedWallet } from '../../test/e2e/support/injected-wallet';
import { median } from '../documents/bench-support';

export interface PageLoadFigures {
  /** Sum of transferSize over the navigation and resource entries (headers included, as on the wire). */
  transferredBytes: number;
  firstContentfulPaintMs: number;
  largestContentfulPaintMs: number;
  domInteractiveMs: number;
}

export interface ColdLoad {
  url: string;
  /** Cookies to start with (a signed-in session), never the HTTP cache: that stays empty. */
  storageState?: BrowserContextOptions['storageState'];
  /** A wallet already connected to the app, injected as MetaMask would be. */
  wallet?: InjectedWallet;
  /** Resolves once the page shows what a person came for. */
  ready(page: Page): Promise<void>;
}

/** How long the page may keep fetching after it is ready before its figures are read anyway (e.g. a poll). */
const NETWORK_IDLE_CAP_MS = 10_000;

/** Runs in the page: the browser's own entries, LCP through a buffered PerformanceObserver. */
async function readEntries(): Promise<PageLoadFigures> {
  const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
  const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
  const paint = performance.getEntriesByName('first-contentful-paint')[0];
  const largestContentfulPaintMs = await new Promise<number>((resolve) => {
    new PerformanceObserver((list) => {
      const entries = list.getEntries();
      resolve(entries[entries.length - 1].startTime);
    }).observe({ type: 'largest-contentful-paint', buffered: true });
    // No LCP entry at all (nothing painted): report it as never, not as zero.
    setTimeout(() => resolve(Number.NaN), 2_000);
  });
  return {
    transferredBytes: [navigation, ...resources].reduce((sum, entry) => sum + entry.transferSize, 0),
    firstContentfulPaintMs: paint ? paint.startTime : Number.NaN,
    largestContentfulPaintMs,
    domInteractiveMs: navigation.domInteractive,
  };
}

export async function measureColdLoad(browser: Browser, load: ColdLoad): Promise<PageLoadFigures> {
  const context = await browser.newContext({ viewport: DESKTOP, storageState: load.storageState });
  try {
    if (load.wallet) await load.wallet.attach(context);
    const page = await context.newPage();
    await page.goto(load.url, { waitUntil: 'load' });
    await load.ready(page);
    await page.waitForLoadState('networkidle', { timeout: NETWORK_IDLE_CAP_MS }).catch(() => {});
    return await page.evaluate(readEntries);
  } finally {
    await context.close();
  }
}

/** Each figure's median over the loads. */
export function medianFigures(loads: readonly PageLoadFigures[]): PageLoadFigures {
  const of = (key: keyof PageLoadFigures) => median(loads.map((load) => load[key]));
  return {
    transferredBytes: of('transferredBytes'),
    firstContentfulPaintMs: of('firstContentfulPaintMs'),
    largestContentfulPaintMs: of('largestContentfulPaintMs'),
    domInteractiveMs: of('domInteractiveMs'),
  };
}
