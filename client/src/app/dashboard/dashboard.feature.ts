import type { Feature } from '../feature';

export const DASHBOARD_FEATURE: Feature = {
  path: 'dashboard',
  loadChildren: () => import('./dashboard.routes').then((m) => m.DASHBOARD_ROUTES),
  nav: { label: 'Dashboard' },
};
