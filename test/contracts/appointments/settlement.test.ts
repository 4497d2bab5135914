/**
 * After the slot: the doctor's closing deadline, the patient's fee reclaim, no-show disputes, the doctor's
 * claim of an undisputed no-show fee, the admin's settlement, and the admin-set periods behind all of them.
 */
import { DAY, SLOT_LENGTH } from '@test-support/constants';
import { increaseTime, mined } from '../helpers/chain';
import { eventArgs, onlyEvent } from '../helpers/events';
import { expectRevert } from '../helpers/reverts';
import { bookAccepted, FEE, Status } from '../helpers/scenarios';
import { useWorld } from '../helpers/world';

/** Default closing grace period and dispute period. */
const PERIOD = 7 * DAY;

describe('Appointments settlement', () => {
  const world = useWorld();

  /** An accepted appointment, one day ahead; `deadline` is when its doctor can no longer close it. */
  async function accepted(fee = FEE) {
    const booked = await bookAccepted(world(), { fee });
    return { ...booked, deadline: BigInt(booked.slot + SLOT_LENGTH + PERIOD) };
  }

  /** An accepted appointment the doctor marked a no-show just after its slot; `deadline` ends the dispute period. */
  async function noShow(fee = FEE) {
    const { appointments, cast, provider } = world();
    const { id } = await accepted(fee);
    await increaseTime(provider, DAY + 1);
    await mined(appointments.connect(cast.doctor).markNoShow(id));
    return { id, deadline: (await appointments.getAppointment(id)).updatedAt + BigInt(PERIOD) };
  }

  describe('closing deadline and reclaim', () => {
    it('When the doctor closes within the grace period after the slot, then it works', async () => {
      const { appointments, cast, provider } = world();
      const { id } = await accepted();
      await increaseTime(provider, DAY + SLOT_LENGTH + PERIOD - DAY);
      await mined(appointments.connect(cast.doctor).complete(id));
      expect(await appointments.pendingWithdrawal(cast.doctor.address)).toBe(FEE);
    });

    it('When the grace period is over, then the doctor can no longer complete or mark a no-show', async () => {
      const { appointments, cast, provider } = world();
      const { id, deadline } = await accepted();
      await increaseTime(provider, DAY + SLOT_LENGTH + PERIOD);
      const doctor = appointments.connect(cast.doctor);
      await expectRevert(appointments, doctor.complete(id), 'AppointmentsClosingPeriodOver', [id, deadline]);
      await expectRevert(appointments, doctor.markNoShow(id), 'AppointmentsClosingPeriodOver', [id, deadline]);
    });

    it('When the patient reclaims before the deadline, then it is refused; afterwards the appointment expires and the fee returns', async () => {
      const { appointments, consent, cast, provider } = world();
      const { id, deadline } = await accepted();
      const patient = appointments.connect(cast.patient);
      await expectRevert(appointments, patient.reclaimFee(id), 'AppointmentsClosingPeriodNotOver', [id, deadline]);
      await increaseTime(provider, DAY + SLOT_LENGTH + 1);
      await expectRevert(appointments, patient.reclaimFee(id), 'AppointmentsClosingPeriodNotOver', [id, deadline]);
      await increaseTime(provider, PERIOD);
      const receipt = await mined(patient.reclaimFee(id));
      expect(onlyEvent(appointments, receipt, 'AppointmentStatusChanged')).toEqual([
        id,
        cast.patient.address,
        cast.doctor.address,
        Status.Expired,
        cast.patient.address,
      ]);
      expect(onlyEvent(appointments, receipt, 'PaymentReleased')).toEqual([id, cast.patient.address, FEE]);
      expect([await appointments.escrowed(), await appointments.pendingWithdrawal(cast.patient.address)]).toEqual([
        0n,
        FEE,
      ]);
      expect((await consent.getAccess(cast.patient.address, cast.doctor.address)).openBookings).toBe(0n);
      await expectRevert(appointments, patient.reclaimFee(id), 'AppointmentsInvalidStatus', [id, Status.Expired]);
    });

    it('When someone other than the patient reclaims, then it is refused', async () => {
      const { appointments, cast, provider } = world();
      const { id } = await accepted();
      await increaseTime(provider, DAY + SLOT_LENGTH + PERIOD);
      for (const caller of [cast.doctor, cast.otherPatient, cast.admin]) {
        await expectRevert(appointments, appointments.connect(caller).reclaimFee(id), 'AppointmentsUnauthorized', [
          id,
          caller.address,
        ]);
      }
    });
  });

  describe('no-show disputes', () => {
    it('When the patient disputes within the period, then the appointment is disputed and the fee stays held', async () => {
      const { appointments, cast } = world();
      const { id } = await noShow();
      await expectRevert(
        appointments,
        appointments.connect(cast.doctor).disputeNoShow(id),
        'AppointmentsUnauthorized',
        [id, cast.doctor.address],
      );
      const receipt = await mined(appointments.connect(cast.patient).disputeNoShow(id));
      expect(onlyEvent(appointments, receipt, 'AppointmentStatusChanged')).toEqual([
        id,
        cast.patient.address,
        cast.doctor.address,
        Status.Disputed,
        cast.patient.address,
      ]);
      expect(eventArgs(appointments, receipt, 'PaymentReleased')).toEqual([]);
      expect(await appointments.escrowed()).toBe(FEE);
      await expectRevert(
        appointments,
        appointments.connect(cast.doctor).claimNoShowFee(id),
        'AppointmentsInvalidStatus',
        [id, Status.Disputed],
      );
    });

    it('When the dispute period is over, then the patient can no longer dispute', async () => {
      const { appointments, cast, provider } = world();
      const { id, deadline } = await noShow();
      await increaseTime(provider, PERIOD);
      await expectRevert(
        appointments,
        appointments.connect(cast.patient).disputeNoShow(id),
        'AppointmentsDisputePeriodOver',
        [id, deadline],
      );
    });

    it('When the doctor claims an undisputed no-show fee, then only after the period and only once', async () => {
      const { appointments, cast, provider } = world();
      const { id, deadline } = await noShow();
      const doctor = appointments.connect(cast.doctor);
      await expectRevert(appointments, doctor.claimNoShowFee(id), 'AppointmentsDisputePeriodNotOver', [id, deadline]);
      await expectRevert(
        appointments,
        appointments.connect(cast.patient).claimNoShowFee(id),
        'AppointmentsUnauthorized',
        [id, cast.patient.address],
      );
      await increaseTime(provider, PERIOD);
      const receipt = await mined(doctor.claimNoShowFee(id));
      expect(onlyEvent(appointments, receipt, 'PaymentReleased')).toEqual([id, cast.doctor.address, FEE]);
      const settled = await appointments.getAppointment(id);
      expect([settled.status, settled.feeSettled]).toEqual([Status.NoShow, true]);
      expect([await appointments.escrowed(), await appointments.pendingWithdrawal(cast.doctor.address)]).toEqual([
        0n,
        FEE,
      ]);
      await expectRevert(appointments, doctor.claimNoShowFee(id), 'AppointmentsFeeAlreadySettled', [id]);
    });

    it('When a free appointment is marked a no-show, then there is nothing held to dispute or claim', async () => {
      const { appointments, cast, provider } = world();
      const { id } = await noShow(0n);
      expect((await appointments.getAppointment(id)).feeSettled).toBe(true);
      await expectRevert(
        appointments,
        appointments.connect(cast.patient).disputeNoShow(id),
        'AppointmentsFeeAlreadySettled',
        [id],
      );
      await increaseTime(provider, PERIOD);
      await expectRevert(
        appointments,
        appointments.connect(cast.doctor).claimNoShowFee(id),
        'AppointmentsFeeAlreadySettled',
        [id],
      );
    });

    it('When an admin settles a dispute for the patient, then it is refunded', async () => {
      const { appointments, cast } = world();
      const { id } = await noShow();
      await mined(appointments.connect(cast.patient).disputeNoShow(id));
      const receipt = await mined(appointments.connect(cast.admin).settleDispute(id, true));
      expect(onlyEvent(appointments, receipt, 'AppointmentStatusChanged')).toEqual([
        id,
        cast.patient.address,
        cast.doctor.address,
        Status.Refunded,
        cast.admin.address,
      ]);
      expect(onlyEvent(appointments, receipt, 'PaymentReleased')).toEqual([id, cast.patient.address, FEE]);
      expect(await appointments.escrowed()).toBe(0n);
    });

    it('When an admin settles a dispute for the doctor, then the no-show stands, the doctor is paid and nothing can reopen it', async () => {
      const { appointments, cast, provider } = world();
      const { id } = await noShow();
      await mined(appointments.connect(cast.patient).disputeNoShow(id));
      await expectRevert(
        appointments,
        appointments.connect(cast.doctor).settleDispute(id, false),
        'GovernedUnauthorizedAdmin',
        [cast.doctor.address],
      );
      const receipt = await mined(appointments.connect(cast.admin).settleDispute(id, false));
      expect(onlyEvent(appointments, receipt, 'AppointmentStatusChanged')[3]).toBe(Status.NoShow);
      expect(onlyEvent(appointments, receipt, 'PaymentReleased')).toEqual([id, cast.doctor.address, FEE]);
      await expectRevert(
        appointments,
        appointments.connect(cast.patient).disputeNoShow(id),
        'AppointmentsFeeAlreadySettled',
        [id],
      );
      await increaseTime(provider, PERIOD);
      await expectRevert(
        appointments,
        appointments.connect(cast.doctor).claimNoShowFee(id),
        'AppointmentsFeeAlreadySettled',
        [id],
      );
      await expectRevert(
        appointments,
        appointments.connect(cast.admin).settleDispute(id, true),
        'AppointmentsInvalidStatus',
        [id, Status.NoShow],
      );
      expect(await appointments.pendingWithdrawal(cast.doctor.address)).toBe(FEE);
    });
  });

  describe('settlement periods', () => {
    it('When an admin sets the periods, then they are announced and apply to appointments not settled yet', async () => {
      const { appointments, cast, provider } = world();
      expect([await appointments.closingGracePeriod(), await appointments.disputePeriod()]).toEqual([
        BigInt(PERIOD),
        BigInt(PERIOD),
      ]);
      const { id } = await accepted();
      const receipt = await mined(appointments.setSettlementPeriods(DAY, 2 * DAY));
      expect(onlyEvent(appointments, receipt, 'SettlementPeriodsChanged')).toEqual([
        cast.admin.address,
        BigInt(DAY),
        BigInt(2 * DAY),
      ]);
      await increaseTime(provider, DAY + SLOT_LENGTH + DAY);
      await mined(appointments.connect(cast.patient).reclaimFee(id));
      // With the default 7 days both calls below would still be refused.
      const held = await noShow();
      await increaseTime(provider, 2 * DAY);
      await mined(appointments.connect(cast.doctor).claimNoShowFee(held.id));
    });

    it('When a period is out of bounds or the caller is not an admin, then nothing changes', async () => {
      const { appointments, cast } = world();
      const bounds = [BigInt(DAY), BigInt(30 * DAY)];
      for (const [grace, dispute, bad] of [
        [DAY - 1, DAY, DAY - 1],
        [DAY, 30 * DAY + 1, 30 * DAY + 1],
        [0, DAY, 0],
      ]) {
        await expectRevert(
          appointments,
          appointments.setSettlementPeriods(grace, dispute),
          'AppointmentsInvalidPeriod',
          [BigInt(bad), ...bounds],
        );
      }
      await expectRevert(
        appointments,
        appointments.connect(cast.doctor).setSettlementPeriods(DAY, DAY),
        'GovernedUnauthorizedAdmin',
        [cast.doctor.address],
      );
      await mined(appointments.setSettlementPeriods(DAY, 30 * DAY));
      expect([await appointments.closingGracePeriod(), await appointments.disputePeriod()]).toEqual([
        BigInt(DAY),
        BigInt(30 * DAY),
      ]);
    });
  });
});
