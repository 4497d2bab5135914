import type { Feature } from '../feature';

export const DOCTORS_FEATURE: Feature = {
  path: 'doctors',
  loadChildren: () => import('./doctors.routes').then((m) => m.DOCTORS_ROUTES),
  nav: { label: 'Doctors' },
};

/** Patients search verified doctors by name, speciality and place. */
export const FIND_A_DOCTOR_FEATURE: Feature = {
  path: 'find-a-doctor',
  loadChildren: () => import('./doctors.routes').then((m) => m.FIND_A_DOCTOR_ROUTES),
  nav: { label: 'Find a doctor', roles: ['patient'] },
};
