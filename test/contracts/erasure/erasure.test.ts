import { ZeroHash, id } from 'ethers';
import { mined } from '../helpers/chain';
import { onlyEvent } from '../helpers/events';
import { expectRevert } from '../helpers/reverts';
import { useWorld } from '../helpers/world';

/** An admin's commitment to the verified erasure request it acts on (a hash of the request's reference). */
const REQUEST = id('erasure-request-2026-0042');

describe('Erasure', () => {
  const world = useWorld();

  it('When a patient erases, then the tombstone is the transaction block, by the patient, with no request', async () => {
    const { erasure, registry, cast } = world();
    expect(await erasure.erasedAtBlock(cast.patient.address)).toBe(0n);
    const receipt = await mined(erasure.connect(cast.patient).erase());
    expect(onlyEvent(erasure, receipt, 'PatientErased')).toEqual([
      cast.patient.address,
      cast.patient.address,
      ZeroHash,
    ]);
    expect(await erasure.erasedAtBlock(cast.patient.address)).toBe(BigInt(receipt.blockNumber));
    expect(await erasure.erasedAtBlock(cast.otherPatient.address)).toBe(0n);
    // The patient stays registered: what they add afterwards is theirs until their next erasure.
    expect(await registry.isPatient(cast.patient.address)).toBe(true);
  });

  it('When a patient erases a second time, then the tombstone moves to the later block', async () => {
    const { erasure, cast } = world();
    const first = await mined(erasure.connect(cast.patient).erase());
    const second = await mined(erasure.connect(cast.patient).erase());
    expect(second.blockNumber).toBeGreaterThan(first.blockNumber);
    expect(await erasure.erasedAtBlock(cast.patient.address)).toBe(BigInt(second.blockNumber));
  });

  it('When anyone but a registered patient erases, then it fails naming them', async () => {
    const { erasure, cast } = world();
    for (const caller of [cast.admin, cast.doctor, cast.pendingDoctor, cast.stranger]) {
      await expectRevert(erasure, erasure.connect(caller).erase(), 'ErasureNotPatient', [caller.address]);
      expect(await erasure.erasedAtBlock(caller.address)).toBe(0n);
    }
  });

  it('When an admin erases for a patient with a request commitment, then the tombstone names the admin and the request', async () => {
    const { erasure, cast } = world();
    const receipt = await mined(erasure.eraseFor(cast.patient.address, REQUEST));
    expect(onlyEvent(erasure, receipt, 'PatientErased')).toEqual([cast.patient.address, cast.admin.address, REQUEST]);
    expect(await erasure.erasedAtBlock(cast.patient.address)).toBe(BigInt(receipt.blockNumber));
  });

  it('When an admin gives no request commitment or a non-patient, or a non-admin tries, then nothing is erased', async () => {
    const { erasure, cast } = world();
    await expectRevert(erasure, erasure.eraseFor(cast.patient.address, ZeroHash), 'ErasureRequestRequired', []);
    for (const target of [cast.stranger, cast.doctor]) {
      await expectRevert(erasure, erasure.eraseFor(target.address, REQUEST), 'ErasureNotPatient', [target.address]);
    }
    for (const caller of [cast.doctor, cast.patient]) {
      await expectRevert(
        erasure,
        erasure.connect(caller).eraseFor(cast.otherPatient.address, REQUEST),
        'GovernedUnauthorizedAdmin',
        [caller.address],
      );
    }
    expect(await erasure.erasedAtBlock(cast.patient.address)).toBe(0n);
    expect(await erasure.erasedAtBlock(cast.otherPatient.address)).toBe(0n);
  });
});
