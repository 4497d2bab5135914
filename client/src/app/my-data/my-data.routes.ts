import type { Routes } from '@angular/router';

export const MY_DATA_ROUTES: Routes = [
  {
    path: '',
    title: 'My data · EHR Hospital',
    loadComponent: () => import('./my-data').then((m) => m.MyData),
  },
];
