/**
 * Server-side sessions. The cookie holds a random token; MongoDB holds only its SHA-256, so a
 * database leak does not hand out live sessions. A session ends at `expiresAt` (absolute lifetime)
 * or at `idleExpiresAt`, which each use pushes forward, so a session left open on a shared computer
 * ends soon after the last request.
 */
import { createHash, randomBytes } from 'node:crypto';
import mongoose, { Schema } from 'mongoose';

interface SessionDocument {
  tokenHash: string;
  address: string;
  createdAt: Date;
  expiresAt: Date;
  idleExpiresAt: Date;
  idleSeconds: number;
}

const sessionSchema = new Schema<SessionDocument>(
  {
    tokenHash: { type: String, required: true, unique: true },
    address: { type: String, required: true, index: true },
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true, expires: 0 },
    // Never later than expiresAt, so this TTL index also removes sessions that end by lifetime.
    idleExpiresAt: { type: Date, required: true, expires: 0 },
    // Kept per session, so whoever checks a session needs no configuration.
    idleSeconds: { type: Number, required: true, min: 1 },
  },
  { versionKey: false },
);

const SessionModel = mongoose.model<SessionDocument>('Session', sessionSchema, 'sessions');

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface StoredSession {
  address: string;
  expiresAt: Date;
}

export interface SessionLifetime {
  ttlSeconds: number;
  idleSeconds: number;
}

const later = (now: Date, seconds: number) => new Date(now.getTime() + seconds * 1000);
const earlier = (a: Date, b: Date) => (a < b ? a : b);

/** Creates a session and returns the token for the cookie (never stored). */
export async function createSession(
  address: string,
  lifetime: SessionLifetime,
  now = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = later(now, lifetime.ttlSeconds);
  const idleExpiresAt = earlier(later(now, lifetime.idleSeconds), expiresAt);
  await SessionModel.create({
    tokenHash: hashToken(token),
    address,
    createdAt: now,
    expiresAt,
    idleExpiresAt,
    idleSeconds: lifetime.idleSeconds,
  });
  return { token, expiresAt };
}

/**
 * The live session for `token`, marked as used now (its idle deadline moves to now + its idle
 * period, capped at its lifetime); null when unknown, expired or idle too long.
 */
export async function useSession(token: string, now = new Date()): Promise<StoredSession | null> {
  const session = await SessionModel.findOneAndUpdate(
    {
      tokenHash: hashToken(token),
      expiresAt: mongoose.trusted({ $gt: now }),
      idleExpiresAt: mongoose.trusted({ $gt: now }),
    },
    // An update pipeline, so the new deadline is computed from this document's own idle period and lifetime.
    [{ $set: { idleExpiresAt: { $min: [{ $add: [now, { $multiply: ['$idleSeconds', 1000] }] }, '$expiresAt'] } } }],
    { updatePipeline: true },
  ).lean();
  return session ? { address: session.address, expiresAt: session.expiresAt } : null;
}

export async function deleteSession(token: string): Promise<void> {
  await SessionModel.deleteOne({ tokenHash: hashToken(token) });
}
