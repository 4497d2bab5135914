import type { CookieOptions, Request, Response } from 'express';

export const SESSION_COOKIE = 'ehr_session';

/**
 * `secure` comes from the configured origins' scheme (https → Secure), never from the request: a
 * proxy that forgets X-Forwarded-Proto must not downgrade the cookie, and plain-http localhost
 * development keeps working.
 */
function cookieOptions(secure: boolean): CookieOptions {
  return { httpOnly: true, sameSite: 'strict', secure, path: '/' };
}

export function setSessionCookie(res: Response, token: string, expiresAt: Date, secure: boolean): void {
  res.cookie(SESSION_COOKIE, token, { ...cookieOptions(secure), expires: expiresAt });
}

export function clearSessionCookie(res: Response, secure: boolean): void {
  res.clearCookie(SESSION_COOKIE, cookieOptions(secure));
}

export function readSessionCookie(req: Request): string | undefined {
  const value: unknown = req.cookies?.[SESSION_COOKIE];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}
