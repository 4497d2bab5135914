import type { Feature } from '../feature';

export const ADMINS_FEATURE: Feature = {
  path: 'admins',
  loadChildren: () => import('./admins.routes').then((m) => m.ADMINS_ROUTES),
  nav: { label: 'Admins', roles: ['admin'] },
};
