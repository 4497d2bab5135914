/**
 * Reading doctors (as `doctor-access` allows) and editing one's own profile.
 */
import type { Registry } from '@contracts/types';
import type { DoctorListQuery, DoctorPage, DoctorProfileRequest, DoctorView } from '@api';
import { forbidden, notFound } from '../../../libraries/errors';
import { findDoctor, findDoctors } from '../data-access/doctor-store';
import { findProfiles, saveProfile, type DoctorProfile } from '../data-access/profile-store';
import { doctorStatusFromChain } from '../../../libraries/chain';
import { assertMayList, mayView, type DoctorReader } from './doctor-access';
import { toDoctorView } from './doctor-view';

export async function listDoctors(reader: DoctorReader, query: DoctorListQuery): Promise<DoctorPage> {
  assertMayList(reader, query.status);
  const { items, total } = await findDoctors(query);
  const profiles = await findProfiles(items.map((d) => d.address));
  return { items: items.map((d) => toDoctorView(d, profiles.get(d.address), reader)), total };
}

export async function getDoctor(reader: DoctorReader, address: string): Promise<DoctorView> {
  const doctor = await findDoctor(address);
  if (!doctor || !mayView(reader, doctor))
    throw notFound(`No doctor registered with address ${address}`, 'DOCTOR_NOT_FOUND');
  const profiles = await findProfiles([address]);
  return toDoctorView(doctor, profiles.get(address), reader);
}

/**
 * Saves the caller's profile. Registration is checked on chain, not in the read model, so a doctor
 * can fill in the profile right after their registration is mined, before the indexer catches up.
 * A pending doctor's name is what admins review when verifying; a revoked doctor may not rename
 * (the name would outlive the revocation in other people's screens); a verified doctor's rename is
 * kept marked, with the verified name, for admins to see.
 */
export async function updateOwnProfile(
  registry: Registry,
  address: string,
  input: DoctorProfileRequest,
): Promise<DoctorView> {
  const onChain = await registry.getDoctor(address);
  const status = doctorStatusFromChain(onChain.status);
  if (status === 'none') throw notFound('This account is not registered as a doctor', 'DOCTOR_NOT_FOUND');
  if (status === 'revoked') throw forbidden('A revoked doctor cannot change their profile', 'DOCTOR_REVOKED');

  const now = new Date();
  const profile: DoctorProfile = {
    address,
    displayName: input.displayName,
    specialityLabel: input.speciality,
    updatedAt: now,
  };
  if (status === 'verified') profile.changedAfterVerification = await nameChange(address, input.displayName, now);
  await saveProfile(profile);

  const indexed = await findDoctor(address);
  if (indexed) return toDoctorView(indexed, profile);
  return toDoctorView(
    {
      address,
      status,
      licenceHash: onChain.licenceHash,
      speciality: Number(onChain.speciality),
      registeredAt: new Date(Number(onChain.registeredAt) * 1000),
      updatedAt: new Date(Number(onChain.updatedAt) * 1000),
    },
    profile,
  );
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
