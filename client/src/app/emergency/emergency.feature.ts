import type { Feature } from '../feature';

/** Doctors: break-glass access to a patient's record in an emergency, without consent, recorded and reviewed. */
export const EMERGENCY_FEATURE: Feature = {
  path: 'emergency',
  loadChildren: () => import('./emergency.routes').then((m) => m.EMERGENCY_ROUTES),
  nav: { label: 'Emergency access', roles: ['doctor'] },
};

/** Admins: the review queue of emergency accesses, the clinic emergency key, the window, document release. */
export const EMERGENCY_REVIEW_FEATURE: Feature = {
  path: 'emergency-review',
  loadChildren: () => import('./emergency.routes').then((m) => m.EMERGENCY_REVIEW_ROUTES),
  nav: { label: 'Emergency review', roles: ['admin'] },
};
