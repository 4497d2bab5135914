/**
 * When MongoDB cannot be reached, the API says so with a 503 the client can retry, not a 500 "bug".
 * The failures are the real driver's and mongoose's, produced against a MongoDB that is not there.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runInNewContext } from 'node:vm';
import { MongoBulkWriteError, MongoNetworkError } from 'mongodb';
import mongoose from 'mongoose';
import { toAppError } from './error-handler';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ehr-no-mongo-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A MongoDB URI on a unix socket nobody listens on: like the embedded engine's after a kill -9. */
const absentMongoUri = () => `mongodb://${encodeURIComponent(path.join(dir, 'mongodb.sock'))}/?directConnection=true`;

/** mongoose's collection honours bufferTimeoutMS (lib/collection.js), though its options type does not list it. */
const SHORT_BUFFERING = { bufferTimeoutMS: 200 } as Parameters<mongoose.Connection['collection']>[1];

async function failureOf(work: () => Promise<unknown>): Promise<unknown> {
  return work().then(
    () => {
      throw new Error('expected the operation to fail');
    },
    (error: unknown) => error,
  );
}

describe('database unavailable', () => {
  it('When no server can be selected, then the error becomes 503 DATABASE_UNAVAILABLE', async () => {
    const connection = mongoose.createConnection(absentMongoUri(), { serverSelectionTimeoutMS: 200 });

    const error = await failureOf(() => connection.asPromise());

    expect(toAppError(error)).toMatchObject({ status: 503, code: 'DATABASE_UNAVAILABLE' });
    await connection.close();
  });

  it('When a write is attempted while MongoDB cannot be reached, then it becomes 503 DATABASE_UNAVAILABLE', async () => {
    const connection = mongoose.createConnection(absentMongoUri(), { serverSelectionTimeoutMS: 200 });
    connection.asPromise().catch(() => {}); // the connect failure is the other test's subject

    const error = await failureOf(() => connection.collection('anything', SHORT_BUFFERING).insertOne({ a: 1 }));

    expect(toAppError(error)).toMatchObject({ status: 503, code: 'DATABASE_UNAVAILABLE' });
    await connection.close();
  });

  it('When the socket the driver writes to is dropped (a bare write EPIPE from the driver), then it becomes 503; the same error from another socket stays a 500', () => {
    const socketDrop = (callerFrame: string) =>
      // Made in another realm, as Node's socket errors are when this code runs in a test runner's sandbox.
      Object.assign(runInNewContext('new Error("write EPIPE")') as Error, {
        code: 'EPIPE',
        syscall: 'write',
        stack: `Error: write EPIPE\n    at afterWriteDispatched (node:internal/stream_base_commons:159:15)\n    at Socket.write (node:net:957:11)\n    at ${callerFrame}`,
      });

    expect(
      toAppError(socketDrop('Connection.writeCommand (/app/node_modules/mongodb/lib/cmap/connection.js:334:20)')),
    ).toMatchObject({ status: 503, code: 'DATABASE_UNAVAILABLE' });
    expect(toAppError(socketDrop('relay (/app/server/src/components/rpc/relay.ts:12:5)'))).toMatchObject({
      status: 500,
      code: 'INTERNAL',
    });
  });

  it('When a bulk write (activity entries) is cut by the dropped connection, then it becomes 503, while a bulk write refused by the server stays a 500', () => {
    const cutBatch = new MongoBulkWriteError(
      new MongoNetworkError('connection 18 to mongodb.sock closed'),
      {} as never,
    );
    const duplicate = new MongoBulkWriteError({ message: 'E11000 duplicate key', code: 11000, writeErrors: [] }, {
      insertedCount: 0,
    } as never);

    expect(toAppError(cutBatch)).toMatchObject({ status: 503, code: 'DATABASE_UNAVAILABLE' });
    expect(toAppError(duplicate)).toMatchObject({ status: 500, code: 'INTERNAL' });
  });

  it('When an error is not about reaching MongoDB, then it stays a 500', () => {
    expect(toAppError(new Error('duplicate key'))).toMatchObject({ status: 500, code: 'INTERNAL' });
  });
});
