import type { Routes } from '@angular/router';

/** /doctors: the directory (admins: View Doctors), Add Doctor and Edit Doctor (admins; the API enforces). */
export const DOCTORS_ROUTES: Routes = [
  {
    path: '',
    title: 'Doctors · EHR Hospital',
    loadComponent: () => import('./doctor-verification').then((m) => m.DoctorVerification),
  },
  {
    path: 'add',
    title: 'Add doctor · EHR Hospital',
    loadComponent: () => import('./doctor-editor').then((m) => m.DoctorEditor),
  },
  {
    path: ':address/edit',
    title: 'Edit doctor · EHR Hospital',
    loadComponent: () => import('./doctor-editor').then((m) => m.DoctorEditor),
  },
];

/** /find-a-doctor: patients search the verified doctors. */
export const FIND_A_DOCTOR_ROUTES: Routes = [
  {
    path: '',
    title: 'Find a doctor · EHR Hospital',
    loadComponent: () => import('./find-a-doctor').then((m) => m.FindADoctor),
  },
];
