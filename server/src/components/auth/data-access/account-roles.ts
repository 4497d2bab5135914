/**
 * Who the signed-in account is, asked of the Registry on every call: the chain is the source of
 * truth, so a revocation takes effect immediately without touching sessions.
 */
import type { Registry } from '@contracts/types';
import type { Account, Role } from '@api';
import { doctorStatusFromChain } from '../../../libraries/chain';

export async function readAccount(registry: Registry, address: string): Promise<Account> {
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
