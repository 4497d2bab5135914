import type { Routes } from '@angular/router';

export const PATIENTS_ROUTES: Routes = [
  {
    path: '',
    title: 'Patients · EHR Hospital',
    loadComponent: () => import('./patients').then((m) => m.Patients),
  },
];
