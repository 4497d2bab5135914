import type { Routes } from '@angular/router';

export const TRANSACTIONS_ROUTES: Routes = [
  {
    path: '',
    title: 'Transactions · EHR Hospital',
    loadComponent: () => import('./transaction-records').then((m) => m.TransactionRecords),
  },
];
