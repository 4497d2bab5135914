import { TestBed } from '@angular/core/testing';
import { eventually } from '../../testing/eventually';
import { clickButton, fillFields } from '../../testing/form-filling';
import { ADMIN, bedAs, startEmergencyChain, type PersonBed } from '../../testing/emergency-world.fixture';
import type { TestChain } from '../../testing/test-chain';
import { WindowSetting } from './window-setting';

describe('WindowSetting (on an in-process chain)', () => {
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

  it('When an admin asks for more than 72 hours, then the form refuses it; 12 hours is set on chain', async () => {
    bed = await bedAs(chain, ADMIN);
    const fixture = TestBed.createComponent(WindowSetting);
    fixture.autoDetectChanges();
    const page = fixture.nativeElement as HTMLElement;
    document.body.append(page);
    await eventually(() => page.textContent?.includes('lasts 24 hours'));

    fillFields(page, { 'Hours (1–72)': '90' });
    clickButton(page, 'Set the window');
    await eventually(() => page.textContent?.includes('Enter whole hours between 1 and 72'));
    expect(bed.wallet.methods()).not.toContain('eth_sendTransaction');

    fillFields(page, { 'Hours (1–72)': '12' });
    clickButton(page, 'Set the window');
    await eventually(() => page.textContent?.includes('lasts 12 hours'), 30_000);
    expect(await chain.emergencyAccess.window()).toBe(12n * 3600n);
  });
});
