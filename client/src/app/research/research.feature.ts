import type { Feature } from '../feature';

export const RESEARCH_FEATURE: Feature = {
  path: 'research',
  loadChildren: () => import('./research.routes').then((m) => m.RESEARCH_ROUTES),
  nav: { label: 'Research', roles: ['admin'] },
};
