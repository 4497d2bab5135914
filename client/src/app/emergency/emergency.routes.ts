import type { Routes } from '@angular/router';

/** /emergency: the doctor's break-glass form and open windows; /emergency/:patient: the emergency view. */
export const EMERGENCY_ROUTES: Routes = [
  {
    path: '',
    title: 'Emergency access · EHR Hospital',
    loadComponent: () => import('./break-glass-page').then((m) => m.BreakGlassPage),
  },
  {
    path: ':patient',
    title: 'Emergency record · EHR Hospital',
    loadComponent: () => import('./emergency-record').then((m) => m.EmergencyRecord),
  },
];

/** /emergency-review: the admins' page. */
export const EMERGENCY_REVIEW_ROUTES: Routes = [
  {
    path: '',
    title: 'Emergency review · EHR Hospital',
    loadComponent: () => import('./emergency-review-page').then((m) => m.EmergencyReviewPage),
  },
];
