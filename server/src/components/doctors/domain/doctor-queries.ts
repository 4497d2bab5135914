/**
 * Reading doctors (as `doctor-access` allows): the directory search and one doctor.
 */
import type { DoctorListQuery, DoctorPage, DoctorView } from '@api';
import { notFound } from '../../../libraries/errors';
import { findDoctor } from '../data-access/doctor-store';
import { findProfiles } from '../data-access/profile-store';
import { searchDoctors } from '../data-access/doctor-search';
import { listableStatus, mayView, type DoctorReader } from './doctor-access';
import { toDoctorView } from './doctor-view';

export async function listDoctors(reader: DoctorReader, query: DoctorListQuery): Promise<DoctorPage> {
  const { q, ...filters } = query;
  const { items, total } = await searchDoctors({
    ...filters,
    ...(q !== undefined && { name: q }),
    status: listableStatus(reader, query.status),
  });
  return { items: items.map(({ profile, ...doctor }) => toDoctorView(doctor, profile, reader)), total };
}

export async function getDoctor(reader: DoctorReader, address: string): Promise<DoctorView> {
  const doctor = await findDoctor(address);
  if (!doctor || !mayView(reader, doctor))
    throw notFound(`No doctor registered with address ${address}`, 'DOCTOR_NOT_FOUND');
  const profiles = await findProfiles([address]);
  return toDoctorView(doctor, profiles.get(address), reader);
}
