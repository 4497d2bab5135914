import type { Feature } from '../feature';

/** Doctors publish what patients book: fee and slot length (chain), consulting hours. */
export const PRACTICE_FEATURE: Feature = {
  path: 'practice',
  loadChildren: () => import('./practice.routes').then((m) => m.PRACTICE_ROUTES),
  nav: { label: 'My practice', roles: ['doctor'] },
};
