/**
 * Who may see which doctors, and which of their details. Verified doctors are the clinic's public
 * directory for every signed-in account; doctors not (or no longer) verified are the admins' review
 * queue, and each doctor still sees their own entry. Contact details (email, mobile) go to admins, to
 * the doctor, and to signed-in patients for verified doctors only. Roles are read from the Registry on
 * each request.
 */
import type { Registry } from '@contracts/types';
import type { RegisteredDoctorStatus } from '@api';
import { forbidden } from '../../../libraries/errors';
import type { DoctorStatus } from '../../../libraries/chain';

export interface DoctorReader {
  address: string;
  isAdmin: boolean;
  isPatient: boolean;
}

export async function doctorReader(registry: Registry, address: string): Promise<DoctorReader> {
  const [isAdmin, isPatient] = await Promise.all([registry.isAdmin(address), registry.isPatient(address)]);
  return { address, isAdmin, isPatient };
}

/** The statuses a list may show: non-admins get verified doctors only, and asking for others is refused. */
export function listableStatus(
  reader: DoctorReader,
  status: RegisteredDoctorStatus | undefined,
): RegisteredDoctorStatus | undefined {
  if (reader.isAdmin) return status;
  if (status === undefined || status === 'verified') return 'verified';
  throw forbidden('Only admins may list doctors who are not verified: ask for status=verified', 'ADMIN_ONLY');
}

const isSelf = (reader: DoctorReader, doctor: { address: string }) =>
  doctor.address.toLowerCase() === reader.address.toLowerCase();

/** Whether `reader` may see this doctor's entry; others get the same 404 as for an unknown address. */
export function mayView(reader: DoctorReader, doctor: { address: string; status: DoctorStatus }): boolean {
  return reader.isAdmin || doctor.status === 'verified' || isSelf(reader, doctor);
}

/** Whether `reader` may see the doctor's email and mobile. */
export function maySeeContact(reader: DoctorReader, doctor: { address: string; status: DoctorStatus }): boolean {
  return reader.isAdmin || isSelf(reader, doctor) || (reader.isPatient && doctor.status === 'verified');
}

/** The doctor themselves, for answers to their own writes. */
export const selfReader = (address: string): DoctorReader => ({ address, isAdmin: false, isPatient: false });
