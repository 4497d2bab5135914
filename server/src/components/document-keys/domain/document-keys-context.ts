/** What the domain functions of this component need from outside: live chain roles and the app's chain id. */
import { getAddress } from 'ethers';
import type { ChainRoles } from '../data-access/chain-roles';

export interface DocumentKeysContext {
  roles: ChainRoles;
  /** The chain every signed statement must name (config.chainId). */
  chainId: number;
}

/** Accounts compare in their checksummed form (the form addresses are stored and keyed in). */
export const accountOf = (address: string): string => getAddress(address.toLowerCase());
