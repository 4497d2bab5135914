import type { Feature } from '../feature';

export const TRANSACTIONS_FEATURE: Feature = {
  path: 'transactions',
  loadChildren: () => import('./transactions.routes').then((m) => m.TRANSACTIONS_ROUTES),
  nav: { label: 'Transactions' },
};
