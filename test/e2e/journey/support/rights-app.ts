/**
 * What people do with their rights in the app, in the words the screens use (role and accessible-name
 * locators, as the shared page object does): the patient's My data page (FHIR export, research opt-in,
 * erasure), a doctor's break-glass, and the emergency banner on the patient's Activity.
 */
import { readFile } from 'node:fs/promises';
import type { Locator } from 'playwright-core';
import type { EhrApp } from '../../support/ehr-app';

const UI_TIMEOUT = 30_000;

/**
 * Waits until `target` shows; a page that reads a read model once when it opens is opened again (`reopen`)
 * every 2 s meanwhile, as a person would, until UI_TIMEOUT.
 */
async function untilShown(target: () => Locator, reopen: () => Promise<void>): Promise<void> {
  const deadline = Date.now() + UI_TIMEOUT;
  for (;;) {
    const shown = await target()
      .waitFor({ timeout: 2_000 })
      .then(() => true)
      .catch(() => false);
    if (shown) return;
    if (Date.now() > deadline) throw new Error(`never shown: ${target().toString()}`);
    await reopen();
  }
}

/** The parts of a FHIR Bundle the journey reads. */
export interface FhirBundle {
  resourceType: string;
  type: string;
  entry: { resource: FhirResource }[];
}
export interface FhirResource {
  resourceType: string;
  content?: { attachment: { url?: string; data?: string; contentType?: string; title?: string } }[];
}

export async function openMyData(app: EhrApp): Promise<void> {
  await app.page.getByRole('navigation').getByRole('link', { name: 'My data', exact: true }).click();
  await app.page.getByRole('heading', { level: 1, name: 'My data' }).waitFor({ timeout: UI_TIMEOUT });
}

/** A panel of the My data page, by its heading. */
export function myDataPanel(app: EhrApp, title: string): Locator {
  return app.page.getByRole('region', { name: title, exact: true });
}

/**
 * My data → "Take your record to another provider (FHIR)": presses `button` ("Download FHIR record (JSON)" or
 * "Export with documents"), waits for the file the browser saves and for the panel's confirmation; answers
 * the parsed file and the confirmation.
 */
export async function downloadFhirExport(
  app: EhrApp,
  button: 'Download FHIR record (JSON)' | 'Export with documents',
): Promise<{ bundle: FhirBundle; message: string }> {
  const panel = myDataPanel(app, 'Take your record to another provider (FHIR)');
  const [download] = await Promise.all([
    app.page.waitForEvent('download', { timeout: UI_TIMEOUT }),
    panel.getByRole('button', { name: button, exact: true }).click(),
  ]);
  const bundle = JSON.parse(await readFile(await download.path(), 'utf8')) as FhirBundle;
  const done = panel.getByRole('status');
  await done.waitFor({ timeout: UI_TIMEOUT });
  return { bundle, message: (await done.textContent())?.trim() ?? '' };
}

/**
 * My data → "Research sharing": opts in with the panel's defaults (every scope, a year), the wallet sends
 * ResearchSharing.optIn; answers the sentence the panel then shows. The panel reads the participation from a
 * read model a moment behind the chain: the patient opens My data again until it says they share.
 */
export async function optInToResearch(app: EhrApp): Promise<string> {
  const panel = () => myDataPanel(app, 'Research sharing');
  await panel().getByRole('button', { name: 'Opt in to research', exact: true }).click();
  await app.waitForTransaction();
  const sharing = () =>
    panel()
      .getByTestId('research-state')
      .getByText(/^You share .* for research until /);
  await untilShown(sharing, async () => {
    await app.goTo('Dashboard');
    await openMyData(app);
  });
  return (await sharing().textContent())?.trim() ?? '';
}

/**
 * A verified doctor's Emergency access page: the patient's address and a justification, Continue, then
 * Confirm (the wallet sends breakGlass); answers the emergency record the page moves to.
 */
export async function breakGlass(app: EhrApp, patient: string, justification: string): Promise<Locator> {
  await app.page.getByRole('navigation').getByRole('link', { name: 'Emergency access', exact: true }).click();
  await app.page.getByRole('heading', { level: 1, name: 'Emergency access' }).waitFor({ timeout: UI_TIMEOUT });
  await app.page.getByLabel("Patient's account address", { exact: true }).fill(patient);
  await app.page.getByLabel('Justification', { exact: true }).fill(justification);
  await app.button('Continue').click();
  await app.button('Confirm and open the record').click();
  await app.waitForTransaction();
  await app.page.getByRole('heading', { level: 1, name: /^Emergency record of / }).waitFor({ timeout: UI_TIMEOUT });
  const profile = app.page.getByRole('region', { name: 'Emergency profile' });
  await profile.waitFor({ timeout: UI_TIMEOUT });
  return profile;
}

/**
 * The patient's Activity page: the emergency accesses at its top. They are read once when the page opens, from
 * a read model a moment behind the chain: the patient comes back to the page until the newest shows.
 */
export async function emergencyBanner(app: EhrApp): Promise<Locator> {
  const banner = () => app.page.getByRole('region', { name: 'Emergency accesses to your record' });
  await app.goToPage('Activity');
  await untilShown(banner, async () => {
    await app.goTo('Dashboard');
    await app.goToPage('Activity');
  });
  return banner();
}

/**
 * My data → "Erase my data": types the confirmation word, the wallet sends Erasure.erase; waits until the
 * panel says the server has destroyed the keys and data, and answers the panel's status.
 */
export async function eraseMyData(app: EhrApp): Promise<Locator> {
  const panel = myDataPanel(app, 'Erase my data');
  await panel.getByLabel('Type ERASE to confirm', { exact: true }).fill('ERASE');
  await panel.getByRole('button', { name: 'Erase my data', exact: true }).click();
  await app.waitForTransaction();
  const status = panel.getByRole('region', { name: 'Erasure status' });
  await status.getByText(/^\s*Destroyed: every document key/).waitFor({ timeout: UI_TIMEOUT });
  return status;
}
