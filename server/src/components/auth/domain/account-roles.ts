/**
 * Who the signed-in account is, asked of the Registry on every call: the chain is the source of
 * truth, so a revocation takes effect immediately without touching sessions.
 */
import type { Registry } from '@contracts/types';
import { doctorStatusFromChain, type DoctorStatus } from '../../../libraries/chain';

export type Role = 'admin' | 'doctor' | 'patient';

export interface AccountView {
  address: string;
  roles: Role[];
  doctorStatus: DoctorStatus;
}

export async function readAccount(registry: Registry, address: string): Promise<AccountView> {
  const [isAdmin, isPatient, status] = await Promise.all([
    registry.isAdmin(address),
    registry.isPatient(address),
    registry.doctorStatus(address),
  ]);
  const doctorStatus = doctorStatusFromChain(status);
  const roles: Role[] = [];
  if (isAdmin) roles.push('admin');
  if (doctorStatus === 'verified') roles.push('doctor');
  if (isPatient) roles.push('patient');
  return { address, roles, doctorStatus };
}
