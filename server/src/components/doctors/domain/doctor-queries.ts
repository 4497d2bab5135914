/**
 * Reading doctors and editing one's own profile.
 */
import type { Registry } from '@contracts/types';
import { notFound } from '../../../libraries/errors';
import { findDoctor, findDoctors } from '../data-access/doctor-store';
import { findProfiles, saveProfile } from '../data-access/profile-store';
import { doctorStatusFromChain } from '../../../libraries/chain';
import { toDoctorView, type DoctorView } from './doctor-view';

export async function listDoctors(query: { status?: 'pending' | 'verified' | 'revoked'; offset: number; limit: number }): Promise<{ items: DoctorView[]; total: number }> {
  const { items, total } = await findDoctors(query);
  const profiles = await findProfiles(items.map((d) => d.address));
  return { items: items.map((d) => toDoctorView(d, profiles.get(d.address))), total };
}

export async function getDoctor(address: string): Promise<DoctorView> {
  const doctor = await findDoctor(address);
  if (!doctor) throw notFound(`No doctor registered with address ${address}`, 'DOCTOR_NOT_FOUND');
  const profiles = await findProfiles([address]);
  return toDoctorView(doctor, profiles.get(address));
}

/**
 * Saves the caller's profile. Registration is checked on chain, not in the read model, so a doctor
 * can fill in the profile right after their registration is mined, before the indexer catches up.
 */
export async function updateOwnProfile(
  registry: Registry,
  address: string,
  input: { displayName: string; speciality?: string },
): Promise<DoctorView> {
  const onChain = await registry.getDoctor(address);
  const status = doctorStatusFromChain(onChain.status);
  if (status === 'none') throw notFound('This account is not registered as a doctor', 'DOCTOR_NOT_FOUND');

  const profile = { address, displayName: input.displayName, specialityLabel: input.speciality, updatedAt: new Date() };
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
