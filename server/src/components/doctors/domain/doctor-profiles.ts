/**
 * Saving doctor profiles: the doctor's own, and an admin's (Add Doctor before the chain registration,
 * Edit Doctor after). Registration is read from the chain, not the read model, so a profile can be
 * saved right after the registration is mined, before the indexer catches up.
 */
import type { Registry } from '@contracts/types';
import type { AdminProfileSave, DoctorProfileFields, DoctorView } from '@api';
import { AppError, forbidden, notFound } from '../../../libraries/errors';
import { doctorStatusFromChain } from '../../../libraries/chain';
import { copyDirectoryFields, findDoctor } from '../data-access/doctor-store';
import { findProfiles, saveProfile, PROFILE_FIELDS, type DoctorProfile } from '../data-access/profile-store';
import { selfReader } from './doctor-access';
import { profileFields, toDoctorView } from './doctor-view';

/** The name every screen shows, derived from the paper's fields. */
export const displayNameOf = (input: Pick<DoctorProfileFields, 'firstName' | 'lastName'>): string =>
  `Dr. ${input.firstName} ${input.lastName}`;

/** Who changed which fields of whose profile: what the Activity Tracker records for an admin's edit. */
export interface ProfileEdit {
  /** The doctor the profile belongs to. */
  subject: string;
  /** The admin who saved it. */
  actor: string;
  /** The fields whose value changed (every filled-in field when the profile is new). */
  changedFields: string[];
  /** Whether the doctor had no profile before (Add Doctor). */
  created: boolean;
  at: Date;
}

/**
 * Saves the caller's own profile. A pending doctor's name is what admins review when verifying; a
 * revoked doctor may not edit (the name would outlive the revocation in other people's screens); a
 * verified doctor's rename is kept marked, with the verified name, for admins to see.
 */
export async function updateOwnProfile(
  registry: Registry,
  address: string,
  input: DoctorProfileFields,
): Promise<DoctorView> {
  const onChain = await registry.getDoctor(address);
  const status = doctorStatusFromChain(onChain.status);
  if (status === 'none') throw notFound('This account is not registered as a doctor', 'DOCTOR_NOT_FOUND');
  if (status === 'revoked') throw forbidden('A revoked doctor cannot change their profile', 'DOCTOR_REVOKED');

  const now = new Date();
  const displayName = displayNameOf(input);
  const profile: DoctorProfile = { address, ...input, displayName, updatedAt: now, updatedBy: address };
  if (status === 'verified') profile.changedAfterVerification = await nameChange(address, displayName, now);
  await saveProfile(profile);
  await copyDirectoryFields(profile);

  const indexed = await findDoctor(address);
  const facts = indexed ?? {
    address,
    status,
    licenceHash: onChain.licenceHash,
    speciality: Number(onChain.speciality),
    registeredAt: new Date(Number(onChain.registeredAt) * 1000),
    updatedAt: new Date(Number(onChain.updatedAt) * 1000),
  };
  return toDoctorView(facts, profile, selfReader(address));
}

/**
 * An admin adds or edits a doctor's profile. The address may not be registered yet (Add Doctor stores
 * the profile first, then sends registerDoctorFor), but it may not be a patient's: the chain would
 * refuse that registration and leave the profile orphaned. Returns the stored profile and the edit to
 * record in the doctor's Activity (the caller reports it; see ProfileEdit).
 */
export async function saveProfileAsAdmin(
  registry: Registry,
  admin: string,
  doctor: string,
  input: DoctorProfileFields,
): Promise<{ saved: AdminProfileSave; edit: ProfileEdit }> {
  await assertAdminMayWriteFor(registry, admin, doctor);
  const now = new Date();
  const current = (await findProfiles([doctor])).get(doctor);
  const profile: DoctorProfile = {
    address: doctor,
    ...input,
    displayName: displayNameOf(input),
    updatedAt: now,
    updatedBy: admin,
    // An admin's edit is reviewed by definition: it neither marks nor clears a doctor's own rename.
    ...(current?.changedAfterVerification && { changedAfterVerification: current.changedAfterVerification }),
  };
  const previous = await saveProfile(profile);
  await copyDirectoryFields(profile);
  const changedFields = PROFILE_FIELDS.filter((field) => (previous?.[field] ?? '') !== (profile[field] ?? ''));
  return {
    saved: { address: doctor, profile: profileFields(profile, true), changedFields },
    edit: { subject: doctor, actor: admin, changedFields, created: previous === null, at: now },
  };
}

/** Admins write doctors' profiles and licences; not for an account the chain has as a patient. */
export async function assertAdminMayWriteFor(registry: Registry, admin: string, doctor: string): Promise<void> {
  if (!(await registry.isAdmin(admin)))
    throw forbidden("Only an admin can edit another doctor's details", 'ADMIN_ONLY');
  if (await registry.isPatient(doctor))
    throw new AppError(409, 'ACCOUNT_IS_PATIENT', `${doctor} is registered as a patient and cannot be a doctor`);
}

/** The mark a verified doctor's save leaves: the first name changed since verification is the one to keep. */
async function nameChange(
  address: string,
  displayName: string,
  now: Date,
): Promise<DoctorProfile['changedAfterVerification']> {
  const current = (await findProfiles([address])).get(address);
  if (current?.changedAfterVerification)
    return current.changedAfterVerification.previousDisplayName === displayName
      ? undefined
      : current.changedAfterVerification;
  if (current?.displayName === displayName) return undefined;
  return { ...(current && { previousDisplayName: current.displayName }), changedAt: now };
}
