import type { Routes } from '@angular/router';

/** /practice: the verified doctor's fee, slot length and consulting hours. */
export const PRACTICE_ROUTES: Routes = [
  {
    path: '',
    title: 'My practice · EHR Hospital',
    loadComponent: () => import('./my-practice').then((m) => m.MyPractice),
  },
];
