/**
 * Server-side sessions. The cookie holds a random token; MongoDB holds only its SHA-256, so a
 * database leak does not hand out live sessions.
 */
import { createHash, randomBytes } from 'node:crypto';
import mongoose, { Schema } from 'mongoose';

interface SessionDocument {
  tokenHash: string;
  address: string;
  createdAt: Date;
  expiresAt: Date;
}

const sessionSchema = new Schema<SessionDocument>(
  {
    tokenHash: { type: String, required: true, unique: true },
    address: { type: String, required: true, index: true },
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true, expires: 0 },
  },
  { versionKey: false },
);

const SessionModel = mongoose.model<SessionDocument>('Session', sessionSchema, 'sessions');

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface StoredSession {
  address: string;
  expiresAt: Date;
}

/** Creates a session and returns the token for the cookie (never stored). */
export async function createSession(address: string, ttlSeconds: number, now = new Date()): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + ttlSeconds * 1000);
  await SessionModel.create({ tokenHash: hashToken(token), address, createdAt: now, expiresAt });
  return { token, expiresAt };
}

export async function findSession(token: string, now = new Date()): Promise<StoredSession | null> {
  const session = await SessionModel.findOne({ tokenHash: hashToken(token), expiresAt: mongoose.trusted({ $gt: now }) }).lean();
  return session ? { address: session.address, expiresAt: session.expiresAt } : null;
}

export async function deleteSession(token: string): Promise<void> {
  await SessionModel.deleteOne({ tokenHash: hashToken(token) });
}
