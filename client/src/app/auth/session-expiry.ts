/**
 * The server ends a session after 15 minutes idle or at its lifetime (configurable): from then on every
 * API call answers 401. The UI mirrors that instead of staying on a screen whose calls all fail: any 401
 * from the API (sign-in itself aside) reports the session as ended, and Session signs the UI out.
 */
import { HttpErrorResponse, type HttpInterceptorFn } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Subject, tap } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class SessionExpiry {
  private readonly endedSubject = new Subject<void>();
  /** Emits each time the API answers 401 to a signed-in request. */
  readonly ended = this.endedSubject.asObservable();

  report(): void {
    this.endedSubject.next();
  }
}

export const sessionExpiryInterceptor: HttpInterceptorFn = (request, next) => {
  const expiry = inject(SessionExpiry);
  const watched = request.url.startsWith('/api/') && !request.url.startsWith('/api/auth/');
  return next(request).pipe(
    tap({
      error: (error: unknown) => {
        if (watched && error instanceof HttpErrorResponse && error.status === 401) expiry.report();
      },
    }),
  );
};
