/**
 * Consent: which doctor may read and write which patient's records, read live from the Consent
 * contract, and the read model of which (patient, doctor) pairs exist, built from its events.
 */
import { Consent__factory, Registry__factory } from '@contracts/types';
import { deploymentOf } from '../../libraries/chain';
import type { Component } from '../component';
import { consentRoutes } from './entry-points/api/consent-routes';
import { consentEvents } from './entry-points/chain-events/consent-events';

export { consentRoutes } from './entry-points/api/consent-routes';
export { readConsent } from './domain/consent-view';

export { deleteConsentPairsOf as eraseConsentData } from './data-access/consent-pair-store';
export const consentComponent: Component = {
  name: 'consent',
  contracts: ['Consent', 'Registry'],
  apiRoutes: ({ chain }) =>
    consentRoutes({
      registry: chain.contract('Registry', Registry__factory),
      consent: chain.contract('Consent', Consent__factory),
    }),
  eventSources: (deployments) => [consentEvents(deploymentOf(deployments, 'Consent'))],
};
