/**
 * Finding doctors: the read model (chain facts: status, speciality, registration order, and copies of the
 * profile fields the directory sorts and filters on: names, date of joining, city, state) cut into a page
 * on its indexes; only the page's doctors are joined with their profiles. City and state compare without
 * regard to case (the collation), as do name sorts; doctors without a profile (or names) sort first, as nulls.
 */
import type { PipelineStage } from 'mongoose';
import type { DoctorSort, RegisteredDoctorStatus } from '@api';
import { DIRECTORY_FIELDS, DoctorModel, type DoctorRecord } from './doctor-store';
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
      return { lastName: direction, firstName: direction, registeredPosition: 1 };
    case 'joined':
      return { dateOfJoining: direction, registeredPosition: 1 };
    case 'registered':
      return { registeredPosition: direction };
  }
};

/** The directory copies are the read model's bookkeeping: the API shows the profile's own fields. */
const PAGE_PROJECTION = {
  _id: 0,
  'profile._id': 0,
  profileSavedAt: 0,
  ...Object.fromEntries(DIRECTORY_FIELDS.map((field) => [field, 0])),
};

export async function searchDoctors(
  filter: DoctorSearchFilter,
): Promise<{ items: DoctorWithProfile[]; total: number }> {
  const facts: Record<string, unknown> = {};
  if (filter.status) facts.status = filter.status;
  if (filter.speciality !== undefined) facts.speciality = filter.speciality;
  if (filter.name !== undefined) facts.address = { $in: await addressesMatchingName(filter.name) };
  if (filter.city) facts.city = filter.city;
  if (filter.state) facts.state = filter.state;

  // Registration order compares no text a person typed: the plain indexes serve it, which a collation would leave
  // unused. Names, city and state compare in any case, on the collated directory indexes (doctor-store.ts).
  const byChainFactsOnly = filter.sort === 'registered' && !filter.city && !filter.state;
  const collation = byChainFactsOnly ? undefined : CASE_INSENSITIVE;

  const items = DoctorModel.aggregate<DoctorWithProfile>([
    { $match: facts },
    { $sort: sortStage(filter.sort, filter.order) },
    { $skip: filter.offset },
    { $limit: filter.limit },
    // Under the collation the join is served by profile-store's case-insensitive address index.
    ...JOIN_PROFILE,
    { $project: PAGE_PROJECTION },
  ]);
  const total = DoctorModel.aggregate<{ count: number }>([{ $match: facts }, { $count: 'count' }]);
  if (collation) {
    items.collation(collation);
    total.collation(collation);
  }
  const [page, counted] = await Promise.all([items, total]);
  return { items: page, total: counted[0]?.count ?? 0 };
}
