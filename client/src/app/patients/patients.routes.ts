import type { Routes } from '@angular/router';

export const PATIENTS_ROUTES: Routes = [
  {
    path: '',
    title: 'Patients · EHR Hospital',
    loadComponent: () => import('./patients').then((m) => m.Patients),
  },
  {
    path: 'profile',
    title: 'My profile · EHR Hospital',
    loadComponent: () => import('./my-profile').then((m) => m.MyProfile),
  },
  {
    // An admin (or a doctor with access) viewing one patient; the API decides and logs the read.
    path: ':address',
    title: 'Patient · EHR Hospital',
    loadComponent: () => import('./patient-detail').then((m) => m.PatientDetail),
  },
];
