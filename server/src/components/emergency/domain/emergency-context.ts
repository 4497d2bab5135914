/**
 * What this component's domain functions need from outside: the Registry and EmergencyAccess contracts,
 * read live on every request (a revoked doctor or an ended window counts at once), and the chain's clock.
 */
import { getAddress, type Provider } from 'ethers';
import type { EmergencyAccess, Registry } from '@contracts/types';
import { forbidden } from '../../../libraries/errors';

export interface EmergencyChain {
  registry: Registry;
  emergency: EmergencyAccess;
  provider: Provider;
}

/** Accounts compare in their checksummed form (the form addresses are stored in). */
export const accountOf = (address: string): string => getAddress(address.toLowerCase());

/** The latest block's time: windows open and close by the chain's clock, not the server's. */
export async function chainNow(chain: EmergencyChain): Promise<Date> {
  const block = await chain.provider.getBlock('latest');
  return block ? new Date(block.timestamp * 1000) : new Date();
}

export async function assertAdmin(chain: EmergencyChain, caller: string, action: string): Promise<void> {
  if (!(await chain.registry.isAdmin(caller))) throw forbidden(`Only admins may ${action}`, 'ADMIN_ONLY');
}

/** The clinic emergency public key on chain, lowercase hex; null while no admin set one. */
export async function clinicKeyOnChain(chain: EmergencyChain): Promise<string | null> {
  const key = (await chain.emergency.emergencyKey()).toLowerCase();
  return /^0x0{64}$/.test(key) ? null : key;
}

/** "window until <ISO>": how the access log names a break-glass window, never by its justification. */
export const windowWords = (expiresAtSeconds: bigint): string =>
  `emergency access: window until ${new Date(Number(expiresAtSeconds) * 1000).toISOString()}`;
