/**
 * Failures that mean "MongoDB cannot be reached right now" (down, restarting, connection dropped), as
 * opposed to a bug: the API answers them 503 so a client knows to retry, and the driver reconnects on
 * its own once MongoDB is back. Recognised by name, so this library needs neither driver nor mongoose.
 */
import { types } from 'node:util';

const UNREACHABLE_ERROR_NAMES = new Set([
  'MongoServerSelectionError', // the driver found no server within serverSelectionTimeoutMS
  'MongooseServerSelectionError', // the same, from mongoose's connect
  'MongoNetworkError', // the connection dropped mid-operation (MongoDB killed)
  'MongoNetworkTimeoutError',
  'MongoPoolClearedError', // operations queued on a connection pool the driver cleared after a network error
  'PoolClearedOnNetworkError', // the same, when the clearing was caused by a network error (its own name)
  'MongoServerClosedError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
]);

/** mongoose queues operations while disconnected and fails them with this message after bufferTimeoutMS. */
const BUFFERING_TIMED_OUT = /buffering timed out/;

/**
 * At the instant MongoDB dies the driver can also throw the socket's own error (`write EPIPE`) unwrapped. Such
 * an error is the database's only when the write that failed was the driver's: its stack passes through it.
 */
const DROPPED_SOCKET_CODES = new Set(['EPIPE', 'ECONNRESET']);
const DRIVER_FRAME = /[\\/]node_modules[\\/]mongodb[\\/]/;

function isDriverSocketDrop(error: Error): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code !== undefined && DROPPED_SOCKET_CODES.has(code) && DRIVER_FRAME.test(error.stack ?? '');
}

/**
 * The failure underneath: an error's cause, or — for a bulk write (mongoose's insertMany / bulkSave) — the
 * driver's `errorResponse`, where MongoBulkWriteError keeps the network error that ended the batch.
 */
function underlying(error: Error): unknown {
  return error.cause ?? (error as { errorResponse?: unknown }).errorResponse;
}

/** Node's own socket errors may come from another realm (a test runner's sandbox): `instanceof Error` misses them. */
const isError = (value: unknown): value is Error => value instanceof Error || types.isNativeError(value);

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let cause = error; isError(cause); cause = underlying(cause)) {
    if (UNREACHABLE_ERROR_NAMES.has(cause.name)) return true;
    if (cause.name === 'MongooseError' && BUFFERING_TIMED_OUT.test(cause.message)) return true;
    if (isDriverSocketDrop(cause)) return true;
  }
  return false;
}
