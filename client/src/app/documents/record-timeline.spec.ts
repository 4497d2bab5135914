import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { RecordEntry } from '@api';
import { eventually } from '../../testing/eventually';
import { DocumentOpener, IntegrityError } from './document-opener';
import { RecordTimeline } from './record-timeline';

const patient = '0x00000000000000000000000000000000000000aa';
const doctor = '0x00000000000000000000000000000000000000bb';
const entry = (id: number, change: Partial<RecordEntry> = {}): RecordEntry => ({
  id,
  patient,
  author: doctor,
  kind: 'consultation-note',
  cid: `Qm${id}`,
  contentHash: `0x${'1'.repeat(64)}`,
  amends: null,
  amendedBy: null,
  createdAt: '2026-01-05T10:00:00.000Z',
  txHash: `0x${'2'.repeat(64)}`,
  ...change,
});

describe('RecordTimeline', () => {
  /** Doctors' notes open in their own view (notes/record-note.ts); files open here: `kind` says which. */
  async function render(
    opener: Partial<DocumentOpener>,
    kind: RecordEntry['kind'] = 'consultation-note',
  ): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      imports: [RecordTimeline],
      providers: [provideHttpClient(), provideHttpClientTesting(), { provide: DocumentOpener, useValue: opener }],
    });
    const fixture = TestBed.createComponent(RecordTimeline);
    fixture.componentRef.setInput('patient', patient);
    fixture.autoDetectChanges();
    const http = TestBed.inject(HttpTestingController);
    const request = await eventually(() => http.match((r) => r.url === '/api/records')[0]);
    expect(request.request.params.get('patient')).toBe(patient);
    request.flush({ items: [entry(2, { amends: 1, kind }), entry(1, { amendedBy: 2, kind })], total: 2 });
    const page = fixture.nativeElement as HTMLElement;
    await eventually(() => page.querySelectorAll('.entry').length === 2);
    return page;
  }

  test('When a note was amended, then both versions are listed and the old one is marked amended', async () => {
    const page = await render({});

    const [latest, old] = Array.from(page.querySelectorAll('.entry'));
    expect(latest.textContent).toContain('Consultation note');
    expect(latest.textContent).toContain('corrects entry #1');
    expect(latest.querySelector('.badge--amended')).toBeNull();
    expect(old.querySelector('.badge--amended')?.textContent).toBe('amended');
    expect(old.textContent).toContain('by entry #2');
  });

  test('When the author is in the doctors directory, then the entry names them instead of an address', async () => {
    const page = await render({});
    const http = TestBed.inject(HttpTestingController);

    const lookup = await eventually(() => http.match((r) => r.url === `/api/doctors/${doctor}`)[0]);
    lookup.flush({ address: doctor, displayName: 'Dr. Nadia Notewright' });

    await eventually(() => page.querySelector('.entry')!.textContent.includes('Dr. Nadia Notewright'));
    expect(page.querySelectorAll('.entry')[1].textContent).toContain('Dr. Nadia Notewright');
  });

  test('When opening fails the integrity check, then the error is shown plainly and no viewer opens', async () => {
    const page = await render(
      {
        open: () => Promise.reject(new IntegrityError('Integrity check failed: not the one anchored on chain.')),
      },
      'test-report',
    );

    (page.querySelector('button[aria-label="Open Test report #1"]') as HTMLButtonElement).click();

    const alert = await eventually(() => page.querySelector('[data-integrity]'));
    expect(alert.textContent).toContain('Integrity check failed');
    expect(page.querySelector('ehr-document-viewer')).toBeNull();
  });

  test('When a PDF opens, then it is shown in a frame', async () => {
    const page = await render(
      {
        open: () =>
          Promise.resolve({ name: 'lab.pdf', type: 'application/pdf', bytes: Uint8Array.of(1), objectUrl: 'blob:lab' }),
        release: () => undefined,
      },
      'test-report',
    );

    (page.querySelector('button[aria-label="Open Test report #2"]') as HTMLButtonElement).click();

    const frame = await eventually(() => page.querySelector('ehr-document-viewer iframe'));
    expect(frame.getAttribute('src')).toBe('blob:lab');
  });
});
