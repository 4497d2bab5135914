import { ZeroHash, id, solidityPackedKeccak256, type ContractTransactionReceipt, type JsonRpcProvider } from 'ethers';
import { DAY, HOUR } from '@test-support/constants';
import { increaseTime, mined } from '../helpers/chain';
import { onlyEvent } from '../helpers/events';
import { expectRevert } from '../helpers/reverts';
import { useWorld, WORLD_REVOCATION_REASON } from '../helpers/world';

/** What the API commits for a justification: keccak256(abi.encodePacked(bytes32 salt, string text)). */
const JUSTIFICATION = solidityPackedKeccak256(
  ['bytes32', 'string'],
  [id('salt'), 'Unconscious on arrival; allergies and current medications needed'],
);
const MAX_WINDOW = 72 * HOUR;
/** An X25519 public key (32 bytes); its value does not matter here. */
const CLINIC_KEY = `0x${'5e'.repeat(32)}`;

async function blockTime(provider: JsonRpcProvider, receipt: ContractTransactionReceipt): Promise<number> {
  return (await provider.getBlock(receipt.blockNumber))!.timestamp;
}

/** Mines a block at exactly `timestamp`; Ganache runs view calls at the latest block's time. */
async function mineAt(provider: JsonRpcProvider, timestamp: number): Promise<void> {
  await provider.send('evm_mine', [{ timestamp }]);
}

describe('EmergencyAccess', () => {
  const world = useWorld();

  describe('break-glass', () => {
    it('When a verified doctor breaks the glass, then access opens for 24 hours and closes exactly at the end', async () => {
      const { emergencyAccess, cast, provider } = world();
      const [patient, doctor] = [cast.patient.address, cast.doctor.address];
      expect(await emergencyAccess.window()).toBe(BigInt(DAY));
      const receipt = await mined(emergencyAccess.connect(cast.doctor).breakGlass(patient, JUSTIFICATION));
      const expiresAt = (await blockTime(provider, receipt)) + DAY;
      expect(onlyEvent(emergencyAccess, receipt, 'EmergencyAccessOpened')).toEqual([
        patient,
        doctor,
        JUSTIFICATION,
        BigInt(expiresAt),
        1n,
      ]);
      expect(await emergencyAccess.emergencyAccessExpiry(patient, doctor)).toBe(BigInt(expiresAt));
      expect(await emergencyAccess.hasEmergencyAccess(patient, doctor)).toBe(true);
      expect(await emergencyAccess.hasEmergencyAccess(patient, cast.otherDoctor.address)).toBe(false);
      expect(await emergencyAccess.hasEmergencyAccess(cast.otherPatient.address, doctor)).toBe(false);

      await increaseTime(provider, DAY - HOUR);
      expect(await emergencyAccess.hasEmergencyAccess(patient, doctor)).toBe(true);
      await mineAt(provider, expiresAt - 1);
      expect(await emergencyAccess.hasEmergencyAccess(patient, doctor)).toBe(true);
      await mineAt(provider, expiresAt);
      expect(await emergencyAccess.hasEmergencyAccess(patient, doctor)).toBe(false);
      await expectRevert(
        emergencyAccess,
        emergencyAccess.connect(cast.patient).endEmergencyAccess(patient, doctor),
        'EmergencyAccessNotOpen',
        [patient, doctor],
      );
    });

    it('When the justification commitment is zero, then the glass stays shut', async () => {
      const { emergencyAccess, cast } = world();
      await expectRevert(
        emergencyAccess,
        emergencyAccess.connect(cast.doctor).breakGlass(cast.patient.address, ZeroHash),
        'EmergencyJustificationRequired',
        [],
      );
      expect(await emergencyAccess.emergencyAccessExpiry(cast.patient.address, cast.doctor.address)).toBe(0n);
      expect(await emergencyAccess.emergencyUses(cast.doctor.address)).toBe(0n);
    });

    it('When anyone but a verified doctor breaks the glass, or the target is not a patient, then it fails naming them', async () => {
      const { emergencyAccess, cast } = world();
      for (const caller of [cast.pendingDoctor, cast.revokedDoctor, cast.patient, cast.stranger, cast.admin]) {
        await expectRevert(
          emergencyAccess,
          emergencyAccess.connect(caller).breakGlass(cast.otherPatient.address, JUSTIFICATION),
          'EmergencyNotVerifiedDoctor',
          [caller.address],
        );
      }
      for (const target of [cast.stranger, cast.otherDoctor]) {
        await expectRevert(
          emergencyAccess,
          emergencyAccess.connect(cast.doctor).breakGlass(target.address, JUSTIFICATION),
          'EmergencyNotPatient',
          [target.address],
        );
      }
      expect(await emergencyAccess.emergencyUses(cast.doctor.address)).toBe(0n);
    });

    it('When the doctor is revoked mid-window, then the emergency access ends at once', async () => {
      const { emergencyAccess, registry, cast } = world();
      const [patient, doctor] = [cast.patient.address, cast.doctor.address];
      await mined(emergencyAccess.connect(cast.doctor).breakGlass(patient, JUSTIFICATION));
      await mined(registry.revokeDoctor(doctor, WORLD_REVOCATION_REASON));
      expect(await emergencyAccess.hasEmergencyAccess(patient, doctor)).toBe(false);
      await expectRevert(
        emergencyAccess,
        emergencyAccess.connect(cast.doctor).breakGlass(patient, JUSTIFICATION),
        'EmergencyNotVerifiedDoctor',
        [doctor],
      );
    });

    it('When a doctor breaks the glass again, then the window restarts and every use is counted for that doctor', async () => {
      const { emergencyAccess, cast, provider } = world();
      const asDoctor = emergencyAccess.connect(cast.doctor);
      await mined(asDoctor.breakGlass(cast.patient.address, JUSTIFICATION));
      await mined(asDoctor.breakGlass(cast.otherPatient.address, JUSTIFICATION));
      await increaseTime(provider, HOUR);
      const again = await mined(asDoctor.breakGlass(cast.patient.address, JUSTIFICATION));
      const expiresAt = BigInt((await blockTime(provider, again)) + DAY);
      expect(onlyEvent(emergencyAccess, again, 'EmergencyAccessOpened')).toEqual([
        cast.patient.address,
        cast.doctor.address,
        JUSTIFICATION,
        expiresAt,
        3n,
      ]);
      expect(await emergencyAccess.emergencyAccessExpiry(cast.patient.address, cast.doctor.address)).toBe(expiresAt);
      expect(await emergencyAccess.emergencyUses(cast.doctor.address)).toBe(3n);
      const other = await mined(
        emergencyAccess.connect(cast.otherDoctor).breakGlass(cast.patient.address, JUSTIFICATION),
      );
      expect(onlyEvent(emergencyAccess, other, 'EmergencyAccessOpened')[4]).toBe(1n);
      expect(await emergencyAccess.emergencyUses(cast.otherDoctor.address)).toBe(1n);
    });
  });

  describe('ending early', () => {
    it.each(['patient', 'doctor', 'admin'] as const)(
      'When the %s ends an open access, then it closes at once and cannot be ended twice',
      async (closer) => {
        const { emergencyAccess, cast } = world();
        const [patient, doctor] = [cast.patient.address, cast.doctor.address];
        await mined(emergencyAccess.connect(cast.doctor).breakGlass(patient, JUSTIFICATION));
        const receipt = await mined(emergencyAccess.connect(cast[closer]).endEmergencyAccess(patient, doctor));
        expect(onlyEvent(emergencyAccess, receipt, 'EmergencyAccessEnded')).toEqual([
          patient,
          doctor,
          cast[closer].address,
        ]);
        expect(await emergencyAccess.hasEmergencyAccess(patient, doctor)).toBe(false);
        expect(await emergencyAccess.emergencyAccessExpiry(patient, doctor)).toBe(0n);
        await expectRevert(
          emergencyAccess,
          emergencyAccess.connect(cast[closer]).endEmergencyAccess(patient, doctor),
          'EmergencyAccessNotOpen',
          [patient, doctor],
        );
      },
    );

    it('When a stranger, another doctor or another patient ends it, then it fails naming them and stays open', async () => {
      const { emergencyAccess, cast } = world();
      const [patient, doctor] = [cast.patient.address, cast.doctor.address];
      await mined(emergencyAccess.connect(cast.doctor).breakGlass(patient, JUSTIFICATION));
      for (const caller of [cast.stranger, cast.otherDoctor, cast.otherPatient]) {
        await expectRevert(
          emergencyAccess,
          emergencyAccess.connect(caller).endEmergencyAccess(patient, doctor),
          'EmergencyUnauthorizedCloser',
          [caller.address],
        );
      }
      expect(await emergencyAccess.hasEmergencyAccess(patient, doctor)).toBe(true);
    });
  });

  describe('settings', () => {
    it('When an admin sets the window within 1 to 72 hours, then the next break-glass uses it and open ones keep theirs', async () => {
      const { emergencyAccess, cast, provider } = world();
      const asDoctor = emergencyAccess.connect(cast.doctor);
      const opened = await mined(asDoctor.breakGlass(cast.otherPatient.address, JUSTIFICATION));
      const openedUntil = BigInt((await blockTime(provider, opened)) + DAY);

      const shortest = await mined(emergencyAccess.setWindow(HOUR));
      expect(onlyEvent(emergencyAccess, shortest, 'EmergencyWindowChanged')).toEqual([
        cast.admin.address,
        BigInt(DAY),
        BigInt(HOUR),
      ]);
      const longest = await mined(emergencyAccess.setWindow(MAX_WINDOW));
      expect(onlyEvent(emergencyAccess, longest, 'EmergencyWindowChanged')).toEqual([
        cast.admin.address,
        BigInt(HOUR),
        BigInt(MAX_WINDOW),
      ]);
      await mined(emergencyAccess.setWindow(2 * HOUR));
      expect(await emergencyAccess.window()).toBe(BigInt(2 * HOUR));

      const next = await mined(asDoctor.breakGlass(cast.patient.address, JUSTIFICATION));
      expect(await emergencyAccess.emergencyAccessExpiry(cast.patient.address, cast.doctor.address)).toBe(
        BigInt((await blockTime(provider, next)) + 2 * HOUR),
      );
      expect(await emergencyAccess.emergencyAccessExpiry(cast.otherPatient.address, cast.doctor.address)).toBe(
        openedUntil,
      );
    });

    it('When the window is out of bounds or the caller is not an admin, then setting it fails', async () => {
      const { emergencyAccess, cast } = world();
      const bounds = [BigInt(HOUR), BigInt(MAX_WINDOW)];
      for (const window of [0, HOUR - 1, MAX_WINDOW + 1]) {
        await expectRevert(emergencyAccess, emergencyAccess.setWindow(window), 'EmergencyInvalidWindow', [
          BigInt(window),
          ...bounds,
        ]);
      }
      await expectRevert(
        emergencyAccess,
        emergencyAccess.connect(cast.doctor).setWindow(2 * HOUR),
        'GovernedUnauthorizedAdmin',
        [cast.doctor.address],
      );
      expect(await emergencyAccess.window()).toBe(BigInt(DAY));
    });

    it('When a patient turns emergency sharing on and off, then the chain says so; non-patients cannot', async () => {
      const { emergencyAccess, cast } = world();
      const asPatient = emergencyAccess.connect(cast.patient);
      expect(await emergencyAccess.emergencySharing(cast.patient.address)).toBe(false);
      const on = await mined(asPatient.setEmergencySharing(true));
      expect(onlyEvent(emergencyAccess, on, 'EmergencySharingChanged')).toEqual([cast.patient.address, true]);
      expect(await emergencyAccess.emergencySharing(cast.patient.address)).toBe(true);
      expect(await emergencyAccess.emergencySharing(cast.otherPatient.address)).toBe(false);
      const off = await mined(asPatient.setEmergencySharing(false));
      expect(onlyEvent(emergencyAccess, off, 'EmergencySharingChanged')).toEqual([cast.patient.address, false]);
      expect(await emergencyAccess.emergencySharing(cast.patient.address)).toBe(false);
      for (const caller of [cast.doctor, cast.admin, cast.stranger]) {
        await expectRevert(
          emergencyAccess,
          emergencyAccess.connect(caller).setEmergencySharing(true),
          'EmergencyNotPatient',
          [caller.address],
        );
      }
    });

    it('When an admin sets the clinic emergency key, then everyone reads it; a zero key or a non-admin fails', async () => {
      const { emergencyAccess, cast } = world();
      expect(await emergencyAccess.emergencyKey()).toBe(ZeroHash);
      const receipt = await mined(emergencyAccess.setEmergencyKey(CLINIC_KEY));
      expect(onlyEvent(emergencyAccess, receipt, 'EmergencyKeyChanged')).toEqual([cast.admin.address, CLINIC_KEY]);
      expect(await emergencyAccess.emergencyKey()).toBe(CLINIC_KEY);
      await expectRevert(emergencyAccess, emergencyAccess.setEmergencyKey(ZeroHash), 'EmergencyZeroKey', []);
      await expectRevert(
        emergencyAccess,
        emergencyAccess.connect(cast.doctor).setEmergencyKey(id('other key')),
        'GovernedUnauthorizedAdmin',
        [cast.doctor.address],
      );
      expect(await emergencyAccess.emergencyKey()).toBe(CLINIC_KEY);
    });
  });
});
