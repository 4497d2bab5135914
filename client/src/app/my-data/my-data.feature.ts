import type { Feature } from '../feature';

/** A patient's rights over their data in one place: take it elsewhere, share it for research, emergency sharing, erase it. */
export const MY_DATA_FEATURE: Feature = {
  path: 'my-data',
  loadChildren: () => import('./my-data.routes').then((m) => m.MY_DATA_ROUTES),
  nav: { label: 'My data', roles: ['patient'] },
};
