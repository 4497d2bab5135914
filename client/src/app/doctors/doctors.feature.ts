import type { Feature } from '../feature';

export const DOCTORS_FEATURE: Feature = {
  path: 'doctors',
  loadChildren: () => import('./doctors.routes').then((m) => m.DOCTORS_ROUTES),
  nav: { label: 'Doctors' },
};
