/**
 * Guards a route with the `ehr_session` cookie and exposes the signed-in address as
 * `req.session.address` to the handlers below it. Each guarded request counts as activity and
 * keeps the session from ending idle.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { unauthorized } from '../../../../libraries/errors';
import { useSession } from '../../data-access/session-store';
import { readSessionCookie } from './session-cookie';

export interface SessionInfo {
  address: string;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      session?: SessionInfo;
    }
  }
}

export const requireSession: RequestHandler = async (req: Request, _res: Response, next: NextFunction) => {
  const token = readSessionCookie(req);
  const session = token ? await useSession(token) : null;
  if (!session) throw unauthorized('Sign in first', 'UNAUTHENTICATED');
  req.session = { address: session.address };
  next();
};

/** The session `requireSession` attached; for handlers mounted behind it. */
export function sessionOf(req: Request): SessionInfo {
  if (!req.session) throw unauthorized('Sign in first', 'UNAUTHENTICATED');
  return req.session;
}
