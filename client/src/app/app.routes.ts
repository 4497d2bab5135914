import type { Routes } from '@angular/router';
import { signedInGuard } from './auth/auth.guards';

export const APP_ROUTES: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'EHR Hospital',
    loadComponent: () => import('./landing/landing').then((m) => m.Landing),
  },
  {
    path: '',
    canMatch: [signedInGuard],
    loadComponent: () => import('./shell/shell').then((m) => m.Shell),
    children: [
      { path: 'dashboard', loadChildren: () => import('./dashboard/dashboard.routes').then((m) => m.DASHBOARD_ROUTES) },
      { path: 'doctors', loadChildren: () => import('./doctors/doctors.routes').then((m) => m.DOCTORS_ROUTES) },
      { path: 'patients', loadChildren: () => import('./patients/patients.routes').then((m) => m.PATIENTS_ROUTES) },
    ],
  },
  { path: '**', redirectTo: '' },
];
