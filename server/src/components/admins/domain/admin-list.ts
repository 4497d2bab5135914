/**
 * The admins, read from the Registry (the source of truth for roles) on every request: no read model
 * to lag behind an addAdmin or removeAdmin the admin's wallet just sent.
 */
import { ZeroHash } from 'ethers';
import type { Registry } from '@contracts/types';
import type { AdminList } from '@api';
import { forbidden } from '../../../libraries/errors';

/** OpenZeppelin's DEFAULT_ADMIN_ROLE (bytes32(0)), the Registry's one role. */
const DEFAULT_ADMIN_ROLE = ZeroHash;

export async function listAdmins(registry: Registry, reader: string): Promise<AdminList> {
  if (!(await registry.isAdmin(reader))) throw forbidden('Only admins may list the admins', 'ADMIN_ONLY');
  const admins = await registry.getRoleMembers(DEFAULT_ADMIN_ROLE);
  return { admins: [...admins], count: admins.length };
}
