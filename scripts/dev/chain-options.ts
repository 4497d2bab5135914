/**
 * What makes a chain "the EHR dev chain": chain id, hardfork and the public dev mnemonic. The dev stack
 * (chain.ts) and every test chain (test/support/ganache.ts) start Ganache from these options, so a
 * test runs on the chain a developer runs. Kept free of Node APIs so browser specs can import it.
 */

/** Hardhat's and Foundry's well-known test mnemonic: its keys are public. Never fund them on a real network. */
export const DEV_MNEMONIC = 'test test test test test test test test test test test junk';
export const CHAIN_ID = 1337;
/** Ganache 7.9 stops at shanghai; the contracts are compiled for it (truffle-config.js). */
export const HARDFORK = 'shanghai';
export const DEV_ACCOUNT_COUNT = 11;
/**
 * The audit anchorer's dev account: the migration makes it Anchoring's audit anchorer
 * (migrations/system.json `$auditAnchorer.devAccountIndex`) and the dev stack gives the server its key.
 */
export const DEV_AUDIT_ANCHORER_INDEX = 10;

/** Ganache derives its accounts on the standard Ethereum path. */
export const devAccountPath = (index: number) => `m/44'/60'/0'/0/${index}`;

export type DevRole = 'admin' | 'doctor' | 'patient' | 'anchorer';

/** The role account `index` plays in the dev setup (a label only: roles live on chain). */
export function devAccountRole(index: number): DevRole {
  if (index === DEV_AUDIT_ANCHORER_INDEX) return 'anchorer';
  return index === 0 ? 'admin' : index <= 3 ? 'doctor' : 'patient';
}

/** Ganache's options for a dev chain; `wallet` adds to the dev mnemonic's (e.g. more accounts). */
export function devChainOptions(wallet: { totalAccounts?: number; defaultBalance?: number } = {}) {
  return {
    logging: { quiet: true },
    chain: { chainId: CHAIN_ID, networkId: CHAIN_ID, hardfork: HARDFORK },
    wallet: { mnemonic: DEV_MNEMONIC, totalAccounts: DEV_ACCOUNT_COUNT, ...wallet },
  } as const;
}
