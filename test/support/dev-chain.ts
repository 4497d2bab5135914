/**
 * The dev chain's identity for every test (contracts, server, scripts, client specs, e2e): the public
 * dev mnemonic, the chain id and the well-known accounts, taken from the dev stack's own options
 * (scripts/dev/chain-options.ts) so tests and `npm start` cannot drift apart.
 */
import { HDNodeWallet } from 'ethers';
import {
  DEV_ACCOUNT_COUNT,
  devAccountPath,
  devAccountRole,
  DEV_MNEMONIC,
  type DevRole,
} from '../../scripts/dev/chain-options';

export { CHAIN_ID, DEV_AUDIT_ANCHORER_INDEX, DEV_MNEMONIC, HARDFORK } from '../../scripts/dev/chain-options';

/** Dev account `index` (any index: beyond Ganache's funded ones too), not connected to a provider. */
export function devAccount(index: number): HDNodeWallet {
  return HDNodeWallet.fromPhrase(DEV_MNEMONIC, undefined, devAccountPath(index));
}

/** Indices of the funded dev accounts by the role the dev setup gives them (0 admin, 1-3 doctors, 10 the audit anchorer, the rest patients). */
export const DEV_ACCOUNTS: Readonly<Record<DevRole, readonly number[]>> = (() => {
  const byRole: Record<DevRole, number[]> = { admin: [], doctor: [], patient: [], anchorer: [] };
  for (let index = 0; index < DEV_ACCOUNT_COUNT; index++) byRole[devAccountRole(index)].push(index);
  return byRole;
})();

/** Account 0 deploys the contracts, so it is the Registry's first admin. */
export const DEV_ADMIN = DEV_ACCOUNTS.admin[0];
