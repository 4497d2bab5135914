/**
 * SIWE nonces: issued by the server, single use, gone after 5 minutes (TTL index; the expiry is also
 * checked on use because MongoDB's TTL monitor only runs once a minute).
 */
import { randomBytes } from 'node:crypto';
import mongoose, { Schema } from 'mongoose';

export const NONCE_TTL_SECONDS = 5 * 60;

interface NonceDocument {
  nonce: string;
  expiresAt: Date;
}

const nonceSchema = new Schema<NonceDocument>(
  {
    nonce: { type: String, required: true, unique: true },
    expiresAt: { type: Date, required: true, expires: 0 },
  },
  { versionKey: false },
);

const NonceModel = mongoose.model<NonceDocument>('SiweNonce', nonceSchema, 'siwe_nonces');

/** 128 random bits, alphanumeric as EIP-4361 requires. */
export async function issueNonce(now = new Date()): Promise<string> {
  const nonce = randomBytes(16).toString('hex');
  await NonceModel.create({ nonce, expiresAt: new Date(now.getTime() + NONCE_TTL_SECONDS * 1000) });
  return nonce;
}

/** Atomically removes the nonce; true only for the first caller and only while it is unexpired. */
export async function consumeNonce(nonce: string, now = new Date()): Promise<boolean> {
  const deleted = await NonceModel.findOneAndDelete({ nonce, expiresAt: mongoose.trusted({ $gt: now }) }).lean();
  return deleted !== null;
}
