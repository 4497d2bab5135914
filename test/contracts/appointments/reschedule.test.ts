/** The patient moves a requested or accepted appointment to another free time in one transaction. */
import { DAY, HOUR, SLOT_LENGTH, UNTIL_REVOKED } from '@test-support/constants';
import { increaseTime, mined } from '../helpers/chain';
import { onlyEvent } from '../helpers/events';
import { expectRevert } from '../helpers/reverts';
import { book, bookAccepted, FEE, slotIn, Status } from '../helpers/scenarios';
import { useWorld } from '../helpers/world';

describe('Appointments reschedule', () => {
  const world = useWorld();

  async function balanceOfContract(): Promise<bigint> {
    const { provider, appointments } = world();
    return provider.getBalance(await appointments.getAddress());
  }

  it('When the patient moves a request, then it stays requested at the new time, the fee stays in escrow and the old time is free', async () => {
    const { appointments, cast } = world();
    const { id, slot } = await book(world());
    const newSlot = await slotIn(world(), 2 * DAY);
    const receipt = await mined(appointments.connect(cast.patient).reschedule(id, newSlot));
    expect(onlyEvent(appointments, receipt, 'AppointmentRescheduled')).toEqual([
      id,
      cast.patient.address,
      cast.doctor.address,
      BigInt(slot),
      BigInt(newSlot),
    ]);
    const moved = await appointments.getAppointment(id);
    expect([moved.status, moved.slot, moved.fee, moved.feeSettled]).toEqual([
      Status.Requested,
      BigInt(newSlot),
      FEE,
      false,
    ]);
    expect([await appointments.escrowed(), await balanceOfContract()]).toEqual([FEE, FEE]);
    expect(await appointments.pendingWithdrawal(cast.patient.address)).toBe(0n);
    await mined(
      appointments.connect(cast.otherPatient).requestAppointment(cast.doctor.address, slot, '', { value: FEE }),
    );
  });

  it('When the patient moves an accepted appointment, then it stays accepted and the doctor’s access follows the new slot', async () => {
    const { appointments, consent, cast } = world();
    const window = await consent.appointmentWindow();
    const { id, slot } = await bookAccepted(world());
    expect(await consent.accessExpiry(cast.patient.address, cast.doctor.address)).toBe(BigInt(slot) + window);
    const later = slot + 3 * DAY;
    const receipt = await mined(appointments.connect(cast.patient).reschedule(id, later));
    expect(onlyEvent(appointments, receipt, 'AppointmentRescheduled')).toEqual([
      id,
      cast.patient.address,
      cast.doctor.address,
      BigInt(slot),
      BigInt(later),
    ]);
    expect((await appointments.getAppointment(id)).status).toBe(Status.Accepted);
    expect(await consent.accessExpiry(cast.patient.address, cast.doctor.address)).toBe(BigInt(later) + window);
    // Moving it earlier shrinks the window too: the old one is closed, not kept as a maximum.
    const earlier = slot - HOUR;
    await mined(appointments.connect(cast.patient).reschedule(id, earlier));
    expect(await consent.accessExpiry(cast.patient.address, cast.doctor.address)).toBe(BigInt(earlier) + window);
    expect((await consent.getAccess(cast.patient.address, cast.doctor.address)).openBookings).toBe(1n);
    expect([await appointments.escrowed(), await balanceOfContract()]).toEqual([FEE, FEE]);
  });

  it('When the new time overlaps another active appointment of the doctor, then it is refused; overlapping its own old time is fine', async () => {
    const { appointments, cast } = world();
    const mine = await book(world());
    const other = await book(world(), { patient: cast.otherPatient });
    await expectRevert(
      appointments,
      appointments.connect(cast.patient).reschedule(mine.id, other.slot + 60),
      'AppointmentsSlotTaken',
      [other.id, BigInt(other.slot), BigInt(other.slot + SLOT_LENGTH)],
    );
    expect((await appointments.getAppointment(mine.id)).slot).toBe(BigInt(mine.slot));
    await mined(appointments.connect(cast.patient).reschedule(mine.id, mine.slot - 60));
    expect((await appointments.getAppointment(mine.id)).slot).toBe(BigInt(mine.slot - 60));
  });

  it('When someone other than the patient reschedules, then it is refused', async () => {
    const { appointments, cast } = world();
    const { id } = await bookAccepted(world());
    const newSlot = await slotIn(world(), 2 * DAY);
    for (const caller of [cast.doctor, cast.otherPatient, cast.admin]) {
      await expectRevert(
        appointments,
        appointments.connect(caller).reschedule(id, newSlot),
        'AppointmentsUnauthorized',
        [id, caller.address],
      );
    }
  });

  it('When the slot has started or the new time is in the past, then it is refused', async () => {
    const { appointments, cast, provider } = world();
    const { id, slot } = await bookAccepted(world(), { inSeconds: HOUR });
    await expectRevert(
      appointments,
      appointments.connect(cast.patient).reschedule(id, slot - HOUR - 60),
      'AppointmentsSlotInPast',
    );
    await increaseTime(provider, HOUR + 1);
    await expectRevert(
      appointments,
      appointments.connect(cast.patient).reschedule(id, await slotIn(world(), DAY)),
      'AppointmentsSlotPassed',
      [id, BigInt(slot)],
    );
  });

  it('When the patient revoked the doctor since requesting, then the appointment cannot be moved (only cancelled)', async () => {
    const { appointments, consent, cast } = world();
    const { id } = await book(world());
    await mined(consent.connect(cast.patient).grantAccess(cast.doctor.address, UNTIL_REVOKED));
    await mined(consent.connect(cast.patient).revokeAccess(cast.doctor.address));
    await expectRevert(
      appointments,
      appointments.connect(cast.patient).reschedule(id, await slotIn(world(), 2 * DAY)),
      'AppointmentsConsentRevokedSinceRequest',
      [id],
    );
    await mined(appointments.connect(cast.patient).cancel(id));
  });

  it('When the appointment is closed or its doctor is no longer verified, then it cannot be moved', async () => {
    const { appointments, registry, cast } = world();
    const rejected = await book(world());
    await mined(appointments.connect(cast.doctor).reject(rejected.id));
    const newSlot = await slotIn(world(), 2 * DAY);
    await expectRevert(
      appointments,
      appointments.connect(cast.patient).reschedule(rejected.id, newSlot),
      'AppointmentsInvalidStatus',
      [rejected.id, Status.Rejected],
    );
    const { id } = await bookAccepted(world());
    await mined(registry.revokeDoctor(cast.doctor.address, 1));
    await expectRevert(
      appointments,
      appointments.connect(cast.patient).reschedule(id, newSlot),
      'AppointmentsNotVerifiedDoctor',
      [cast.doctor.address],
    );
  });
});
