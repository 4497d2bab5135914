/** Patients read model (minimal for now: registrations from Registry events). */
import { deploymentOf } from '../../libraries/chain';
import type { Component } from '../component';
import { patientRegistryEvents } from './entry-points/chain-events/registry-events';

export { recordPatientRegistered, clearPatientReadModel } from './domain/patient-events';
export { findPatient, type PatientRecord } from './data-access/patient-store';

export const patientsComponent: Component = {
  name: 'patients',
  contracts: ['Registry'],
  eventSources: (deployments) => [patientRegistryEvents(deploymentOf(deployments, 'Registry'))],
};
