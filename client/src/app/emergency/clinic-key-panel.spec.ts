import { TestBed } from '@angular/core/testing';
import { ZeroHash } from 'ethers';
import { devAccount } from '@test-support/dev-chain';
import { eventually } from '../../testing/eventually';
import { clickButton } from '../../testing/form-filling';
import { ADMIN, bedAs, startEmergencyChain, type PersonBed } from '../../testing/emergency-world.fixture';
import type { TestChain } from '../../testing/test-chain';
import { publicKeyFromHex, unwrapKey } from '../documents/crypto';
import { documentIdentity } from '../../testing/document-services.fixture';
import { wrappedKeyBytes } from '../documents/wrapped-key-hex';
import { x25519 } from '@noble/curves/ed25519';
import { ClinicKeyPanel } from './clinic-key-panel';

describe('ClinicKeyPanel (on an in-process chain)', () => {
  let chain: TestChain;
  let bed: PersonBed;
  const secondAdmin = devAccount(7).address;

  beforeAll(async () => {
    chain = await startEmergencyChain();
  });
  afterAll(() => chain.stop());
  afterEach(() => {
    bed.stop();
    document.body.replaceChildren();
  });

  it('When an admin sets up the clinic key, then its public half is on chain, its private half is wrapped for each admin with a verified key, and an admin without one is named as skipped', async () => {
    bed = await bedAs(chain, ADMIN);
    bed.emergency.admins = [ADMIN.address, secondAdmin];
    const fixture = TestBed.createComponent(ClinicKeyPanel);
    fixture.autoDetectChanges();
    const page = fixture.nativeElement as HTMLElement;
    document.body.append(page);
    await eventually(() => page.textContent?.includes('No clinic emergency key is set'));

    clickButton(page, 'Set up the clinic emergency key');

    await eventually(() => page.textContent?.includes('wrapped for 1 admins'), 30_000);
    expect(page.textContent).toContain('has not set up document encryption yet');
    const onChain = await chain.emergencyAccess.emergencyKey();
    expect(onChain).not.toBe(ZeroHash);
    // The admin's wrap opens, with the admin's own key, to the private half of the key the chain names.
    const { keys } = await documentIdentity(ADMIN);
    const clinicPrivateKey = await unwrapKey(
      wrappedKeyBytes(bed.emergency.clinicWraps.get(ADMIN.address.toLowerCase())!),
      keys.privateKey,
    );
    expect(x25519.getPublicKey(clinicPrivateKey)).toEqual(publicKeyFromHex(onChain));
    expect(bed.emergency.clinicWraps.has(secondAdmin.toLowerCase())).toBe(false);
    await eventually(() => page.textContent?.includes('A clinic emergency key is set'));
  });
});
