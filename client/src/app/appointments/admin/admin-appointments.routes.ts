import type { Routes } from '@angular/router';

/** /admin-appointments: every appointment, and the disputed no-shows to settle (admins; the API enforces). */
export const ADMIN_APPOINTMENTS_ROUTES: Routes = [
  {
    path: '',
    title: 'Appointments (admin) · EHR Hospital',
    loadComponent: () => import('./admin-appointments').then((m) => m.AdminAppointments),
  },
];
