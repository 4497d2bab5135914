import type { Feature } from '../feature';

export const PATIENTS_FEATURE: Feature = {
  path: 'patients',
  loadChildren: () => import('./patients.routes').then((m) => m.PATIENTS_ROUTES),
  nav: { label: 'Patients' },
};
