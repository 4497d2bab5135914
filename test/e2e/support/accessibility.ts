/**
 * axe-core in the browser run: injects axe's own source into the page (through the DevTools protocol, so the
 * app's CSP, script-src 'self', is neither hit nor loosened) and fails on serious or critical violations,
 * naming each rule and the elements it found.
 */
import { source as AXE_SOURCE } from 'axe-core';
import type { AxeResults, Result } from 'axe-core';
import type { Page } from 'playwright-core';

const BLOCKING_IMPACTS = new Set(['serious', 'critical']);

function describeViolation(violation: Result): string {
  const targets = violation.nodes.map((node) => `    ${node.target.join(' ')}: ${node.failureSummary ?? ''}`);
  return [`  ${violation.id} (${violation.impact}): ${violation.help}`, ...targets].join('\n');
}

/** Runs axe on the page as it is now; fails with every serious/critical violation's rule id and targets. */
export async function expectNoSeriousViolations(page: Page, screenName: string): Promise<void> {
  const injected = await page.evaluate(() => typeof (window as { axe?: unknown }).axe === 'object');
  if (!injected) await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(() =>
    (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResults> } }).axe.run(document, {
      resultTypes: ['violations'],
    }),
  );
  const blocking = results.violations.filter((violation) => BLOCKING_IMPACTS.has(violation.impact ?? ''));
  if (blocking.length > 0) {
    throw new Error(
      `${screenName}: ${blocking.length} serious or critical accessibility violation(s):\n` +
        blocking.map(describeViolation).join('\n'),
    );
  }
}
