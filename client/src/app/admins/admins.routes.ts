import type { Routes } from '@angular/router';

export const ADMINS_ROUTES: Routes = [
  {
    path: '',
    title: 'Admins · EHR Hospital',
    loadComponent: () => import('./admin-management').then((m) => m.AdminManagement),
  },
];
