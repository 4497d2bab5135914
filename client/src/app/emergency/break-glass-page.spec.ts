import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { eventually } from '../../testing/eventually';
import { clickButton, fillFields } from '../../testing/form-filling';
import { DOCTOR, PATIENT, bedAs, startEmergencyChain, type PersonBed } from '../../testing/emergency-world.fixture';
import type { TestChain } from '../../testing/test-chain';
import { BreakGlassPage } from './break-glass-page';

describe('BreakGlassPage (on an in-process chain)', () => {
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

  async function render() {
    bed = await bedAs(chain, DOCTOR);
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    const fixture = TestBed.createComponent(BreakGlassPage);
    fixture.autoDetectChanges();
    const page = fixture.nativeElement as HTMLElement;
    document.body.append(page);
    return { page, navigate };
  }

  it('When the doctor gives a justification and confirms, then the record opens on chain and the emergency view follows', async () => {
    const { page, navigate } = await render();

    expect(page.textContent).toContain('It is recorded');
    expect(page.textContent).toContain('admins review every use');
    fillFields(page, {
      "Patient's account address": ` ${PATIENT.address.toLowerCase()} `,
      Justification: 'Collapsed in clinic, unresponsive; need medication list now.',
    });
    clickButton(page, 'Continue');
    await eventually(() => page.querySelector('[role="alertdialog"]'));
    expect(bed.emergency.bodies).toEqual([]);
    clickButton(page, 'Confirm and open the record');

    await eventually(() => navigate.mock.calls.length > 0, 30_000);
    expect(navigate).toHaveBeenCalledWith(['/emergency', PATIENT.address]);
    expect(await chain.emergencyAccess.hasEmergencyAccess(PATIENT.address, DOCTOR.address)).toBe(true);
  });

  it('When the justification is too short, then the form says how long it must be and nothing is sent', async () => {
    const { page } = await render();

    fillFields(page, { "Patient's account address": PATIENT.address, Justification: 'urgent' });
    clickButton(page, 'Continue');

    await eventually(() => page.textContent?.includes('Write at least 20 characters'));
    expect(page.querySelector('[role="alertdialog"]')).toBeNull();
    expect(bed.emergency.bodies).toEqual([]);
  });
});
