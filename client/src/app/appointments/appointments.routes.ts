import type { Routes } from '@angular/router';

/** /appointments: My appointments, booking a doctor's free slot, moving a booking to another slot (patients; the API and contract enforce). */
export const APPOINTMENTS_ROUTES: Routes = [
  {
    path: '',
    title: 'My appointments · EHR Hospital',
    loadComponent: () => import('./my-appointments').then((m) => m.MyAppointments),
  },
  {
    path: 'book/:doctor',
    title: 'Book an appointment · EHR Hospital',
    loadComponent: () => import('./book-appointment').then((m) => m.BookAppointment),
  },
  {
    path: ':id/reschedule',
    title: 'Reschedule an appointment · EHR Hospital',
    loadComponent: () => import('./reschedule-appointment').then((m) => m.RescheduleAppointment),
  },
];
