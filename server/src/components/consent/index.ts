/** Consent: which doctor may read and write which patient's records, read live from the Consent contract. */
export { consentRoutes } from './entry-points/api/consent-routes';
export { readConsent } from './domain/consent-view';
