/**
 * Appointments: the read model of every appointment, built from Appointments events (written only through
 * the indexer, by this component's event source) with each booking's encrypted reason note's CID, the
 * doctor's off-chain rejection reason, the admins' charts and the live stream of changes.
 */
import { Appointments__factory, Registry__factory } from '@contracts/types';
import { deploymentOf } from '../../libraries/chain';
import type { Component } from '../component';
import { appointmentRoutes } from './entry-points/api/appointment-routes';
import { appointmentsEvents } from './entry-points/chain-events/appointments-events';

export { appointmentRoutes, type AppointmentRouteOptions } from './entry-points/api/appointment-routes';
export { onAppointmentChange } from './domain/appointment-changes';
export { appointmentGroundForReason } from './domain/reason-ground';
export { findAppointments, type AppointmentRecord, type ListedStatus } from './data-access/appointment-store';

export { appointmentNoteCidsOf, eraseAppointmentsData } from './domain/appointments-erasure';
export const appointmentsComponent: Component = {
  name: 'appointments',
  contracts: ['Appointments', 'Registry'],
  apiRoutes: ({ chain, limitWrites }) =>
    appointmentRoutes({
      appointments: chain.contract('Appointments', Appointments__factory),
      registry: chain.contract('Registry', Registry__factory),
      limitWrites,
    }),
  eventSources: (deployments, provider) => [appointmentsEvents(deploymentOf(deployments, 'Appointments'), provider)],
};
