import type { Routes } from '@angular/router';

/** /queue: the verified doctor's appointments. */
export const QUEUE_ROUTES: Routes = [
  {
    path: '',
    title: 'Appointments · EHR Hospital',
    loadComponent: () => import('./doctor-queue').then((m) => m.DoctorQueue),
  },
];
