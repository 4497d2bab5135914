/**
 * Practice: a doctor's consulting hours (off chain, in MongoDB) beside their on-chain terms (fee and slot
 * length), and the free slots patients book: the hours in the doctor's time zone, cut into slots of the
 * on-chain length, minus the times the chain holds for requested and accepted appointments.
 */
import { Appointments__factory, Registry__factory } from '@contracts/types';
import type { Component } from '../component';
import { practiceRoutes } from './entry-points/api/practice-routes';

export { practiceRoutes, type PracticeRouteOptions } from './entry-points/api/practice-routes';
export { freeSlots, type FreeSlotRequest, type TimeSpan, type WeeklySession } from './domain/free-slots';

export const practiceComponent: Component = {
  name: 'practice',
  contracts: ['Registry', 'Appointments'],
  apiRoutes: ({ chain, limitWrites }) =>
    practiceRoutes({
      registry: chain.contract('Registry', Registry__factory),
      appointments: chain.contract('Appointments', Appointments__factory),
      limitWrites,
    }),
};
