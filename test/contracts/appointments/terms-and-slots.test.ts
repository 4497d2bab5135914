/** A doctor's terms (fee and slot length) and the rule that one doctor's active appointments never overlap. */
import type { TestSigner } from '../helpers/chain';
import { DAY, HOUR, SLOT_LENGTH } from '@test-support/constants';
import { increaseTime, mined } from '../helpers/chain';
import { onlyEvent } from '../helpers/events';
import { expectRevert } from '../helpers/reverts';
import { book, bookAccepted, FEE, slotIn } from '../helpers/scenarios';
import { useWorld } from '../helpers/world';

const MIN_SLOT = 5 * 60;
const MAX_SLOT = 4 * HOUR;

describe('Appointments terms and slots', () => {
  const world = useWorld();

  function request(slot: number, patient?: TestSigner, doctor?: TestSigner) {
    const { appointments, cast } = world();
    return appointments
      .connect(patient ?? cast.otherPatient)
      .requestAppointment((doctor ?? cast.doctor).address, slot, '', { value: FEE });
  }

  describe('setTerms', () => {
    it('When a verified doctor publishes terms, then they are stored and announced', async () => {
      const { appointments, cast } = world();
      expect(await appointments.doctorTerms(cast.doctor.address)).toEqual([0n, 0n]);
      const receipt = await mined(appointments.connect(cast.doctor).setTerms(FEE, SLOT_LENGTH));
      expect(onlyEvent(appointments, receipt, 'DoctorTermsSet')).toEqual([
        cast.doctor.address,
        FEE,
        BigInt(SLOT_LENGTH),
      ]);
      expect(await appointments.doctorTerms(cast.doctor.address)).toEqual([FEE, BigInt(SLOT_LENGTH)]);
      expect(await appointments.doctorFee(cast.doctor.address)).toBe(FEE);
    });

    it('When the slot length or fee is out of bounds, then setTerms fails with the bounds; the bounds themselves are allowed', async () => {
      const { appointments, cast } = world();
      const asDoctor = appointments.connect(cast.doctor);
      const invalid = [BigInt(MIN_SLOT), BigInt(MAX_SLOT)];
      await expectRevert(appointments, asDoctor.setTerms(FEE, 0), 'AppointmentsInvalidSlotLength', [0n, ...invalid]);
      await expectRevert(appointments, asDoctor.setTerms(FEE, MIN_SLOT - 1), 'AppointmentsInvalidSlotLength', [
        BigInt(MIN_SLOT - 1),
        ...invalid,
      ]);
      await expectRevert(appointments, asDoctor.setTerms(FEE, MAX_SLOT + 1), 'AppointmentsInvalidSlotLength', [
        BigInt(MAX_SLOT + 1),
        ...invalid,
      ]);
      await expectRevert(appointments, asDoctor.setTerms(2n ** 96n, SLOT_LENGTH), 'AppointmentsFeeTooLarge', [
        2n ** 96n,
        2n ** 96n - 1n,
      ]);
      expect(await appointments.doctorTerms(cast.doctor.address)).toEqual([0n, 0n]);
      await mined(asDoctor.setTerms(2n ** 96n - 1n, MIN_SLOT));
      await mined(asDoctor.setTerms(0n, MAX_SLOT));
      expect(await appointments.doctorTerms(cast.doctor.address)).toEqual([0n, BigInt(MAX_SLOT)]);
    });

    it('When someone who is not a verified doctor publishes terms, then it is refused', async () => {
      const { appointments, cast } = world();
      for (const caller of [cast.pendingDoctor, cast.revokedDoctor, cast.patient, cast.admin]) {
        await expectRevert(
          appointments,
          appointments.connect(caller).setTerms(FEE, SLOT_LENGTH),
          'AppointmentsNotVerifiedDoctor',
          [caller.address],
        );
      }
    });

    it('When a verified doctor has not published terms, then nobody can book them', async () => {
      const { appointments, cast } = world();
      await expectRevert(appointments, request(await slotIn(world(), DAY)), 'AppointmentsTermsNotSet', [
        cast.doctor.address,
      ]);
      expect(await appointments.appointmentCount()).toBe(0n);
    });

    it('When the doctor changes the slot length, then an existing appointment keeps the length it was booked with', async () => {
      const { appointments, cast } = world();
      const { id } = await book(world());
      await mined(appointments.connect(cast.doctor).setTerms(FEE, MAX_SLOT));
      expect((await appointments.getAppointment(id)).duration).toBe(BigInt(SLOT_LENGTH));
    });
  });

  describe('the slot-taken rule', () => {
    it('When a request overlaps an active appointment of the doctor in any way, then it fails naming that appointment', async () => {
      const { appointments, cast } = world();
      const { id, slot } = await book(world());
      const taken = [id, BigInt(slot), BigInt(slot + SLOT_LENGTH)];
      await expectRevert(appointments, request(slot), 'AppointmentsSlotTaken', taken);
      await expectRevert(appointments, request(slot, cast.patient), 'AppointmentsSlotTaken', taken);
      await expectRevert(appointments, request(slot - SLOT_LENGTH / 2), 'AppointmentsSlotTaken', taken);
      await expectRevert(appointments, request(slot + SLOT_LENGTH - 1), 'AppointmentsSlotTaken', taken);
      await mined(appointments.connect(cast.doctor).setTerms(FEE, 2 * SLOT_LENGTH));
      await expectRevert(appointments, request(slot - SLOT_LENGTH / 2), 'AppointmentsSlotTaken', taken);
      await mined(appointments.connect(cast.doctor).setTerms(FEE, MIN_SLOT));
      await expectRevert(appointments, request(slot + MIN_SLOT), 'AppointmentsSlotTaken', taken);
      expect(await appointments.appointmentCount()).toBe(1n);
    });

    it('When a request starts where another ends or ends where it starts, then both are held', async () => {
      const { appointments, cast } = world();
      const { slot } = await book(world());
      await mined(request(slot + SLOT_LENGTH));
      await mined(request(slot - SLOT_LENGTH, cast.patient));
      const held = await appointments.activeAppointmentsBetween(cast.doctor.address, slot - HOUR, slot + HOUR);
      // The index files appointments by hour, so the order within the answer is not by time.
      expect(held.map((a) => a.slot).sort((x, y) => Number(x - y))).toEqual(
        [slot - SLOT_LENGTH, slot, slot + SLOT_LENGTH].map(BigInt),
      );
    });

    it('When another doctor is booked at the same time, then the doctors do not block each other', async () => {
      const { appointments, cast } = world();
      const { slot } = await book(world());
      await mined(appointments.connect(cast.otherDoctor).setTerms(FEE, SLOT_LENGTH));
      await mined(request(slot, cast.patient, cast.otherDoctor));
      expect(await appointments.appointmentCount()).toBe(2n);
    });

    it('When a request is cancelled or rejected, then its time can be booked again', async () => {
      const { appointments, cast } = world();
      const cancelled = await book(world());
      await mined(appointments.connect(cast.patient).cancel(cancelled.id));
      await mined(request(cancelled.slot));
      await mined(appointments.connect(cast.doctor).reject(2));
      await mined(request(cancelled.slot, cast.patient));
      expect((await appointments.getAppointment(3)).slot).toBe(BigInt(cancelled.slot));
    });

    it('When an appointment is completed or marked a no-show during its slot, then the rest of the slot is free again', async () => {
      const { appointments, cast, provider } = world();
      await mined(appointments.connect(cast.doctor).setTerms(FEE, MAX_SLOT));
      for (const close of ['complete', 'markNoShow'] as const) {
        const { id, slot } = await bookAccepted(world(), { inSeconds: HOUR, fee: FEE });
        await increaseTime(provider, HOUR + 60);
        const later = slot + HOUR;
        await expectRevert(appointments, request(later), 'AppointmentsSlotTaken', [
          id,
          BigInt(slot),
          BigInt(slot + MAX_SLOT),
        ]);
        await mined(appointments.connect(cast.doctor)[close](id));
        await mined(request(later));
        await mined(appointments.connect(cast.doctor).reject(id + 1n));
        await increaseTime(provider, MAX_SLOT);
      }
    });

    it('When the patient reclaims an unclosed appointment, then it is no longer held', async () => {
      const { appointments, cast, provider } = world();
      const { id, slot } = await bookAccepted(world());
      const heldIds = async () =>
        (await appointments.activeAppointmentsBetween(cast.doctor.address, slot, slot + 1)).map((a) => a.id);
      expect(await heldIds()).toEqual([id]);
      await increaseTime(provider, DAY + SLOT_LENGTH + 7 * DAY);
      await mined(appointments.connect(cast.patient).reclaimFee(id));
      expect(await heldIds()).toEqual([]);
    });
  });
});
