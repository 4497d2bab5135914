/**
 * Per-account budget for API writes: one shared limiter instance, given to every router with a
 * write route and mounted after `requireSession`, so an account's writes all draw on one budget
 * whichever IP (shared clinic NAT, many proxies) they come from.
 */
import type { RequestHandler } from 'express';
import { perMinuteLimit } from '../../../../libraries/http';
import { sessionOf } from './require-session';

export function limitWritesPerAccount(perMinute: number): RequestHandler {
  return perMinuteLimit({
    limit: perMinute,
    tooMany: 'Too many changes from this account',
    keyOf: (req) => sessionOf(req).address,
  });
}
