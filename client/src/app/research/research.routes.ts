import type { Routes } from '@angular/router';

export const RESEARCH_ROUTES: Routes = [
  {
    path: '',
    title: 'Research exports · EHR Hospital',
    loadComponent: () => import('./research-exports').then((m) => m.ResearchExports),
  },
];
