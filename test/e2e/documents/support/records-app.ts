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
 * On My records: waits until the upload panel knows `doctorName` has access (the list comes from the consent
 * read model, a moment behind the chain: a file uploaded before would not be shared with them), by looking at
 * "Only some of them", then chooses "All doctors with access" again.
 */
export async function waitUntilUploadPanelLists(app: EhrApp, doctorName: string): Promise<void> {
  const panel = () => app.page.getByRole('region', { name: 'Add documents' });
  const deadline = Date.now() + UI_TIMEOUT;
  for (;;) {
    // The panel may still be setting its own default (it reads the patient's sharing after opening): a click it
    // undoes is tried again on the next round, within the same deadline.
    await panel()
      .getByRole('radio', { name: 'Only some of them' })
      .check({ timeout: 5_000 })
      .catch(() => undefined);
    const doctor = panel().getByRole('checkbox', { name: doctorName });
    if (await doctor.isVisible()) break;
    if (Date.now() > deadline)
      throw new Error(`the upload panel never listed ${doctorName}: ${await panel().innerText()}`);
    await app.page.waitForTimeout(1_000);
    // Away and back inside the app (a reload would drop the wallet connection until it reconnects).
    await app.goTo('Dashboard');
    await openMyRecords(app);
  }
  await panel()
    .getByRole('radio', { name: /^All doctors with access/ })
    .check();
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
  const refused = entry.getByRole('alert');
  await viewer.or(refused).first().waitFor({ timeout: UI_TIMEOUT });
  if (await refused.isVisible()) throw new Error(`entry #${entryId} did not open: ${await refused.textContent()}`);
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

export interface NoteFields {
  diagnosis: string;
  notes: string;
  medications: { name: string; dose: string; duration: string }[];
}

/** Fills the note form's fields (a new note or an amendment) and saves it; waits until it is anchored. */
async function fillAndSaveNote(form: Locator, note: NoteFields, save: string): Promise<void> {
  await form.getByLabel('Diagnosis', { exact: true }).fill(note.diagnosis);
  await form.getByLabel('Notes', { exact: true }).fill(note.notes);
  for (const [index, medication] of note.medications.entries()) {
    const row = form.getByLabel(`Medication ${index + 1}`, { exact: true });
    if (!(await row.isVisible())) await form.getByRole('button', { name: 'Add medication', exact: true }).click();
    await row.fill(medication.name);
    await form.getByLabel('Dose', { exact: true }).nth(index).fill(medication.dose);
    await form.getByLabel('Duration', { exact: true }).nth(index).fill(medication.duration);
  }
  await form.getByRole('button', { name: save, exact: true }).click();
  const done = form.getByText('Saved and anchored on chain.').or(form.getByRole('alert'));
  await done.first().waitFor({ timeout: 90_000 });
  if (await form.getByRole('alert').isVisible()) {
    throw new Error(`the note was not saved: ${await form.getByRole('alert').innerText()}`);
  }
}

/** On a patient's record page (doctor): writes a consultation note of `note`'s fields. */
export async function writeConsultationNote(app: EhrApp, note: NoteFields): Promise<void> {
  await app.page.getByRole('button', { name: 'Write a consultation note or prescription', exact: true }).click();
  const form = app.page.getByRole('form', { name: 'Write a note' });
  await form.getByRole('radio', { name: 'Consultation note', exact: true }).check();
  await fillAndSaveNote(form, note, 'Save the note');
  // Closed once saved: left open, its fields share ids with an amend form (labels would name the wrong field).
  await app.page.getByRole('button', { name: 'Close the note form', exact: true }).click();
}

/** Opens the note of entry #id in the timeline (Open note); answers its structured view. */
export async function openNote(app: EhrApp, entryId: string): Promise<Locator> {
  const entry = await waitForEntry(app, entryId);
  await entry.getByRole('button', { name: 'Open note', exact: true }).click();
  const view = entry.getByRole('article', { name: 'Consultation note' });
  const refused = entry.getByRole('alert');
  await view.or(refused).first().waitFor({ timeout: UI_TIMEOUT });
  if (await refused.isVisible()) throw new Error(`note #${entryId} did not open: ${await refused.textContent()}`);
  return view;
}

/** The note's author, on entry #id already opened: Amend, change the fields, save the amendment. */
export async function amendNote(app: EhrApp, entryId: string, note: NoteFields): Promise<void> {
  const entry = timelineEntry(app, entryId);
  await entry.getByRole('button', { name: 'Amend', exact: true }).click();
  await fillAndSaveNote(entry.getByRole('form', { name: 'Amend the note' }), note, 'Save the amendment');
}
