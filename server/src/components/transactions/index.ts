/**
 * Transaction Records and the admin statistics: every transaction seen in the contracts' logs (with
 * its receipt) plus the ones the client reports sending, so pending and reverted ones show too.
 */
import {
  Anchoring__factory,
  Appointments__factory,
  Consent__factory,
  Records__factory,
  Registry__factory,
} from '@contracts/types';
import { deploymentOf } from '../../libraries/chain';
import type { Component } from '../component';
import { transactionRoutes } from './entry-points/api/transaction-routes';
import { contractTransactions } from './entry-points/chain-events/contract-transactions';

export { computeStats, percentile } from './domain/transaction-stats';

/** The contracts whose transactions are recorded, with their ABIs. */
const RECORDED_CONTRACTS = {
  Registry: Registry__factory,
  Consent: Consent__factory,
  Appointments: Appointments__factory,
  Records: Records__factory,
  Anchoring: Anchoring__factory,
} as const;

export { eraseTransactionsData } from './domain/transactions-erasure';
export const transactionsComponent: Component = {
  name: 'transactions',
  contracts: Object.keys(RECORDED_CONTRACTS),
  apiRoutes: ({ chain, limitWrites }) =>
    transactionRoutes({
      registry: chain.contract('Registry', Registry__factory),
      provider: chain.provider,
      limitWrites,
    }),
  eventSources: (deployments, provider) =>
    Object.entries(RECORDED_CONTRACTS).map(([name, factory]) =>
      contractTransactions(
        { name, deployment: deploymentOf(deployments, name), contractInterface: factory.createInterface() },
        provider,
      ),
    ),
};
