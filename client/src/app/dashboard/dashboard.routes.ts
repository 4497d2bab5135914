import type { Routes } from '@angular/router';

export const DASHBOARD_ROUTES: Routes = [
  {
    path: '',
    title: 'Dashboard · EHR Hospital',
    loadComponent: () => import('./dashboard').then((m) => m.Dashboard),
  },
];
