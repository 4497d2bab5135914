import { ZeroAddress } from 'ethers';
import { DAY, HOUR, SLOT_LENGTH, UNTIL_REVOKED } from '@test-support/constants';
import { increaseTime, mined } from '../helpers/chain';
import { eventArgs, onlyEvent } from '../helpers/events';
import { expectRevert } from '../helpers/reverts';
import { book, bookAccepted, CID, FEE, slotIn, Status } from '../helpers/scenarios';
import { useWorld } from '../helpers/world';

describe('Appointments', () => {
  const world = useWorld();

  async function balanceOfContract(): Promise<bigint> {
    const { provider, appointments } = world();
    return provider.getBalance(await appointments.getAddress());
  }

  describe('requesting', () => {
    it('When a patient pays the published fee, then the request is stored, escrowed and announced with both parties', async () => {
      const { appointments, cast } = world();
      const fee = await mined(appointments.connect(cast.doctor).setTerms(FEE, SLOT_LENGTH));
      expect(onlyEvent(appointments, fee, 'DoctorTermsSet')).toEqual([cast.doctor.address, FEE, BigInt(SLOT_LENGTH)]);
      const slot = await slotIn(world(), DAY);
      const receipt = await mined(
        appointments.connect(cast.patient).requestAppointment(cast.doctor.address, slot, CID, { value: FEE }),
      );
      expect(onlyEvent(appointments, receipt, 'AppointmentRequested')).toEqual([
        1n,
        cast.patient.address,
        cast.doctor.address,
        BigInt(slot),
        FEE,
        CID,
      ]);
      const stored = await appointments.getAppointment(1);
      expect([stored.patient, stored.doctor, stored.slot, stored.status, stored.fee, stored.reasonCid]).toEqual([
        cast.patient.address,
        cast.doctor.address,
        BigInt(slot),
        Status.Requested,
        FEE,
        CID,
      ]);
      expect(await appointments.escrowed()).toBe(FEE);
      expect(await balanceOfContract()).toBe(FEE);
    });

    it('When the payment differs from the fee, then the request fails either way and nothing is escrowed', async () => {
      const { appointments, cast } = world();
      await mined(appointments.connect(cast.doctor).setTerms(FEE, SLOT_LENGTH));
      const slot = await slotIn(world(), DAY);
      const request = (value: bigint) =>
        appointments.connect(cast.patient).requestAppointment(cast.doctor.address, slot, '', { value });
      await expectRevert(appointments, request(FEE - 1n), 'AppointmentsFeeMismatch', [FEE, FEE - 1n]);
      await expectRevert(appointments, request(FEE + 1n), 'AppointmentsFeeMismatch', [FEE, FEE + 1n]);
      expect([await appointments.appointmentCount(), await appointments.escrowed(), await balanceOfContract()]).toEqual(
        [0n, 0n, 0n],
      );
    });

    it('When the input is bad, then each case fails with its own error and nothing is stored', async () => {
      const { appointments, cast } = world();
      const future = await slotIn(world(), DAY);
      const as = appointments.connect(cast.patient);
      await expectRevert(appointments, as.requestAppointment(ZeroAddress, future, ''), 'AppointmentsZeroAddress', []);
      await expectRevert(
        appointments,
        as.requestAppointment(cast.patient.address, future, ''),
        'AppointmentsSelfAppointment',
        [cast.patient.address],
      );
      await expectRevert(
        appointments,
        as.requestAppointment(cast.pendingDoctor.address, future, ''),
        'AppointmentsNotVerifiedDoctor',
        [cast.pendingDoctor.address],
      );
      await expectRevert(
        appointments,
        as.requestAppointment(cast.otherPatient.address, future, ''),
        'AppointmentsNotVerifiedDoctor',
        [cast.otherPatient.address],
      );
      const past = await slotIn(world(), -60);
      await expectRevert(appointments, as.requestAppointment(cast.doctor.address, past, ''), 'AppointmentsSlotInPast');
      await expectRevert(
        appointments,
        as.requestAppointment(cast.doctor.address, future, 'x'.repeat(129)),
        'AppointmentsInvalidCid',
        [129n, 128n],
      );
      await expectRevert(
        appointments,
        appointments.connect(cast.doctor).requestAppointment(cast.otherDoctor.address, future, ''),
        'AppointmentsNotPatient',
        [cast.doctor.address],
      );
      expect(await appointments.appointmentCount()).toBe(0n);
    });

    it('When the doctor changes the fee later, then an existing request keeps the fee it escrowed', async () => {
      const { appointments, cast } = world();
      const { id } = await book(world());
      await mined(appointments.connect(cast.doctor).setTerms(FEE * 3n, SLOT_LENGTH));
      await mined(appointments.connect(cast.doctor).reject(id));
      expect(await appointments.pendingWithdrawal(cast.patient.address)).toBe(FEE);
    });
  });

  describe('status machine and escrow', () => {
    it('When the doctor accepts and later completes, then the fee is released to the doctor and withdrawn once', async () => {
      const { appointments, cast, provider } = world();
      const { id } = await bookAccepted(world());
      expect((await appointments.getAppointment(id)).status).toBe(Status.Accepted);
      await expectRevert(appointments, appointments.connect(cast.doctor).complete(id), 'AppointmentsSlotNotReached');
      await increaseTime(provider, DAY + 1);
      const receipt = await mined(appointments.connect(cast.doctor).complete(id));
      expect(onlyEvent(appointments, receipt, 'AppointmentStatusChanged')).toEqual([
        id,
        cast.patient.address,
        cast.doctor.address,
        Status.Completed,
        cast.doctor.address,
      ]);
      expect(onlyEvent(appointments, receipt, 'PaymentReleased')).toEqual([id, cast.doctor.address, FEE]);
      expect([await appointments.escrowed(), await appointments.pendingWithdrawal(cast.doctor.address)]).toEqual([
        0n,
        FEE,
      ]);

      const before = await provider.getBalance(cast.doctor.address);
      const withdrawal = await mined(appointments.connect(cast.doctor).withdraw());
      expect(onlyEvent(appointments, withdrawal, 'Withdrawn')).toEqual([cast.doctor.address, FEE]);
      const gas = withdrawal.gasUsed * withdrawal.gasPrice;
      expect(await provider.getBalance(cast.doctor.address)).toBe(before + FEE - gas);
      expect(await balanceOfContract()).toBe(0n);
      await expectRevert(appointments, appointments.connect(cast.doctor).withdraw(), 'AppointmentsNothingToWithdraw', [
        cast.doctor.address,
      ]);
    });

    it('When the doctor marks a no-show after the slot, then the fee stays held in escrow for the dispute period', async () => {
      const { appointments, cast, provider } = world();
      const { id } = await bookAccepted(world());
      await expectRevert(appointments, appointments.connect(cast.doctor).markNoShow(id), 'AppointmentsSlotNotReached');
      await increaseTime(provider, DAY + 1);
      const receipt = await mined(appointments.connect(cast.doctor).markNoShow(id));
      expect(onlyEvent(appointments, receipt, 'AppointmentStatusChanged')).toEqual([
        id,
        cast.patient.address,
        cast.doctor.address,
        Status.NoShow,
        cast.doctor.address,
      ]);
      expect(eventArgs(appointments, receipt, 'PaymentReleased')).toEqual([]);
      expect(await appointments.pendingWithdrawal(cast.doctor.address)).toBe(0n);
      expect([await appointments.escrowed(), await balanceOfContract()]).toEqual([FEE, FEE]);
      expect((await appointments.getAppointment(id)).feeSettled).toBe(false);
    });

    it('When the doctor rejects a request, then the patient gets the fee back', async () => {
      const { appointments, cast } = world();
      const { id } = await book(world());
      const receipt = await mined(appointments.connect(cast.doctor).reject(id));
      expect(onlyEvent(appointments, receipt, 'AppointmentStatusChanged')).toEqual([
        id,
        cast.patient.address,
        cast.doctor.address,
        Status.Rejected,
        cast.doctor.address,
      ]);
      expect(onlyEvent(appointments, receipt, 'PaymentReleased')).toEqual([id, cast.patient.address, FEE]);
      expect(await appointments.pendingWithdrawal(cast.patient.address)).toBe(FEE);
    });

    it('When either party cancels an accepted appointment before the slot, then the patient is refunded', async () => {
      const { appointments, cast } = world();
      const first = await bookAccepted(world());
      const byPatient = await mined(appointments.connect(cast.patient).cancel(first.id));
      expect(onlyEvent(appointments, byPatient, 'AppointmentStatusChanged')).toEqual([
        first.id,
        cast.patient.address,
        cast.doctor.address,
        Status.Cancelled,
        cast.patient.address,
      ]);
      const second = await bookAccepted(world());
      const byDoctor = await mined(appointments.connect(cast.doctor).cancel(second.id));
      expect(onlyEvent(appointments, byDoctor, 'AppointmentStatusChanged')).toEqual([
        second.id,
        cast.patient.address,
        cast.doctor.address,
        Status.Cancelled,
        cast.doctor.address,
      ]);
      expect(eventArgs(appointments, byDoctor, 'PaymentReleased')).toEqual([[second.id, cast.patient.address, FEE]]);
      expect(await appointments.pendingWithdrawal(cast.patient.address)).toBe(2n * FEE);
    });

    it('When the patient revokes the doctor after requesting, then the doctor cannot accept the old request and the fee can return', async () => {
      // Finding 4: accepting a request filed before a revocation used to grant access again.
      const { appointments, consent, cast } = world();
      const { id } = await book(world());
      await mined(consent.connect(cast.patient).grantAccess(cast.doctor.address, UNTIL_REVOKED));
      await mined(consent.connect(cast.patient).revokeAccess(cast.doctor.address));
      expect((await appointments.getAppointment(id)).consentEpoch).toBe(0n);
      await expectRevert(
        appointments,
        appointments.connect(cast.doctor).accept(id),
        'AppointmentsConsentRevokedSinceRequest',
        [id],
      );
      expect(await consent.hasAccess(cast.patient.address, cast.doctor.address)).toBe(false);
      await mined(appointments.connect(cast.doctor).reject(id));
      expect(await appointments.pendingWithdrawal(cast.patient.address)).toBe(FEE);
      const again = await bookAccepted(world());
      expect((await appointments.getAppointment(again.id)).consentEpoch).toBe(1n);
      expect(await consent.hasAccess(cast.patient.address, cast.doctor.address)).toBe(true);
    });

    it('When the slot has passed, then nobody can cancel an accepted appointment', async () => {
      const { appointments, cast, provider } = world();
      const { id, slot } = await bookAccepted(world(), { inSeconds: HOUR });
      await increaseTime(provider, HOUR + 1);
      await expectRevert(appointments, appointments.connect(cast.patient).cancel(id), 'AppointmentsSlotPassed', [
        id,
        BigInt(slot),
      ]);
      await expectRevert(appointments, appointments.connect(cast.doctor).cancel(id), 'AppointmentsSlotPassed', [
        id,
        BigInt(slot),
      ]);
    });

    it('When the doctor is revoked after accepting, then the patient can still cancel after the slot and get the fee back', async () => {
      const { appointments, registry, cast, provider } = world();
      const { id } = await bookAccepted(world(), { inSeconds: HOUR });
      await mined(registry.revokeDoctor(cast.doctor.address, 1));
      await increaseTime(provider, HOUR + 1);
      await expectRevert(
        appointments,
        appointments.connect(cast.doctor).complete(id),
        'AppointmentsNotVerifiedDoctor',
        [cast.doctor.address],
      );
      await mined(appointments.connect(cast.patient).cancel(id));
      expect(await appointments.pendingWithdrawal(cast.patient.address)).toBe(FEE);
    });

    it('When a transition is repeated or does not fit the status, then it fails with the current status and nothing moves', async () => {
      const { appointments, cast, provider } = world();
      const { id } = await bookAccepted(world());
      const doctor = appointments.connect(cast.doctor);
      await expectRevert(appointments, doctor.accept(id), 'AppointmentsInvalidStatus', [id, Status.Accepted]);
      await expectRevert(appointments, doctor.reject(id), 'AppointmentsInvalidStatus', [id, Status.Accepted]);
      await increaseTime(provider, DAY + 1);
      await mined(doctor.complete(id));
      await expectRevert(appointments, doctor.complete(id), 'AppointmentsInvalidStatus', [id, Status.Completed]);
      await expectRevert(appointments, doctor.markNoShow(id), 'AppointmentsInvalidStatus', [id, Status.Completed]);
      await expectRevert(appointments, appointments.connect(cast.patient).cancel(id), 'AppointmentsInvalidStatus', [
        id,
        Status.Completed,
      ]);
      expect(await appointments.pendingWithdrawal(cast.doctor.address)).toBe(FEE);
      expect(await appointments.pendingWithdrawal(cast.patient.address)).toBe(0n);
    });

    it('When an id is unknown or the caller is not the party, then the call fails with the id', async () => {
      const { appointments, cast } = world();
      const { id } = await book(world());
      await expectRevert(appointments, appointments.connect(cast.doctor).accept(99), 'AppointmentsUnknownAppointment', [
        99n,
      ]);
      await expectRevert(appointments, appointments.connect(cast.doctor).cancel(0), 'AppointmentsUnknownAppointment', [
        0n,
      ]);
      await expectRevert(appointments, appointments.connect(cast.otherDoctor).accept(id), 'AppointmentsUnauthorized', [
        id,
        cast.otherDoctor.address,
      ]);
      await expectRevert(appointments, appointments.connect(cast.otherPatient).cancel(id), 'AppointmentsUnauthorized', [
        id,
        cast.otherPatient.address,
      ]);
      await expectRevert(appointments, appointments.connect(cast.doctor).cancel(id), 'AppointmentsUnauthorized', [
        id,
        cast.doctor.address,
      ]);
      await expect(appointments.getAppointment(7)).rejects.toMatchObject({
        revert: { name: 'AppointmentsUnknownAppointment' },
      });
    });

    it('When a free appointment settles, then no payment is released', async () => {
      const { appointments, cast } = world();
      const { id } = await book(world(), { fee: 0n });
      const receipt = await mined(appointments.connect(cast.doctor).reject(id));
      expect(eventArgs(appointments, receipt, 'PaymentReleased')).toEqual([]);
      expect(await appointments.pendingWithdrawal(cast.patient.address)).toBe(0n);
    });
  });
});
