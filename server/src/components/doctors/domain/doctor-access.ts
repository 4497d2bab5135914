/**
 * Who may see which doctors. Verified doctors are the clinic's public directory for every signed-in
 * account; doctors not (or no longer) verified are the admins' review queue, and each doctor still
 * sees their own entry. Admin status is read from the Registry on each request.
 */
import type { Registry } from '@contracts/types';
import { forbidden } from '../../../libraries/errors';
import type { DoctorStatus } from '../../../libraries/chain';

export interface DoctorReader {
  address: string;
  isAdmin: boolean;
}

export async function doctorReader(registry: Registry, address: string): Promise<DoctorReader> {
  return { address, isAdmin: await registry.isAdmin(address) };
}

export function assertMayList(reader: DoctorReader, status: DoctorStatus | undefined): void {
  if (reader.isAdmin || status === 'verified') return;
  throw forbidden('Only admins may list doctors who are not verified: ask for status=verified', 'ADMIN_ONLY');
}

/** Whether `reader` may see this doctor's entry; others get the same 404 as for an unknown address. */
export function mayView(reader: DoctorReader, doctor: { address: string; status: DoctorStatus }): boolean {
  return (
    reader.isAdmin || doctor.status === 'verified' || doctor.address.toLowerCase() === reader.address.toLowerCase()
  );
}
