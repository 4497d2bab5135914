import type { CookieOptions, Request, Response } from 'express';

export const SESSION_COOKIE = 'ehr_session';

function cookieOptions(req: Request): CookieOptions {
  // Secure only when the browser reached us over https (directly or via a proxy Express trusts),
  // so plain-http localhost development still works.
  return { httpOnly: true, sameSite: 'strict', secure: req.secure, path: '/' };
}

export function setSessionCookie(req: Request, res: Response, token: string, expiresAt: Date): void {
  res.cookie(SESSION_COOKIE, token, { ...cookieOptions(req), expires: expiresAt });
}

export function clearSessionCookie(req: Request, res: Response): void {
  res.clearCookie(SESSION_COOKIE, cookieOptions(req));
}

export function readSessionCookie(req: Request): string | undefined {
  const value: unknown = req.cookies?.[SESSION_COOKIE];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}
