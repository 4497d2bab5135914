import { TestBed } from '@angular/core/testing';
import { eventually } from '../../testing/eventually';
import { clickButton } from '../../testing/form-filling';
import { PATIENT, bedAs, startEmergencyChain, type PersonBed } from '../../testing/emergency-world.fixture';
import type { TestChain } from '../../testing/test-chain';
import { EmergencySharingPanel } from './emergency-sharing-panel';

describe('EmergencySharingPanel (on an in-process chain)', () => {
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

  it('When the patient turns emergency sharing on before the clinic has a key, then the switch is on on chain and the panel says what is still missing; off turns it off again', async () => {
    bed = await bedAs(chain, PATIENT);
    const fixture = TestBed.createComponent(EmergencySharingPanel);
    fixture.autoDetectChanges();
    const page = fixture.nativeElement as HTMLElement;
    document.body.append(page);
    await eventually(() => page.textContent?.includes('Emergency sharing is off'));
    expect(page.textContent).toContain('an on-duty admin has released it');

    clickButton(page, 'Turn emergency sharing on');
    await eventually(() => page.textContent?.includes('Emergency sharing is on'), 30_000);
    expect(await chain.emergencyAccess.emergencySharing(PATIENT.address)).toBe(true);
    expect(page.querySelector('[role="alert"]')?.textContent).toContain(
      'The clinic has not set up its emergency key yet',
    );

    clickButton(page, 'Turn emergency sharing off');
    await eventually(() => page.textContent?.includes('Emergency sharing is off'), 30_000);
    expect(await chain.emergencyAccess.emergencySharing(PATIENT.address)).toBe(false);
  });
});
