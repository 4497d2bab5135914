import type { Routes } from '@angular/router';

export const ACTIVITY_ROUTES: Routes = [
  {
    path: '',
    title: 'Activity · EHR Hospital',
    loadComponent: () => import('./activity-timeline').then((m) => m.ActivityTimeline),
  },
];
