/** Route guards for UX only: the API enforces sessions and the contracts enforce roles. */
import { inject } from '@angular/core';
import { Router, type CanMatchFn } from '@angular/router';
import { Session } from './session';

/** Signed-in areas: without a session, go to the landing page to sign in. */
export const signedInGuard: CanMatchFn = async () => {
  const router = inject(Router);
  const account = await inject(Session)
    .restore()
    .catch(() => null);
  return account ? true : router.parseUrl('/');
};
