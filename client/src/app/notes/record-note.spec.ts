/**
 * A doctor's note in the record: opened through the DocumentOpener (chain hash checked there), rendered
 * from its fields, never as raw JSON; marked when amended; a decrypted file that is not a note is refused.
 */
import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { RecordEntry } from '@api';
import { eventually } from '../../testing/eventually';
import { DocumentOpener, type OpenedDocument } from '../documents/document-opener';
import { NOTE_MIME_TYPE, encodeNote } from './note-format';
import { RecordNote } from './record-note';

const entry = (change: Partial<RecordEntry> = {}): RecordEntry => ({
  id: 3,
  patient: '0x00000000000000000000000000000000000000aa',
  author: '0x00000000000000000000000000000000000000bb',
  kind: 'prescription',
  cid: 'Qm3',
  contentHash: `0x${'1'.repeat(64)}`,
  amends: null,
  amendedBy: null,
  createdAt: '2026-01-05T10:00:00.000Z',
  txHash: `0x${'2'.repeat(64)}`,
  ...change,
});

const opened = (bytes: Uint8Array, type = NOTE_MIME_TYPE): OpenedDocument => ({
  name: 'Prescription',
  type,
  bytes,
  objectUrl: 'blob:note',
});

describe('RecordNote', () => {
  function render(document: OpenedDocument, shown = entry()): HTMLElement {
    TestBed.configureTestingModule({
      imports: [RecordNote],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: DocumentOpener, useValue: { open: () => Promise.resolve(document), release: () => undefined } },
      ],
    });
    const fixture = TestBed.createComponent(RecordNote);
    fixture.componentRef.setInput('entry', shown);
    fixture.autoDetectChanges();
    return fixture.nativeElement as HTMLElement;
  }

  const openButton = (page: HTMLElement) =>
    [...page.querySelectorAll('button')].find((button) => button.textContent?.trim() === 'Open note')!;

  it('When the patient opens a prescription, then its diagnosis, notes and medications show as fields, not JSON', async () => {
    const page = render(
      opened(
        encodeNote({
          format: 'ehr-note/1',
          kind: 'prescription',
          appointmentId: 12,
          diagnosis: 'Essential hypertension',
          notes: 'Review in 3 months.',
          medications: [{ name: 'Amlodipine', dose: '5 mg once daily', duration: '3 months' }],
        }),
      ),
    );

    openButton(page).click();

    const diagnosis = await eventually(() => page.querySelector('[data-testid="note-diagnosis"]'));
    expect(diagnosis.textContent).toBe('Essential hypertension');
    expect(page.textContent).toContain('appointment #12');
    const cells = [...page.querySelectorAll('tbody td')].map((cell) => cell.textContent);
    expect(cells).toEqual(['Amlodipine', '5 mg once daily', '3 months']);
    expect(page.textContent).not.toContain('"format"');
    // Nobody signed in as its author here: no amend offered.
    expect([...page.querySelectorAll('button')].map((button) => button.textContent?.trim())).not.toContain('Amend');
  });

  it('When the entry was amended, then it says by which entry', () => {
    const page = render(opened(new Uint8Array()), entry({ amendedBy: 4 }));
    expect(page.querySelector('[data-testid="note-amended"]')?.textContent).toContain('entry #4');
  });

  it('When the decrypted document is not a structured note, then it is refused plainly', async () => {
    const page = render(opened(new TextEncoder().encode('%PDF-1.7'), 'application/pdf'));

    openButton(page).click();

    const alert = await eventually(() => page.querySelector('[role="alert"]'));
    expect(alert.textContent).toContain('The note cannot be opened: Entry #3 is not a structured note.');
  });
});
