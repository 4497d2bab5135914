/** Consent: which doctor may read and write which patient's records, read live from the Consent contract. */
import { Consent__factory, Registry__factory } from '@contracts/types';
import type { Component } from '../component';
import { consentRoutes } from './entry-points/api/consent-routes';

export { consentRoutes } from './entry-points/api/consent-routes';
export { readConsent } from './domain/consent-view';

export const consentComponent: Component = {
  name: 'consent',
  contracts: ['Consent', 'Registry'],
  apiRoutes: ({ chain }) =>
    consentRoutes({ registry: chain.contract('Registry', Registry__factory), consent: chain.contract('Consent', Consent__factory) }),
};
