/**
 * One mongoose connection per server. Queries are strict and sanitized so a JSON body such as
 * `{ "$gt": "" }` can never become an operator.
 */
import mongoose from 'mongoose';

/**
 * How long one operation waits for an unreachable MongoDB (mongoose's buffer while disconnected, then the
 * driver's server selection) before failing, which the API answers 503 DATABASE_UNAVAILABLE: a person is
 * waiting, and a request of two operations stays well under the 20 s the mongo-kill drill allows an answer.
 */
const UNREACHABLE_AFTER_MS = 5_000;

mongoose.set('strictQuery', true);
mongoose.set('sanitizeFilter', true);
mongoose.set('bufferTimeoutMS', UNREACHABLE_AFTER_MS);

export async function connectMongo(uri: string): Promise<typeof mongoose> {
  await mongoose.connect(uri, { serverSelectionTimeoutMS: UNREACHABLE_AFTER_MS, autoIndex: true });
  // Build every registered model's indexes now, so unique/TTL guarantees hold from the first request.
  await Promise.all(Object.values(mongoose.connection.models).map((model) => model.init()));
  return mongoose;
}

export async function disconnectMongo(): Promise<void> {
  await mongoose.disconnect();
}

export async function pingMongo(): Promise<boolean> {
  try {
    const db = mongoose.connection.db;
    if (mongoose.connection.readyState !== mongoose.ConnectionStates.connected || !db) return false;
    await db.admin().ping();
    return true;
  } catch {
    return false;
  }
}
