import { TestBed } from '@angular/core/testing';
import type { EmergencyAccessView } from '@api';
import { eventually } from '../../testing/eventually';
import {
  DOCTOR,
  GAS,
  PATIENT,
  bedAs,
  startEmergencyChain,
  type PersonBed,
} from '../../testing/emergency-world.fixture';
import type { TestChain } from '../../testing/test-chain';
import { EmergencyAccesses } from './emergency-accesses';

describe('EmergencyAccesses, the top of the patient’s Activity (on an in-process chain)', () => {
  let chain: TestChain;
  let bed: PersonBed;
  const justification = 'Found unconscious at the station; checking allergies before treatment.';

  beforeAll(async () => {
    chain = await startEmergencyChain();
    const doctor = await chain.provider.getSigner(DOCTOR.address);
    await (await chain.emergencyAccess.connect(doctor).breakGlass(PATIENT.address, `0x${'ab'.repeat(32)}`, GAS)).wait();
  });
  afterAll(() => chain.stop());
  afterEach(() => {
    bed.stop();
    document.body.replaceChildren();
  });

  const access: EmergencyAccessView = {
    id: `0x${'cd'.repeat(32)}-0`,
    patient: PATIENT.address,
    doctor: DOCTOR.address,
    doctorName: 'Dr. Edith Emergent',
    commitment: `0x${'ab'.repeat(32)}`,
    justification,
    openedAt: '2026-11-27T09:00:00.000Z',
    expiresAt: '2026-11-28T09:00:00.000Z',
    endedAt: null,
    endedBy: null,
    live: true,
    doctorUseCount: 1,
    txHash: `0x${'cd'.repeat(32)}`,
    review: null,
  };

  it('When a doctor broke the glass, then the patient sees who, why and until when, and can end it now from their wallet', async () => {
    bed = await bedAs(chain, PATIENT);
    bed.emergency.answers.set('/api/emergency/accesses', { items: [access] });
    const fixture = TestBed.createComponent(EmergencyAccesses);
    fixture.autoDetectChanges();
    const page = fixture.nativeElement as HTMLElement;
    document.body.append(page);

    await eventually(() => page.textContent?.includes(justification));
    expect(page.textContent).toContain('Dr. Edith Emergent');
    expect(page.textContent).toContain('open until');
    page.querySelector<HTMLButtonElement>('button[aria-label="End access now for Dr. Edith Emergent"]')!.click();

    await eventually(() => !page.querySelector('button.btn--danger'), 30_000);
    expect(await chain.emergencyAccess.hasEmergencyAccess(PATIENT.address, DOCTOR.address)).toBe(false);
    expect(page.textContent).toContain('ended');
  });

  it('When nobody ever broke the glass, then nothing is shown', async () => {
    bed = await bedAs(chain, PATIENT);
    bed.emergency.answers.set('/api/emergency/accesses', { items: [] });
    const fixture = TestBed.createComponent(EmergencyAccesses);
    fixture.autoDetectChanges();
    await eventually(() => bed.emergency.answered.includes('GET /api/emergency/accesses'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    await fixture.whenStable();

    expect((fixture.nativeElement as HTMLElement).textContent?.trim()).toBe('');
  });
});
