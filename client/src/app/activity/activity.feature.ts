import type { Feature } from '../feature';

export const ACTIVITY_FEATURE: Feature = {
  path: 'activity',
  loadChildren: () => import('./activity.routes').then((m) => m.ACTIVITY_ROUTES),
  nav: { label: 'Activity' },
};
