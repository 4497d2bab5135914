/**
 * Doctors: the read model built from Registry events (written only through the indexer, by this
 * component's event source) and the off-chain profiles and licences doctors store themselves.
 */
import { Registry__factory } from '@contracts/types';
import { deploymentOf } from '../../libraries/chain';
import type { Component } from '../component';
import { doctorRoutes } from './entry-points/api/doctor-routes';
import { doctorRegistryEvents } from './entry-points/chain-events/registry-events';

export { doctorRoutes, type DoctorRouteOptions } from './entry-points/api/doctor-routes';
export {
  recordDoctorRegistered,
  recordDoctorVerified,
  recordDoctorRevoked,
  clearDoctorReadModel,
  type EventPosition,
} from './domain/doctor-events';
export { doctorSummaries, type DoctorSummary } from './domain/doctor-summaries';
export type { ProfileEdit } from './domain/doctor-profiles';
export { licenceCommitment } from './domain/licence-commitment';

export const doctorsComponent: Component = {
  name: 'doctors',
  contracts: ['Registry'],
  apiRoutes: ({ chain, limitWrites }) =>
    doctorRoutes({ registry: chain.contract('Registry', Registry__factory), limitWrites }),
  eventSources: (deployments) => [doctorRegistryEvents(deploymentOf(deployments, 'Registry'))],
};
