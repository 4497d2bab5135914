/**
 * Finding doctors: the read model (chain facts: status, speciality, registration order) joined with
 * the off-chain profiles (names, city, state, date of joining). Filters on the read model run first,
 * on its indexes; city and state compare without regard to case (the collation), as do name sorts.
 */
import type { PipelineStage } from 'mongoose';
import type { DoctorSort, RegisteredDoctorStatus } from '@api';
import { DoctorModel, type DoctorRecord } from './doctor-store';
import { addressesMatchingName, type DoctorProfile } from './profile-store';

export interface DoctorSearchFilter {
  /** Words of the name (text index on doctor_profiles). */
  name?: string;
  status?: RegisteredDoctorStatus;
  speciality?: number;
  city?: string;
  state?: string;
  sort: DoctorSort;
  order: 'asc' | 'desc';
  offset: number;
  limit: number;
}

export type DoctorWithProfile = DoctorRecord & { profile?: DoctorProfile };

/** Case-insensitive comparison (strength 2: letters and accents count, case does not). */
const CASE_INSENSITIVE = { locale: 'en', strength: 2 };

const sortStage = (sort: DoctorSort, order: 'asc' | 'desc'): Record<string, 1 | -1> => {
  const direction = order === 'asc' ? 1 : -1;
  switch (sort) {
    case 'name':
      return { 'profile.lastName': direction, 'profile.firstName': direction, registeredPosition: 1 };
    case 'joined':
      return { 'profile.dateOfJoining': direction, registeredPosition: 1 };
    case 'registered':
      return { registeredPosition: direction };
  }
};

export async function searchDoctors(
  filter: DoctorSearchFilter,
): Promise<{ items: DoctorWithProfile[]; total: number }> {
  const chainFacts: Record<string, unknown> = {};
  if (filter.status) chainFacts.status = filter.status;
  if (filter.speciality !== undefined) chainFacts.speciality = filter.speciality;
  if (filter.name !== undefined) chainFacts.address = { $in: await addressesMatchingName(filter.name) };

  const profileFacts: Record<string, unknown> = {};
  if (filter.city) profileFacts['profile.city'] = filter.city;
  if (filter.state) profileFacts['profile.state'] = filter.state;

  const pipeline: PipelineStage[] = [
    { $match: chainFacts },
    { $lookup: { from: 'doctor_profiles', localField: 'address', foreignField: 'address', as: 'profile' } },
    { $unwind: { path: '$profile', preserveNullAndEmptyArrays: true } },
    ...(Object.keys(profileFacts).length ? [{ $match: profileFacts }] : []),
    {
      $facet: {
        items: [
          { $sort: sortStage(filter.sort, filter.order) },
          { $skip: filter.offset },
          { $limit: filter.limit },
          { $project: { _id: 0, 'profile._id': 0 } },
        ],
        total: [{ $count: 'count' }],
      },
    },
  ];
  const [result] = await DoctorModel.aggregate<{ items: DoctorWithProfile[]; total: { count: number }[] }>(
    pipeline,
  ).collation(CASE_INSENSITIVE);
  return { items: result?.items ?? [], total: result?.total[0]?.count ?? 0 };
}
