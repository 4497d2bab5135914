/**
 * FHIR: a patient's record as an HL7 FHIR R4 Bundle (Patient/$everything) for the patient, admins and doctors
 * with current access, built from the other components' read models (through their index.ts) and the chain.
 * Documents stay ciphertext: the Bundle points at them; only the patient's browser can inline them decrypted.
 */
import { Consent__factory, Registry__factory } from '@contracts/types';
import { deploymentOf } from '../../libraries/chain';
import type { Component } from '../component';
import { fhirRoutes } from './entry-points/api/fhir-routes';

export { APPOINTMENT_STATUS_TO_FHIR, SEX_TO_ADMINISTRATIVE_GENDER } from './domain/fhir-codes';

export const fhirComponent: Component = {
  name: 'fhir',
  contracts: ['Consent', 'Registry'],
  apiRoutes: ({ chain }) =>
    fhirRoutes({
      registry: chain.contract('Registry', Registry__factory),
      consent: chain.contract('Consent', Consent__factory),
      chainId: chain.chainId,
      consentDeployedAt: deploymentOf(chain.deployments, 'Consent').blockNumber,
    }),
};
