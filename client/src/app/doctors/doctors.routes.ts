import type { Routes } from '@angular/router';

export const DOCTORS_ROUTES: Routes = [
  {
    path: '',
    title: 'Doctors · EHR Hospital',
    loadComponent: () => import('./doctor-verification').then((m) => m.DoctorVerification),
  },
];
