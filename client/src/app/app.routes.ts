import type { Routes } from '@angular/router';
import { signedInGuard } from './auth/auth.guards';
import { FEATURES } from './features';

export const APP_ROUTES: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'EHR Hospital',
    loadComponent: () => import('./landing/landing').then((m) => m.Landing),
  },
  {
    path: '',
    canMatch: [signedInGuard],
    loadComponent: () => import('./shell/shell').then((m) => m.Shell),
    // Each feature lazily, from its own folder (features.ts).
    children: FEATURES.map(({ path, loadChildren }) => ({ path, loadChildren })),
  },
  { path: '**', redirectTo: '' },
];
