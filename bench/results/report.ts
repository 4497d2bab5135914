/**
 * bench/results/latest.html and latest.png: the picture of the last run (report-page.ts), written after
 * latest.json. The PNG is Chromium's screenshot of the HTML page (the browser the e2e journeys drive); where
 * no Chromium is installed, only the HTML is written and the reason is printed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchBrowser, missingBrowserReason } from '../../test/e2e/support/browser';
import { LATEST_RESULTS } from './bench-row';
import { reportHtml, type LatestResults } from './report-page';

// The UMD build (one script defining window.Chart) is not in chart.js's exports map: found beside its main file.
const CHART_JS_UMD = path.join(path.dirname(require.resolve('chart.js')), 'chart.umd.js');

export interface WrittenReport {
  html: string;
  /** Undefined when the screenshot could not be taken (the reason is in `skipped`). */
  png?: string;
  skipped?: string;
}

export async function writeReport(resultsFile = LATEST_RESULTS): Promise<WrittenReport> {
  const results = JSON.parse(readFileSync(resultsFile, 'utf8')) as LatestResults;
  const base = resultsFile.replace(/\.json$/, '');
  const html = `${base}.html`;
  writeFileSync(html, reportHtml(results, readFileSync(CHART_JS_UMD, 'utf8')));

  const missing = missingBrowserReason();
  if (missing) return { html, skipped: missing };
  const png = `${base}.png`;
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
    await page.goto(pathToFileURL(path.resolve(html)).href);
    await page.waitForSelector(`body[data-charts-drawn="${results.series.length}"]`);
    await page.screenshot({ path: png, fullPage: true });
    return { html, png };
  } finally {
    await browser.close();
  }
}
