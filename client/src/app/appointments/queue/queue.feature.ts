import type { Feature } from '../../feature';

/** The doctor's queue: requests to decide, appointments to close, fees to withdraw. */
export const QUEUE_FEATURE: Feature = {
  path: 'queue',
  loadChildren: () => import('./queue.routes').then((m) => m.QUEUE_ROUTES),
  nav: { label: 'Appointments', roles: ['doctor'] },
};
