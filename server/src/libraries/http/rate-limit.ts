/**
 * One way to build a per-minute rate limit, so every limited route answers the same 429 JSON
 * (`RATE_LIMITED`) with the draft-8 `RateLimit` headers.
 */
import type { Request, RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { AppError } from '../errors';

export interface PerMinuteLimit {
  limit: number;
  /** What the 429 says, e.g. "Too many sign-in attempts". */
  tooMany: string;
  /** Whose budget a request spends; the client IP when omitted. */
  keyOf?: (req: Request) => string;
}

export function perMinuteLimit(options: PerMinuteLimit): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: options.limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    ...(options.keyOf && { keyGenerator: options.keyOf }),
    handler: (_req, _res, next) => next(new AppError(429, 'RATE_LIMITED', `${options.tooMany}, try again in a minute`)),
  });
}
