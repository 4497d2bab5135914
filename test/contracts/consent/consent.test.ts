import { ZeroAddress } from 'ethers';
import { increaseTime, latestTimestamp, mined } from '../helpers/chain';
import { onlyEvent } from '../helpers/events';
import { expectRevert } from '../helpers/reverts';
import { bookAccepted, DAY, HOUR } from '../helpers/scenarios';
import { useWorld } from '../helpers/world';

const UNTIL_REVOKED = 2n ** 64n - 1n;

describe('Consent', () => {
  const world = useWorld();

  describe('explicit grants', () => {
    it('When a patient grants a doctor access until a time, then the doctor has access until exactly then', async () => {
      const { consent, cast, provider } = world();
      const expiresAt = (await latestTimestamp(provider)) + HOUR;
      const receipt = await mined(consent.connect(cast.patient).grantAccess(cast.doctor.address, expiresAt));
      expect(onlyEvent(consent, receipt, 'AccessGranted')).toEqual([cast.patient.address, cast.doctor.address, BigInt(expiresAt)]);
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
      await expectRevert(consent, consent.connect(cast.patient).revokeAccess(cast.doctor.address), 'ConsentNotGranted', [cast.patient.address, cast.doctor.address]);
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
      await expectRevert(consent, asPatient.grantAccess(cast.pendingDoctor.address, now + HOUR), 'ConsentNotVerifiedDoctor', [cast.pendingDoctor.address]);
      await expectRevert(consent, asPatient.grantAccess(cast.doctor.address, now - 10), 'ConsentInvalidExpiry');
      await expectRevert(consent, consent.connect(cast.stranger).grantAccess(cast.doctor.address, now + HOUR), 'ConsentNotPatient', [cast.stranger.address]);
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
      expect(onlyEvent(consent, receipt, 'AppointmentAccessUpdated')).toEqual([cast.patient.address, cast.doctor.address, id, BigInt(slot) + window]);
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
      expect([log.args.patient, log.args.doctor, log.args.appointmentId, log.args.expiresAt]).toEqual([cast.patient.address, cast.doctor.address, id, BigInt(slot + 7 * DAY)]);
    });

    it('When an accepted appointment is cancelled, then the access it gave ends', async () => {
      const { consent, appointments, cast } = world();
      const { id } = await bookAccepted(world());
      const receipt = await mined(appointments.connect(cast.patient).cancel(id));
      expect(onlyEvent(consent, receipt, 'AppointmentAccessUpdated')).toEqual([cast.patient.address, cast.doctor.address, id, 0n]);
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
      expect(onlyEvent(consent, receipt, 'AppointmentWindowChanged')).toEqual([cast.admin.address, BigInt(7 * DAY), BigInt(2 * DAY)]);
      const { slot } = await bookAccepted(world());
      expect(await consent.accessExpiry(cast.patient.address, cast.doctor.address)).toBe(BigInt(slot + 2 * DAY));
      await expectRevert(consent, consent.setAppointmentWindow(0), 'ConsentInvalidWindow', [0n, BigInt(365 * DAY)]);
      await expectRevert(consent, consent.setAppointmentWindow(366 * DAY), 'ConsentInvalidWindow');
      await expectRevert(consent, consent.connect(cast.doctor).setAppointmentWindow(DAY), 'GovernedUnauthorizedAdmin', [cast.doctor.address]);
    });

    it('When anyone but the Appointments contract calls a hook, then it is refused', async () => {
      const { consent, cast } = world();
      const role = await consent.APPOINTMENTS_ROLE();
      await expectRevert(consent, consent.connect(cast.doctor).onAppointmentAccepted(1, cast.patient.address, cast.doctor.address, 2n ** 40n), 'AccessControlUnauthorizedAccount', [cast.doctor.address, role]);
      await expectRevert(consent, consent.onAppointmentClosed(1, cast.patient.address, cast.doctor.address, 0, true), 'AccessControlUnauthorizedAccount', [cast.admin.address, role]);
      expect(await consent.hasAccess(cast.patient.address, cast.doctor.address)).toBe(false);
    });

    it('When roles are managed, then admins come from the Registry and cannot be granted here', async () => {
      const { consent, registry, appointments, cast } = world();
      const adminRole = await consent.DEFAULT_ADMIN_ROLE();
      expect(await consent.hasRole(await consent.APPOINTMENTS_ROLE(), await appointments.getAddress())).toBe(true);
      expect(await consent.hasRole(adminRole, cast.admin.address)).toBe(true);
      await mined(registry.addAdmin(cast.spare[0].address));
      expect(await consent.hasRole(adminRole, cast.spare[0].address)).toBe(true);
      await expectRevert(consent, consent.grantRole(adminRole, cast.stranger.address), 'ConsentAdminRoleInRegistry', []);
    });
  });
});
