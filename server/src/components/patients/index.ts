/**
 * Patients: the read model of registrations (from Registry events, written only through the indexer),
 * the off-chain profiles patients keep themselves, and the access log of who else read them.
 */
import { Consent__factory, Erasure__factory, Registry__factory } from '@contracts/types';
import { deploymentOf } from '../../libraries/chain';
import type { Component } from '../component';
import { patientRoutes } from './entry-points/api/patient-routes';
import { patientRegistryEvents } from './entry-points/chain-events/registry-events';

export { recordPatientRegistered, clearPatientReadModel } from './domain/patient-events';
export { findPatient, type PatientRecord } from './data-access/patient-store';
export { findNames as findPatientNames, findProfile as findPatientProfile } from './data-access/profile-store';
export type { PatientProfileRecord } from './data-access/profile-store';
export { patientAccessLog } from './domain/patient-access-log';
export { emergencyProfileOf } from './domain/patient-profiles';
export type { PatientAccessEntry, AccessReason } from './data-access/access-log-store';

export { erasePatientData } from './domain/patient-erasure';
export const patientsComponent: Component = {
  name: 'patients',
  contracts: ['Registry', 'Consent', 'Erasure'],
  apiRoutes: ({ chain, limitWrites }) =>
    patientRoutes({
      registry: chain.contract('Registry', Registry__factory),
      consent: chain.contract('Consent', Consent__factory),
      erasure: chain.contract('Erasure', Erasure__factory),
      limitWrites,
    }),
  eventSources: (deployments) => [patientRegistryEvents(deploymentOf(deployments, 'Registry'))],
};
