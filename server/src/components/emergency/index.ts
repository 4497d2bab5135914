/**
 * Emergency access (break-glass): the read model of EmergencyAccess events (openings, ends, emergency
 * sharing, the clinic key), the doctors' justifications behind the on-chain commitments, the admins'
 * review queue, the emergency profile a live window opens, and the clinic-key wraps through which an
 * admin's browser re-wraps an opted-in patient's document keys for the doctor. See
 * docs/decisions/0021-emergency-access.md.
 */
import { EmergencyAccess__factory, Registry__factory } from '@contracts/types';
import { deploymentOf } from '../../libraries/chain';
import type { Component } from '../component';
import { emergencyRoutes } from './entry-points/api/emergency-routes';
import { emergencyEvents } from './entry-points/chain-events/emergency-events';

export { eraseEmergencyData, type EmergencyErasure } from './domain/erase-emergency-data';
export { justificationCommitment } from './domain/justifications';

export const emergencyComponent: Component = {
  name: 'emergency',
  contracts: ['EmergencyAccess', 'Registry'],
  apiRoutes: ({ chain, limitWrites }) =>
    emergencyRoutes(
      {
        registry: chain.contract('Registry', Registry__factory),
        emergency: chain.contract('EmergencyAccess', EmergencyAccess__factory),
        provider: chain.provider,
      },
      limitWrites,
    ),
  eventSources: (deployments) => [emergencyEvents(deploymentOf(deployments, 'EmergencyAccess'))],
};
