/**
 * Sign-In with Ethereum: GET /api/auth/nonce, POST /api/auth/verify, POST /api/auth/logout, GET /api/me.
 */
import { Router, type Request } from 'express';
import { rateLimit } from 'express-rate-limit';
import { z } from 'zod';
import type { Registry } from '@contracts/types';
import { AppError } from '../../../../libraries/errors';
import { readAccount } from '../../domain/account-roles';
import { verifySignIn } from '../../domain/siwe-verification';
import { consumeNonce, issueNonce } from '../../data-access/nonce-store';
import { createSession, deleteSession } from '../../data-access/session-store';
import { requireSession, sessionOf } from './require-session';
import { clearSessionCookie, readSessionCookie, setSessionCookie } from './session-cookie';

export interface AuthRouteOptions {
  registry: Registry;
  chainId: number;
  publicOrigin?: string;
  sessionTtlSeconds: number;
  rateLimitPerMinute: number;
}

const verifyBody = z.object({
  message: z.string().min(1).max(4096),
  signature: z.string().regex(/^0x[0-9a-fA-F]+$/, 'must be a 0x-prefixed hex string').max(1024),
});

/** The domain the SIWE message must name: the configured public origin, else where this request came in. */
function expectedSite(req: Request, publicOrigin?: string): { domain: string; origin: string } {
  if (publicOrigin) {
    const url = new URL(publicOrigin);
    return { domain: url.host, origin: url.origin };
  }
  const host = req.get('host') ?? '';
  return { domain: host, origin: `${req.protocol}://${host}` };
}

export function authRoutes(options: AuthRouteOptions): Router {
  const router = Router();
  const limiter = rateLimit({
    windowMs: 60_000,
    limit: options.rateLimitPerMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, _res, next) => next(new AppError(429, 'RATE_LIMITED', 'Too many sign-in attempts, try again in a minute')),
  });

  router.get('/auth/nonce', limiter, async (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ nonce: await issueNonce() });
  });

  router.post('/auth/verify', limiter, async (req, res) => {
    const { message, signature } = verifyBody.parse(req.body ?? {});
    const address = await verifySignIn(message, signature, {
      ...expectedSite(req, options.publicOrigin),
      chainId: options.chainId,
      now: new Date(),
      consumeNonce: (nonce) => consumeNonce(nonce),
    });
    const { token, expiresAt } = await createSession(address, options.sessionTtlSeconds);
    setSessionCookie(req, res, token, expiresAt);
    res.json(await readAccount(options.registry, address));
  });

  router.post('/auth/logout', limiter, async (req, res) => {
    const token = readSessionCookie(req);
    if (token) await deleteSession(token);
    clearSessionCookie(req, res);
    res.status(204).end();
  });

  router.get('/me', requireSession, async (req, res) => {
    res.set('Cache-Control', 'no-store').json(await readAccount(options.registry, sessionOf(req).address));
  });

  return router;
}
