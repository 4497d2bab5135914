/**
 * Consent: which doctor may read and write which patient's records, read live from the Consent
 * contract, and the read model of which (patient, doctor) pairs exist, built from its events.
 */
export { consentRoutes } from './entry-points/api/consent-routes';
export { consentSource } from './entry-points/indexer/consent-source';
export type { PatientConsent, PatientConsentPage } from './domain/patient-consents';
export { readConsent, type ConsentView } from './domain/consent-view';
