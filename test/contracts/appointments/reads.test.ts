/** Reading appointments back: each party's pages, and the times a doctor is held (activeAppointmentsBetween). */
import { DAY, HOUR, SLOT_LENGTH } from '@test-support/constants';
import { increaseTime, mined } from '../helpers/chain';
import { book, bookAccepted } from '../helpers/scenarios';
import { useWorld } from '../helpers/world';

describe('Appointments reads', () => {
  const world = useWorld();

  describe('paged reads', () => {
    it('When appointments are paged, then each party sees its own, oldest first, within bounds', async () => {
      const { appointments, cast } = world();
      for (let i = 0; i < 3; i++) await book(world());
      await book(world(), { patient: cast.otherPatient });
      await book(world(), { doctor: cast.otherDoctor });
      expect(await appointments.patientAppointmentCount(cast.patient.address)).toBe(4n);
      expect(await appointments.doctorAppointmentCount(cast.doctor.address)).toBe(4n);
      const ids = async (page: Promise<{ id: bigint }[]>) => (await page).map((a) => a.id);
      expect(await ids(appointments.patientAppointmentsPage(cast.patient.address, 0, 2))).toEqual([1n, 2n]);
      expect(await ids(appointments.patientAppointmentsPage(cast.patient.address, 2, 10))).toEqual([3n, 5n]);
      expect(await ids(appointments.patientAppointmentsPage(cast.patient.address, 4, 10))).toEqual([]);
      expect(await ids(appointments.doctorAppointmentsPage(cast.doctor.address, 1, 2))).toEqual([2n, 3n]);
      expect(await ids(appointments.doctorAppointmentsPage(cast.doctor.address, 0, 2n ** 255n))).toEqual([
        1n,
        2n,
        3n,
        4n,
      ]);
      expect(await ids(appointments.doctorAppointmentsPage(cast.stranger.address, 0, 5))).toEqual([]);
    });
  });

  describe('held times', () => {
    it('When a doctor has appointments in every status, then only the requested and accepted ones overlapping the range are returned', async () => {
      const { appointments, cast } = world();
      const doctor = appointments.connect(cast.doctor);
      const requested = await book(world(), { inSeconds: DAY + 2 * HOUR });
      const accepted = await bookAccepted(world(), { inSeconds: DAY + 3 * HOUR });
      const rejected = await book(world(), { inSeconds: DAY + 4 * HOUR });
      await mined(doctor.reject(rejected.id));
      const cancelled = await book(world(), { inSeconds: DAY + 5 * HOUR });
      await mined(appointments.connect(cast.patient).cancel(cancelled.id));
      await book(world(), { doctor: cast.otherDoctor, inSeconds: DAY + 3 * HOUR });
      const ids = async (from: number, to: number) =>
        (await appointments.activeAppointmentsBetween(cast.doctor.address, from, to)).map((a) => a.id);
      const start = requested.slot - 2 * HOUR;

      expect(await ids(start, start + DAY)).toEqual([requested.id, accepted.id]);
      // Overlap is by time, not start: a range starting inside the requested slot still sees it.
      expect(await ids(requested.slot + SLOT_LENGTH - 1, accepted.slot)).toEqual([requested.id]);
      expect(await ids(requested.slot + SLOT_LENGTH, accepted.slot)).toEqual([]);
      expect(await ids(accepted.slot - 1, accepted.slot + 1)).toEqual([accepted.id]);
      expect(await ids(rejected.slot, cancelled.slot + SLOT_LENGTH)).toEqual([]);
      const [first] = await appointments.activeAppointmentsBetween(cast.doctor.address, start, accepted.slot);
      expect([first.slot, first.duration, first.patient]).toEqual([
        BigInt(requested.slot),
        BigInt(SLOT_LENGTH),
        cast.patient.address,
      ]);
    });

    it('When an appointment is closed, then it is no longer held', async () => {
      const { appointments, cast, provider } = world();
      const { id, slot } = await bookAccepted(world(), { inSeconds: HOUR });
      await increaseTime(provider, HOUR + 1);
      await mined(appointments.connect(cast.doctor).complete(id));
      expect(await appointments.activeAppointmentsBetween(cast.doctor.address, slot, slot + DAY)).toEqual([]);
    });

    it('When the range runs backwards, is empty or spans more than 31 days, then the read reverts with the range', async () => {
      const { appointments, cast } = world();
      const read = (from: number, to: number) => appointments.activeAppointmentsBetween(cast.doctor.address, from, to);
      const invalid = (from: number, to: number) => ({
        revert: { name: 'AppointmentsInvalidRange', args: [BigInt(from), BigInt(to), BigInt(31 * DAY)] },
      });
      await expect(read(2000, 1000)).rejects.toMatchObject(invalid(2000, 1000));
      await expect(read(1000, 1000)).rejects.toMatchObject(invalid(1000, 1000));
      await expect(read(1000, 1000 + 31 * DAY + 1)).rejects.toMatchObject(invalid(1000, 1000 + 31 * DAY + 1));
      expect(await read(1000, 1000 + 31 * DAY)).toEqual([]);
    });
  });
});
