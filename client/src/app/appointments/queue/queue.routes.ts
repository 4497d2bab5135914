import type { Routes } from '@angular/router';

/** /queue: the verified doctor's appointments; /queue/:id/note: a consultation note about one. */
export const QUEUE_ROUTES: Routes = [
  {
    path: '',
    title: 'Appointments · EHR Hospital',
    loadComponent: () => import('./doctor-queue').then((m) => m.DoctorQueue),
  },
  {
    path: ':id/note',
    title: 'Consultation note · EHR Hospital',
    loadComponent: () => import('../../notes/appointment-note-page').then((m) => m.AppointmentNotePage),
  },
];
