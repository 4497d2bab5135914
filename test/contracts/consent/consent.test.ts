import { Interface, ZeroAddress, id as roleId } from 'ethers';
import { Consent__factory } from '@contracts/types';
import { DAY, HOUR, UNTIL_REVOKED } from '@test-support/constants';
import { increaseTime, latestTimestamp, mined } from '../helpers/chain';
import { onlyEvent } from '../helpers/events';
import { expectRevert } from '../helpers/reverts';
import { bookAccepted, FEE } from '../helpers/scenarios';
import { useWorld } from '../helpers/world';

describe('Consent', () => {
  const world = useWorld();

  describe('explicit grants', () => {
    it('When a patient grants a doctor access until a time, then the doctor has access until exactly then', async () => {
      const { consent, cast, provider } = world();
      const expiresAt = (await latestTimestamp(provider)) + HOUR;
      const receipt = await mined(consent.connect(cast.patient).grantAccess(cast.doctor.address, expiresAt));
      expect(onlyEvent(consent, receipt, 'AccessGranted')).toEqual([
        cast.patient.address,
        cast.doctor.address,
        BigInt(expiresAt),
      ]);
      expect(await consent.hasAccess(cast.patient.address, cast.doctor.address)).toBe(true);
      expect(await consent.hasAccess(cast.patient.address, cast.otherDoctor.address)).toBe(false);
      expect(await consent.hasAccess(cast.otherPatient.address, cast.doctor.address)).toBe(false);
      await increaseTime(provider, HOUR + 1);
      expect(await consent.hasAccess(cast.patient.address, cast.doctor.address)).toBe(false);
    });

    it('When a grant is until revoked, then time does not end it but revocation does', async () => {
      const { consent, cast, provider } = world();
      await mined(consent.connect(cast.patient).grantAccess(cast.doctor.address, UNTIL_REVOKED));
      await increaseTime(provider, 400 * DAY);
      expect(await consent.hasAccess(cast.patient.address, cast.doctor.address)).toBe(true);
      const receipt = await mined(consent.connect(cast.patient).revokeAccess(cast.doctor.address));
      expect(onlyEvent(consent, receipt, 'AccessRevoked')).toEqual([cast.patient.address, cast.doctor.address]);
      expect(await consent.hasAccess(cast.patient.address, cast.doctor.address)).toBe(false);
      await expectRevert(
        consent,
        consent.connect(cast.patient).revokeAccess(cast.doctor.address),
        'ConsentNotGranted',
        [cast.patient.address, cast.doctor.address],
      );
    });

    it('When the doctor is revoked in the registry, then a grant no longer gives access', async () => {
      const { consent, registry, cast } = world();
      await mined(consent.connect(cast.patient).grantAccess(cast.doctor.address, UNTIL_REVOKED));
      await mined(registry.revokeDoctor(cast.doctor.address, 1));
      expect(await consent.hasAccess(cast.patient.address, cast.doctor.address)).toBe(false);
    });

    it('When the grant input is bad, then each case fails with its own error and nothing is granted', async () => {
      const { consent, cast, provider } = world();
      const now = await latestTimestamp(provider);
      const asPatient = consent.connect(cast.patient);
      await expectRevert(consent, asPatient.grantAccess(ZeroAddress, now + HOUR), 'ConsentZeroAddress', []);
      await expectRevert(
        consent,
        asPatient.grantAccess(cast.pendingDoctor.address, now + HOUR),
        'ConsentNotVerifiedDoctor',
        [cast.pendingDoctor.address],
      );
      await expectRevert(consent, asPatient.grantAccess(cast.doctor.address, now - 10), 'ConsentInvalidExpiry');
      await expectRevert(
        consent,
        consent.connect(cast.stranger).grantAccess(cast.doctor.address, now + HOUR),
        'ConsentNotPatient',
        [cast.stranger.address],
      );
      expect(await consent.accessExpiry(cast.patient.address, cast.doctor.address)).toBe(0n);
    });
  });

  describe('appointments', () => {
    it('When a doctor accepts an appointment, then access runs from acceptance until the window after the slot', async () => {
      const { consent, appointments, cast, provider } = world();
      const window = await consent.appointmentWindow();
      expect(window).toBe(BigInt(7 * DAY));
      const { id, slot } = await bookAccepted(world());
      expect(await consent.accessExpiry(cast.patient.address, cast.doctor.address)).toBe(BigInt(slot) + window);
      expect(await consent.hasAccess(cast.patient.address, cast.doctor.address)).toBe(true);
      await increaseTime(provider, DAY + 1);
      const receipt = await mined(appointments.connect(cast.doctor).complete(id));
      expect(onlyEvent(consent, receipt, 'AppointmentAccessUpdated')).toEqual([
        cast.patient.address,
        cast.doctor.address,
        id,
        BigInt(slot) + window,
      ]);
      await increaseTime(provider, 7 * DAY - 10);
      expect(await consent.hasAccess(cast.patient.address, cast.doctor.address)).toBe(true);
      await increaseTime(provider, 20);
      expect(await consent.hasAccess(cast.patient.address, cast.doctor.address)).toBe(false);
    });

    it('When accepting, then the access event names the appointment and the resulting expiry', async () => {
      const { consent, appointments, cast } = world();
      const { id, slot } = await bookAccepted(world(), { inSeconds: 2 * DAY });
      const page = await appointments.patientAppointmentsPage(cast.patient.address, 0, 1);
      expect(page[0].acceptedAt).toBeGreaterThan(0n);
      const filter = consent.filters.AppointmentAccessUpdated(cast.patient.address, cast.doctor.address, id);
      const [log] = await consent.queryFilter(filter);
      expect([log.args.patient, log.args.doctor, log.args.appointmentId, log.args.expiresAt]).toEqual([
        cast.patient.address,
        cast.doctor.address,
        id,
        BigInt(slot + 7 * DAY),
      ]);
    });

    it('When an accepted appointment is cancelled, then the access it gave ends', async () => {
      const { consent, appointments, cast } = world();
      const { id } = await bookAccepted(world());
      const receipt = await mined(appointments.connect(cast.patient).cancel(id));
      expect(onlyEvent(consent, receipt, 'AppointmentAccessUpdated')).toEqual([
        cast.patient.address,
        cast.doctor.address,
        id,
        0n,
      ]);
      expect(await consent.hasAccess(cast.patient.address, cast.doctor.address)).toBe(false);
    });

    it('When the patient revokes between acceptance and completion, then completing does not give access back', async () => {
      const { consent, appointments, cast, provider } = world();
      const { id } = await bookAccepted(world(), { inSeconds: HOUR });
      await mined(consent.connect(cast.patient).revokeAccess(cast.doctor.address));
      await increaseTime(provider, HOUR + 1);
      await mined(appointments.connect(cast.doctor).complete(id));
      expect(await consent.hasAccess(cast.patient.address, cast.doctor.address)).toBe(false);
    });

    it('When a doctor has an explicit grant too, then closing an appointment keeps the longer grant', async () => {
      const { consent, appointments, cast, provider } = world();
      await mined(consent.connect(cast.patient).grantAccess(cast.doctor.address, UNTIL_REVOKED));
      const { id } = await bookAccepted(world());
      await mined(appointments.connect(cast.doctor).cancel(id));
      await increaseTime(provider, 30 * DAY);
      expect(await consent.accessExpiry(cast.patient.address, cast.doctor.address)).toBe(UNTIL_REVOKED);
    });

    it('When an admin changes the window, then later acceptances use it; others cannot change it', async () => {
      const { consent, cast } = world();
      const receipt = await mined(consent.setAppointmentWindow(2 * DAY));
      expect(onlyEvent(consent, receipt, 'AppointmentWindowChanged')).toEqual([
        cast.admin.address,
        BigInt(7 * DAY),
        BigInt(2 * DAY),
      ]);
      const { slot } = await bookAccepted(world());
      expect(await consent.accessExpiry(cast.patient.address, cast.doctor.address)).toBe(BigInt(slot + 2 * DAY));
      await expectRevert(consent, consent.setAppointmentWindow(0), 'ConsentInvalidWindow', [0n, BigInt(365 * DAY)]);
      await expectRevert(consent, consent.setAppointmentWindow(366 * DAY), 'ConsentInvalidWindow');
      await expectRevert(consent, consent.connect(cast.doctor).setAppointmentWindow(DAY), 'GovernedUnauthorizedAdmin', [
        cast.doctor.address,
      ]);
    });

    it('When an accepted appointment is cancelled while an earlier one stays open, then access shrinks to the open one', async () => {
      // Finding 5: access used to stay at the latest window ever booked until every booking closed.
      const { consent, appointments, cast } = world();
      const window = await consent.appointmentWindow();
      const early = await bookAccepted(world(), { inSeconds: DAY });
      const late = await bookAccepted(world(), { inSeconds: 30 * DAY });
      expect(await consent.accessExpiry(cast.patient.address, cast.doctor.address)).toBe(BigInt(late.slot) + window);
      const receipt = await mined(appointments.connect(cast.patient).cancel(late.id));
      expect(onlyEvent(consent, receipt, 'AppointmentAccessUpdated')).toEqual([
        cast.patient.address,
        cast.doctor.address,
        late.id,
        BigInt(early.slot) + window,
      ]);
      expect(await consent.accessExpiry(cast.patient.address, cast.doctor.address)).toBe(BigInt(early.slot) + window);
      expect((await consent.getAccess(cast.patient.address, cast.doctor.address)).openBookings).toBe(1n);
    });
  });

  describe('wiring', () => {
    /** OpenZeppelin's grantRole(APPOINTMENTS_ROLE, account), sent raw: Consent used to expose it to admins. */
    const grantHookRole = (account: string) =>
      new Interface(['function grantRole(bytes32 role, address account)']).encodeFunctionData('grantRole', [
        roleId('APPOINTMENTS_ROLE'),
        account,
      ]);

    it('When an admin tries to make itself the hook caller and close a booking, then it is refused and the fee can still be refunded', async () => {
      // Finding 2: an admin could grant itself APPOINTMENTS_ROLE, underflow openBookings and lock the fee.
      const { consent, appointments, cast } = world();
      const { id: appointmentId } = await bookAccepted(world());
      const asAdmin = cast.admin;
      const granted = await (
        await asAdmin.sendTransaction({ to: await consent.getAddress(), data: grantHookRole(asAdmin.address) })
      )
        .wait()
        .then(
          () => true,
          () => false,
        );
      expect(granted).toBe(false);
      await expectRevert(
        consent,
        consent.onAppointmentClosed(appointmentId, cast.patient.address, cast.doctor.address, false),
        'ConsentUnauthorizedHookCaller',
        [asAdmin.address],
      );
      await expectRevert(
        consent,
        consent.onAppointmentAccepted(99, cast.patient.address, cast.otherDoctor.address, 2n ** 40n),
        'ConsentUnauthorizedHookCaller',
        [asAdmin.address],
      );
      expect(await consent.hasAccess(cast.patient.address, cast.otherDoctor.address)).toBe(false);
      await mined(appointments.connect(cast.patient).cancel(appointmentId));
      expect(await appointments.pendingWithdrawal(cast.patient.address)).toBe(FEE);
    });

    it('When the deployment is done, then Consent is bound to Appointments for good and nobody can rebind it', async () => {
      const { consent, appointments, cast } = world();
      const appointmentsAddress = await appointments.getAddress();
      expect(await consent.appointments()).toBe(appointmentsAddress);
      const [binding] = await consent.queryFilter(consent.filters.AppointmentsBound());
      expect(binding.args.appointments).toBe(appointmentsAddress);
      await expectRevert(consent, consent.bindAppointments(cast.stranger.address), 'ConsentAppointmentsAlreadyBound', [
        appointmentsAddress,
      ]);
      await expectRevert(
        consent,
        consent.connect(cast.stranger).bindAppointments(cast.stranger.address),
        'ConsentUnauthorizedBinder',
        [cast.stranger.address],
      );
    });

    it('When a fresh Consent is bound, then only its deployer may do it, only once and never to the zero address', async () => {
      const { registry, cast } = world();
      const fresh = await new Consent__factory(cast.admin).deploy(await registry.getAddress());
      await fresh.waitForDeployment();
      await expectRevert(
        fresh,
        fresh.connect(cast.stranger).bindAppointments(cast.stranger.address),
        'ConsentUnauthorizedBinder',
        [cast.stranger.address],
      );
      await expectRevert(fresh, fresh.bindAppointments(ZeroAddress), 'ConsentZeroAddress', []);
      await expectRevert(
        fresh,
        fresh.onAppointmentAccepted(1, cast.patient.address, cast.doctor.address, 2n ** 40n),
        'ConsentUnauthorizedHookCaller',
        [cast.admin.address],
      );
      const receipt = await mined(fresh.bindAppointments(cast.spare[0].address));
      expect(onlyEvent(fresh, receipt, 'AppointmentsBound')).toEqual([cast.spare[0].address]);
      await expectRevert(
        fresh,
        fresh.connect(cast.spare[0]).onAppointmentClosed(7, cast.patient.address, cast.doctor.address, true),
        'ConsentUnknownAppointment',
        [7n, cast.patient.address, cast.doctor.address],
      );
    });
  });
});
