/**
 * Research sharing by opt-in (docs/decisions/0019-research-sharing.md): the read models of the
 * patients' opt-ins and of the export anchors (from ResearchSharing events, written only through the
 * indexer), and the admins' de-identified exports (k-anonymous rows, Laplace-noised counts), logged in
 * each participant's access log and anchored on chain by the admin's wallet.
 */
import { Erasure__factory, Registry__factory, ResearchSharing__factory } from '@contracts/types';
import { deploymentOf } from '../../libraries/chain';
import type { Component } from '../component';
import { researchRoutes } from './entry-points/api/research-routes';
import { researchEvents } from './entry-points/chain-events/research-events';

/** For the erasure component's list: forgets this component's read-model data about one patient. */
export { eraseResearchData } from './domain/research-events';
export type { ErasedAmong } from './domain/research-exports';

export const researchComponent: Component = {
  name: 'research',
  contracts: ['ResearchSharing', 'Registry', 'Erasure'],
  apiRoutes: ({ chain, config, limitWrites }) =>
    researchRoutes({
      registry: chain.contract('Registry', Registry__factory),
      researchSharing: chain.contract('ResearchSharing', ResearchSharing__factory),
      provider: chain.provider,
      defaults: { k: config.researchDefaultK, epsilon: config.researchDefaultEpsilon },
      erasure: chain.contract('Erasure', Erasure__factory),
      limitWrites,
    }),
  eventSources: (deployments) => [researchEvents(deploymentOf(deployments, 'ResearchSharing'))],
};
