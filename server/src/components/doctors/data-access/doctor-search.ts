/**
 * Finding doctors: the read model (chain facts: status, speciality, registration order) joined with
 * the off-chain profiles (names, city, state, date of joining). Filters on the read model run first,
 * on its indexes; city and state compare without regard to case (the collation), as do name sorts.
 */
import type { PipelineStage } from 'mongoose';
import type { DoctorSort, RegisteredDoctorStatus } from '@api';
import { DoctorModel, type DoctorRecord } from './doctor-store';
import { CASE_INSENSITIVE, addressesMatchingName, type DoctorProfile } from './profile-store';

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

/** Each doctor with their profile, if they saved one. */
const JOIN_PROFILE: PipelineStage[] = [
  { $lookup: { from: 'doctor_profiles', localField: 'address', foreignField: 'address', as: 'profile' } },
  { $unwind: { path: '$profile', preserveNullAndEmptyArrays: true } },
];

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

  if (filter.sort === 'registered' && Object.keys(profileFacts).length === 0) {
    return pageInRegistrationOrder(chainFacts, filter);
  }
  return pageByProfile(chainFacts, profileFacts, filter);
}

/** The page cut from the read model alone, on its indexes; only the page's doctors are joined with their profiles. */
async function pageInRegistrationOrder(
  chainFacts: Record<string, unknown>,
  filter: DoctorSearchFilter,
): Promise<{ items: DoctorWithProfile[]; total: number }> {
  // No collation: these filters compare no text a person typed, and a collation would keep the indexes unused.
  const [items, total] = await Promise.all([
    DoctorModel.aggregate<DoctorWithProfile>([
      { $match: chainFacts },
      { $sort: sortStage('registered', filter.order) },
      { $skip: filter.offset },
      { $limit: filter.limit },
      ...JOIN_PROFILE,
      { $project: { _id: 0, 'profile._id': 0 } },
    ]),
    DoctorModel.aggregate<{ count: number }>([{ $match: chainFacts }, { $count: 'count' }]),
  ]);
  return { items, total: total[0]?.count ?? 0 };
}

/** Orders or filters by profile fields (names, date of joining, city, state): every match is joined first. */
async function pageByProfile(
  chainFacts: Record<string, unknown>,
  profileFacts: Record<string, unknown>,
  filter: DoctorSearchFilter,
): Promise<{ items: DoctorWithProfile[]; total: number }> {
  const pipeline: PipelineStage[] = [
    { $match: chainFacts },
    ...JOIN_PROFILE,
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
  // The join runs under this collation too: profile-store's case-insensitive address index serves it.
  const [result] = await DoctorModel.aggregate<{ items: DoctorWithProfile[]; total: { count: number }[] }>(
    pipeline,
  ).collation(CASE_INSENSITIVE);
  return { items: result?.items ?? [], total: result?.total[0]?.count ?? 0 };
}
