import type { Feature } from '../feature';

/** Patients book appointments and follow them (My appointments); doctors' queue lives at /queue. */
export const APPOINTMENTS_FEATURE: Feature = {
  path: 'appointments',
  loadChildren: () => import('./appointments.routes').then((m) => m.APPOINTMENTS_ROUTES),
  nav: { label: 'Appointments', roles: ['patient'] },
};
