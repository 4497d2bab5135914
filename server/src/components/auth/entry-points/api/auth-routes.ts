/**
 * Sign-In with Ethereum: GET /api/auth/nonce, POST /api/auth/verify, POST /api/auth/logout, GET /api/me.
 */
import { Router } from 'express';
import type { Registry } from '@contracts/types';
import { SignInRequestSchema, type NonceResponse } from '@api';
import { perMinuteLimit } from '../../../../libraries/http';
import { readAccount } from '../../data-access/account-roles';
import { verifySignIn } from '../../domain/siwe-verification';
import { consumeNonce, issueNonce } from '../../data-access/nonce-store';
import { createSession, deleteSession } from '../../data-access/session-store';
import { requireSession, sessionOf } from './require-session';
import { clearSessionCookie, readSessionCookie, setSessionCookie } from './session-cookie';

export interface AuthRouteOptions {
  registry: Registry;
  chainId: number;
  /** The configured origins sign-in messages may name (config.allowedOrigins, all one scheme). */
  allowedOrigins: readonly string[];
  sessionTtlSeconds: number;
  sessionIdleSeconds: number;
  rateLimitPerMinute: number;
}

export function authRoutes(options: AuthRouteOptions): Router {
  const router = Router();
  // Per IP: before sign-in there is no account to count against.
  const limiter = perMinuteLimit({ limit: options.rateLimitPerMinute, tooMany: 'Too many sign-in attempts' });
  // The configured origins share one scheme (config checks it): https ones get a Secure cookie.
  const secureCookie = options.allowedOrigins.every((origin) => origin.startsWith('https:'));
  const lifetime = { ttlSeconds: options.sessionTtlSeconds, idleSeconds: options.sessionIdleSeconds };

  router.get('/auth/nonce', limiter, async (_req, res) => {
    const body: NonceResponse = { nonce: await issueNonce() };
    res.set('Cache-Control', 'no-store').json(body);
  });

  router.post('/auth/verify', limiter, async (req, res) => {
    const { message, signature } = SignInRequestSchema.parse(req.body ?? {});
    const address = await verifySignIn(message, signature, {
      allowedOrigins: options.allowedOrigins,
      chainId: options.chainId,
      now: new Date(),
      consumeNonce: (nonce) => consumeNonce(nonce),
    });
    const { token, expiresAt } = await createSession(address, lifetime);
    setSessionCookie(res, token, expiresAt, secureCookie);
    res.json(await readAccount(options.registry, address));
  });

  router.post('/auth/logout', limiter, async (req, res) => {
    const token = readSessionCookie(req);
    if (token) await deleteSession(token);
    clearSessionCookie(res, secureCookie);
    res.status(204).end();
  });

  router.get('/me', requireSession, async (req, res) => {
    res.set('Cache-Control', 'no-store').json(await readAccount(options.registry, sessionOf(req).address));
  });

  return router;
}
