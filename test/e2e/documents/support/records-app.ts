/**
 * What people do with records in the app, in the words the screens use (role and accessible-name locators,
 * as the shared page object does): the patient's My records (upload, timeline, viewer) and a doctor's view of
 * a patient's record at /records/:patient.
 */
import type { Locator } from 'playwright-core';
import type { EhrApp } from '../../support/ehr-app';

export const UI_TIMEOUT = 30_000;

export async function openMyRecords(app: EhrApp): Promise<void> {
  await app.page.getByRole('navigation').getByRole('link', { name: 'Records', exact: true }).click();
  await app.page.getByRole('heading', { level: 1, name: 'My records' }).waitFor({ timeout: UI_TIMEOUT });
}

/** A doctor (or admin) opens a patient's record by its address, as from a link in their queue. */
export async function openPatientRecord(app: EhrApp, appUrl: string, patient: string): Promise<void> {
  await app.page.goto(`${appUrl}/records/${patient}`);
  await app.page.getByRole('heading', { level: 1, name: /^Record of patient / }).waitFor({ timeout: UI_TIMEOUT });
}

/**
 * On My records: picks `file` in the upload panel (kind and sharing as chosen) and waits until it is anchored;
 * answers the new entry's id from the panel's "Anchored as entry #N." line.
 */
export async function uploadDocument(
  app: EhrApp,
  file: { name: string; mimeType: string; buffer: Buffer },
): Promise<{ entryId: string; outcome: string }> {
  const panel = app.page.getByRole('region', { name: 'Add documents' });
  await panel.locator('input[type="file"]').setInputFiles(file);
  const row = panel.getByRole('list', { name: 'Uploads' }).getByRole('listitem').filter({ hasText: file.name });
  const outcome = row.getByRole('status').or(row.getByRole('alert')).first();
  await outcome.waitFor({ timeout: 90_000 });
  const text = (await outcome.textContent())?.trim() ?? '';
  const anchored = /Anchored as entry #(\d+)\./.exec(text);
  if (!anchored) throw new Error(`the upload of ${file.name} did not anchor: ${text}`);
  return { entryId: anchored[1], outcome: text };
}

/** The timeline's entry #id (the timeline reads the record again a moment after an anchor). */
export function timelineEntry(app: EhrApp, entryId: string): Locator {
  return app.page.getByRole('region', { name: 'Record' }).locator(`li[data-entry-id="${entryId}"]`);
}

/** Waits until entry #id is listed, reloading the page while the indexer catches up. */
export async function waitForEntry(app: EhrApp, entryId: string): Promise<Locator> {
  const entry = timelineEntry(app, entryId);
  const deadline = Date.now() + UI_TIMEOUT;
  while (!(await entry.isVisible())) {
    if (Date.now() > deadline) throw new Error(`entry #${entryId} never showed in the timeline`);
    await app.page.waitForTimeout(1_000);
    if (!(await entry.isVisible())) await app.page.reload();
  }
  return entry;
}

/** Presses Open on entry #id; answers the viewer once the document is decrypted and shown. */
export async function openEntry(app: EhrApp, entryId: string, documentName: string): Promise<Locator> {
  const entry = await waitForEntry(app, entryId);
  await entry.getByRole('button', { name: new RegExp(`^Open .* #${entryId}$`) }).click();
  const viewer = app.page.getByRole('region', { name: `Document ${documentName}` });
  await viewer.waitFor({ timeout: UI_TIMEOUT });
  return viewer;
}

/** Presses Open on entry #id and answers the error the timeline shows instead of the document. */
export async function openEntryRefused(app: EhrApp, entryId: string): Promise<string> {
  const entry = timelineEntry(app, entryId);
  await entry.getByRole('button', { name: new RegExp(`^Open .* #${entryId}$`) }).click();
  const error = entry.getByRole('alert');
  await error.waitFor({ timeout: UI_TIMEOUT });
  return (await error.textContent())?.trim() ?? '';
}

export async function closeViewer(viewer: Locator): Promise<void> {
  await viewer.getByRole('button', { name: 'Close', exact: true }).click();
}

/** The patient's Patients page, doctor access table: revoke one doctor (by the name the patient reads). */
export async function revokeAccess(app: EhrApp, doctorName: string): Promise<void> {
  await app.page.getByRole('button', { name: `Revoke access to ${doctorName}`, exact: true }).click();
  await app.waitForTransaction();
}
