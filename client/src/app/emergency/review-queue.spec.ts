import { TestBed } from '@angular/core/testing';
import type { EmergencyReviewItem } from '@api';
import { devAccount } from '@test-support/dev-chain';
import { eventually } from '../../testing/eventually';
import {
  ADMIN,
  DOCTOR,
  PATIENT,
  bedAs,
  startEmergencyChain,
  type PersonBed,
} from '../../testing/emergency-world.fixture';
import type { TestChain } from '../../testing/test-chain';
import { ReviewQueue } from './review-queue';

describe('ReviewQueue (on an in-process chain)', () => {
  let chain: TestChain;
  let bed: PersonBed;

  beforeAll(async () => {
    chain = await startEmergencyChain();
  });
  afterAll(() => chain.stop());
  afterEach(() => {
    bed.stop();
    document.body.replaceChildren();
  });

  const item = (id: string, doctor: string, total: number, justification: string): EmergencyReviewItem => ({
    id,
    patient: PATIENT.address,
    doctor,
    commitment: `0x${'ab'.repeat(32)}`,
    justification,
    openedAt: '2026-11-27T09:00:00.000Z',
    expiresAt: '2026-11-28T09:00:00.000Z',
    endedAt: null,
    endedBy: null,
    live: false,
    doctorUseCount: total,
    txHash: `0x${'cd'.repeat(32)}`,
    review: null,
    doctorUses: { total, last30Days: total },
  });

  it('When a doctor used emergency access repeatedly, then that use stands out, and a review is saved with its outcome and note', async () => {
    bed = await bedAs(chain, ADMIN);
    const once = item(`0x${'01'.repeat(32)}-0`, devAccount(2).address, 1, 'Cardiac arrest in the waiting room.');
    const often = item(`0x${'02'.repeat(32)}-3`, DOCTOR.address, 4, 'Needed to check something quickly.');
    bed.emergency.answers.set('/api/emergency/reviews', { items: [often, once], unreviewed: 2 });
    const fixture = TestBed.createComponent(ReviewQueue);
    fixture.autoDetectChanges();
    const page = fixture.nativeElement as HTMLElement;
    document.body.append(page);
    await eventually(() => page.querySelectorAll('.review-item').length === 2);

    const [oftenRow, onceRow] = [...page.querySelectorAll<HTMLElement>('.review-item')];
    expect(oftenRow.classList).toContain('repeated');
    expect(oftenRow.textContent).toContain('Repeated use');
    expect(oftenRow.textContent).toContain('4 times in all');
    expect(onceRow.classList).not.toContain('repeated');
    expect(onceRow.textContent).toContain('Cardiac arrest in the waiting room.');

    oftenRow.querySelector<HTMLInputElement>('input[value="inappropriate"]')!.click();
    const note = oftenRow.querySelector<HTMLTextAreaElement>('textarea')!;
    note.value = 'No emergency recorded that day; raised with the doctor.';
    note.dispatchEvent(new Event('input'));
    [...oftenRow.querySelectorAll('button')].find((button) => button.textContent?.trim() === 'Save review')!.click();

    await eventually(() => bed.emergency.bodies.some((sent) => sent.url.startsWith('/api/emergency/reviews/')));
    const sent = bed.emergency.bodies.find((request) => request.url.startsWith('/api/emergency/reviews/'))!;
    expect(sent.url).toBe(`/api/emergency/reviews/${often.id}`);
    expect(sent.body).toEqual({
      outcome: 'inappropriate',
      note: 'No emergency recorded that day; raised with the doctor.',
    });
  });
});
