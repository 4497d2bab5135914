import type { Feature } from '../../feature';

/** Admins see every appointment and settle disputed no-shows. */
export const ADMIN_APPOINTMENTS_FEATURE: Feature = {
  path: 'admin-appointments',
  loadChildren: () => import('./admin-appointments.routes').then((m) => m.ADMIN_APPOINTMENTS_ROUTES),
  nav: { label: 'Appointments', roles: ['admin'] },
};
