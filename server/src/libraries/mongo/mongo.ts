/**
 * One mongoose connection per server. Queries are strict and sanitized so a JSON body such as
 * `{ "$gt": "" }` can never become an operator.
 */
import mongoose from 'mongoose';

mongoose.set('strictQuery', true);
mongoose.set('sanitizeFilter', true);

export async function connectMongo(uri: string): Promise<typeof mongoose> {
  await mongoose.connect(uri, { serverSelectionTimeoutMS: 10_000, autoIndex: true });
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
