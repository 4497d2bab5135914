import { ZeroAddress, MaxUint256, id } from 'ethers';
import { licenceHash } from '@test-support/licences';
import { mined } from '../helpers/chain';
import { onlyEvent } from '../helpers/events';
import { expectRevert } from '../helpers/reverts';
import { useWorld, WORLD_REVOCATION_REASON } from '../helpers/world';

const DoctorStatus = { None: 0n, Pending: 1n, Verified: 2n, Revoked: 3n };

describe('Registry', () => {
  const world = useWorld();

  describe('doctor registration', () => {
    it('When a new account registers as a doctor, then it is pending with its licence hash and speciality', async () => {
      const { registry, cast } = world();
      const newcomer = cast.spare[0];
      const receipt = await mined(registry.connect(newcomer).registerDoctor(licenceHash('NEW-1'), 7));
      expect(onlyEvent(registry, receipt, 'DoctorRegistered')).toEqual([
        newcomer.address,
        newcomer.address,
        licenceHash('NEW-1'),
        7n,
      ]);
      const doctor = await registry.getDoctor(newcomer.address);
      expect(doctor.status).toBe(DoctorStatus.Pending);
      expect(doctor.licenceHash).toBe(licenceHash('NEW-1'));
      expect(doctor.speciality).toBe(7n);
      expect(await registry.isVerifiedDoctor(newcomer.address)).toBe(false);
    });

    it('When an admin registers a doctor on their behalf, then the doctor is still pending and the admin is recorded', async () => {
      const { registry, cast } = world();
      const receipt = await mined(registry.registerDoctorFor(cast.spare[0].address, licenceHash('NEW-2'), 4));
      expect(onlyEvent(registry, receipt, 'DoctorRegistered')).toEqual([
        cast.spare[0].address,
        cast.admin.address,
        licenceHash('NEW-2'),
        4n,
      ]);
      expect(await registry.doctorStatus(cast.spare[0].address)).toBe(DoctorStatus.Pending);
    });

    it('When a patient tries to register as a doctor, then it fails: an account is at most one of them', async () => {
      const { registry, cast } = world();
      await expectRevert(
        registry,
        registry.connect(cast.patient).registerDoctor(licenceHash('X'), 1),
        'RegistryAlreadyRegistered',
        [cast.patient.address],
      );
      await expectRevert(
        registry,
        registry.connect(cast.pendingDoctor).registerPatient(),
        'RegistryAlreadyRegistered',
        [cast.pendingDoctor.address],
      );
      expect(await registry.isPatient(cast.pendingDoctor.address)).toBe(false);
    });

    it('When the licence hash is zero or the account is the zero address, then registration fails', async () => {
      const { registry, cast } = world();
      await expectRevert(
        registry,
        registry.connect(cast.spare[0]).registerDoctor(`0x${'0'.repeat(64)}`, 1),
        'RegistryInvalidLicenceHash',
        [],
      );
      await expectRevert(
        registry,
        registry.registerDoctorFor(ZeroAddress, licenceHash('X'), 1),
        'RegistryZeroAddress',
        [],
      );
      expect(await registry.doctorCount()).toBe(4n);
    });
  });

  describe('verification', () => {
    it('When an admin verifies a pending doctor, then the doctor acts as a verified doctor', async () => {
      const { registry, cast } = world();
      const receipt = await mined(registry.verifyDoctor(cast.pendingDoctor.address));
      expect(onlyEvent(registry, receipt, 'DoctorVerified')).toEqual([cast.pendingDoctor.address, cast.admin.address]);
      expect(await registry.isVerifiedDoctor(cast.pendingDoctor.address)).toBe(true);
    });

    it('When an admin revokes a verified doctor with a reason, then the reason is kept and the doctor no longer acts', async () => {
      const { registry, cast } = world();
      const receipt = await mined(registry.revokeDoctor(cast.doctor.address, 9));
      expect(onlyEvent(registry, receipt, 'DoctorRevoked')).toEqual([cast.doctor.address, cast.admin.address, 9n]);
      const doctor = await registry.getDoctor(cast.doctor.address);
      expect([doctor.status, doctor.revocationReason]).toEqual([DoctorStatus.Revoked, 9n]);
      expect(await registry.isVerifiedDoctor(cast.doctor.address)).toBe(false);
    });

    it('When a revoked doctor is verified again, then the revocation reason is cleared', async () => {
      const { registry, cast } = world();
      expect((await registry.getDoctor(cast.revokedDoctor.address)).revocationReason).toBe(
        BigInt(WORLD_REVOCATION_REASON),
      );
      await mined(registry.verifyDoctor(cast.revokedDoctor.address));
      const doctor = await registry.getDoctor(cast.revokedDoctor.address);
      expect([doctor.status, doctor.revocationReason]).toEqual([DoctorStatus.Verified, 0n]);
    });

    it('When a transition does not fit the status, then it fails with the current status', async () => {
      const { registry, cast } = world();
      await expectRevert(registry, registry.verifyDoctor(cast.doctor.address), 'RegistryInvalidDoctorStatus', [
        cast.doctor.address,
        DoctorStatus.Verified,
      ]);
      await expectRevert(
        registry,
        registry.revokeDoctor(cast.revokedDoctor.address, 1),
        'RegistryInvalidDoctorStatus',
        [cast.revokedDoctor.address, DoctorStatus.Revoked],
      );
      await expectRevert(registry, registry.verifyDoctor(cast.patient.address), 'RegistryInvalidDoctorStatus', [
        cast.patient.address,
        DoctorStatus.None,
      ]);
    });
  });

  describe('admins', () => {
    it('When an admin adds and removes another admin, then the count follows and RoleGranted/RoleRevoked are emitted', async () => {
      const { registry, cast } = world();
      const role = await registry.DEFAULT_ADMIN_ROLE();
      const added = await mined(registry.addAdmin(cast.spare[0].address));
      expect(onlyEvent(registry, added, 'RoleGranted')).toEqual([role, cast.spare[0].address, cast.admin.address]);
      expect(await registry.adminCount()).toBe(2n);
      const removed = await mined(registry.connect(cast.spare[0]).removeAdmin(cast.admin.address));
      expect(onlyEvent(registry, removed, 'RoleRevoked')).toEqual([role, cast.admin.address, cast.spare[0].address]);
      expect(await registry.isAdmin(cast.admin.address)).toBe(false);
    });

    it('When the last admin tries to leave by any path, then it fails and one admin remains', async () => {
      const { registry, cast } = world();
      const role = await registry.DEFAULT_ADMIN_ROLE();
      await expectRevert(registry, registry.removeAdmin(cast.admin.address), 'RegistryLastAdmin', [cast.admin.address]);
      await expectRevert(registry, registry.revokeRole(role, cast.admin.address), 'RegistryLastAdmin', [
        cast.admin.address,
      ]);
      await expectRevert(registry, registry.renounceRole(role, cast.admin.address), 'RegistryLastAdmin', [
        cast.admin.address,
      ]);
      expect(await registry.adminCount()).toBe(1n);
    });

    it('When an admin is added twice or a non-admin is removed, then it fails', async () => {
      const { registry, cast } = world();
      await expectRevert(registry, registry.addAdmin(cast.admin.address), 'RegistryAdminUnchanged', [
        cast.admin.address,
      ]);
      await expectRevert(registry, registry.removeAdmin(cast.patient.address), 'RegistryAdminUnchanged', [
        cast.patient.address,
      ]);
      await expectRevert(registry, registry.addAdmin(ZeroAddress), 'RegistryZeroAddress', []);
    });
  });

  describe('inherited role functions', () => {
    it('When an admin grants the admin role to the zero address, then it is refused like addAdmin and the last admin stays', async () => {
      // Finding 3: grantRole skipped addAdmin's zero-address check; the last real admin could then leave.
      const { registry, cast } = world();
      const role = await registry.DEFAULT_ADMIN_ROLE();
      await expectRevert(registry, registry.grantRole(role, ZeroAddress), 'RegistryZeroAddress', []);
      await expectRevert(registry, registry.renounceRole(role, cast.admin.address), 'RegistryLastAdmin', [
        cast.admin.address,
      ]);
      expect(await registry.adminCount()).toBe(1n);
    });

    it('When grantRole, revokeRole or renounceRole are used, then they follow addAdmin/removeAdmin and know no other role', async () => {
      const { registry, cast } = world();
      const role = await registry.DEFAULT_ADMIN_ROLE();
      const otherRole = id('APPOINTMENTS_ROLE');
      const newcomer = cast.spare[0].address;
      const granted = await mined(registry.grantRole(role, newcomer));
      expect(onlyEvent(registry, granted, 'RoleGranted')).toEqual([role, newcomer, cast.admin.address]);
      await expectRevert(registry, registry.grantRole(role, newcomer), 'RegistryAdminUnchanged', [newcomer]);
      await expectRevert(registry, registry.grantRole(otherRole, cast.stranger.address), 'RegistryUnsupportedRole', [
        otherRole,
      ]);
      await expectRevert(registry, registry.revokeRole(otherRole, newcomer), 'RegistryUnsupportedRole', [otherRole]);
      await expectRevert(registry, registry.revokeRole(role, cast.patient.address), 'RegistryAdminUnchanged', [
        cast.patient.address,
      ]);
      await expectRevert(
        registry,
        registry.connect(cast.stranger).renounceRole(role, cast.stranger.address),
        'RegistryAdminUnchanged',
        [cast.stranger.address],
      );
      await expectRevert(registry, registry.renounceRole(role, newcomer), 'AccessControlBadConfirmation', []);
      await mined(registry.revokeRole(role, newcomer));
      expect([
        await registry.isAdmin(newcomer),
        await registry.hasRole(otherRole, cast.stranger.address),
        await registry.adminCount(),
      ]).toEqual([false, false, 1n]);
    });
  });

  describe('paging', () => {
    it('When doctors are paged, then pages follow registration order and stop at the end', async () => {
      const { registry, cast } = world();
      const all = [cast.doctor, cast.otherDoctor, cast.pendingDoctor, cast.revokedDoctor].map((s) => s.address);
      expect(await registry.doctorsPage(0, 3)).toEqual(all.slice(0, 3));
      expect(await registry.doctorsPage(3, 3)).toEqual(all.slice(3));
      expect(await registry.doctorsPage(4, 3)).toEqual([]);
      expect(await registry.doctorsPage(1, 0)).toEqual([]);
    });

    it('When a page asks for more than exists, even 2^256-1 items, then it returns the rest instead of reverting', async () => {
      const { registry, cast } = world();
      const all = [cast.doctor, cast.otherDoctor, cast.pendingDoctor, cast.revokedDoctor].map((s) => s.address);
      expect(await registry.doctorsPage(1, MaxUint256)).toEqual(all.slice(1));
    });
  });
});
