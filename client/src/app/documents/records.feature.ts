import type { Feature } from '../feature';

/** Patients keep their documents (My records); doctors with access open a patient's at /records/:patient. */
export const RECORDS_FEATURE: Feature = {
  path: 'records',
  loadChildren: () => import('./records.routes').then((m) => m.RECORDS_ROUTES),
  nav: { label: 'Records', roles: ['patient'] },
};
