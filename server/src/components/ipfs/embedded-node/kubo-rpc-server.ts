/**
 * The subset of Kubo's RPC API (https://docs.ipfs.tech/reference/kubo/rpc/) the app uses, same paths,
 * same JSON, same error shape, so the server's Kubo client works unchanged against this node or a real Kubo.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { assertLocalCaller, ownHostNames } from './caller-guard.js';
import { KuboRpcError } from './kubo-rpc-error.js';
import { MultipartUpload, type UploadLimits } from './multipart-upload.js';
import { GcLock } from './gc-lock.js';
import type { NodeIdentity } from './node-identity.js';
import type { PinSet } from './pin-set.js';
import { ContentNotFoundError, parseCid, type UnixfsStore } from './unixfs-store.js';

export const AGENT_VERSION = 'ehr-embedded-ipfs/0.1.0';

export interface KuboRpcDeps {
  store: UnixfsStore;
  pins: PinSet;
  identity: NodeIdentity;
  limits: UploadLimits;
  /** The address the server listens on; with its port, the only `Host` it answers. */
  bindHost: string;
}

/** Returns the JSON body (or a promise of it), or undefined when it wrote the response itself. */
type Handler = (query: URLSearchParams, request: IncomingMessage, response: ServerResponse) => unknown;

export function createKuboRpcServer(deps: KuboRpcDeps): Server {
  const { store, pins, identity, limits, bindHost } = deps;
  let uploadsInProgress = 0;
  // Kubo's GC lock: a garbage collection waits for the adds in progress, and adds wait for it.
  const gcLock = new GcLock();

  const requiredCid = (query: URLSearchParams): string => {
    const arg = query.get('arg');
    if (!arg) throw new KuboRpcError(400, "argument 'ipfs-path' is required", 1);
    try {
      return parseCid(arg).toString();
    } catch (error) {
      throw new KuboRpcError(500, (error as Error).message);
    }
  };

  const routes: Record<string, Handler> = {
    '/api/v0/add': async (query, request, response) => {
      // Decided before the first await, so a request counts from the moment it arrives.
      if (uploadsInProgress >= limits.maxConcurrentUploads) {
        response.setHeader('retry-after', '1');
        throw new KuboRpcError(
          503,
          `too many uploads in progress (limit ${limits.maxConcurrentUploads}): retry shortly`,
        );
      }
      uploadsInProgress++;
      const release = await gcLock.enterAdd();
      try {
        const pin = query.get('pin') !== 'false';
        const upload = new MultipartUpload(request, limits);
        const added: { Name: string; Hash: string; Size: string }[] = [];
        try {
          // Each file streams through the importer into the block store, one at a time.
          for await (const file of upload.files()) {
            const { cid, size } = await store.add(file.content);
            added.push({ Name: file.name || cid, Hash: cid, Size: size.toString() });
          }
        } catch (error) {
          throw upload.failure ?? error;
        }
        if (added.length === 0) throw new KuboRpcError(400, "file argument 'path' is required", 1);
        // Like Kubo, pin once the whole add has succeeded: a refused upload pins nothing.
        if (pin) for (const { Hash } of added) await pins.add(Hash);
        // Kubo answers one JSON object per line.
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(added.map((line) => JSON.stringify(line) + '\n').join(''));
      } finally {
        uploadsInProgress--;
        release();
      }
    },

    '/api/v0/cat': async (query, _request, response) => {
      const cid = requiredCid(query);
      const content = await store.cat(cid).catch((error: Error) => {
        throw new KuboRpcError(500, error.message);
      });
      response.writeHead(200, { 'content-type': 'text/plain', 'x-stream-output': '1' });
      for await (const chunk of content) {
        if (!response.write(chunk)) await new Promise((resolve) => response.once('drain', resolve));
      }
      response.end();
    },

    '/api/v0/pin/add': async (query) => {
      const cid = requiredCid(query);
      if (!(await store.has(cid))) {
        throw new KuboRpcError(500, `pin: block was not found locally (offline): ipld: could not find ${cid}`);
      }
      await pins.add(cid);
      return { Pins: [cid] };
    },

    '/api/v0/pin/ls': (query) => {
      const arg = query.get('arg');
      if (!arg) return { Keys: Object.fromEntries(pins.list().map((cid) => [cid, { Type: 'recursive' }])) };
      const cid = requiredCid(query);
      if (!pins.has(cid)) throw new KuboRpcError(500, `path '${arg}' is not pinned`);
      return { Keys: { [cid]: { Type: 'recursive' } } };
    },

    '/api/v0/pin/rm': async (query) => {
      const cid = requiredCid(query);
      if (!(await pins.remove(cid))) throw new KuboRpcError(500, 'not pinned or pinned indirectly');
      return { Pins: [cid] };
    },

    // Kubo's `repo gc`: deletes the blocks no pin reaches, one `{"Key":{"/":cid}}` line per deleted block.
    '/api/v0/repo/gc': async (_query, _request, response) => {
      const removed = await gcLock.collect(async () => {
        const cids: string[] = [];
        for await (const cid of store.collectGarbage(pins.list())) cids.push(cid);
        return cids;
      });
      response.writeHead(200, { 'content-type': 'application/json', 'x-chunked-output': '1' });
      response.end(removed.map((cid) => JSON.stringify({ Key: { '/': cid } }) + '\n').join(''));
    },

    '/api/v0/id': () => ({
      ID: identity.id,
      PublicKey: identity.publicKey,
      Addresses: [],
      AgentVersion: AGENT_VERSION,
      ProtocolVersion: 'ipfs/0.1.0',
      Protocols: [],
    }),

    '/api/v0/version': () => ({
      Version: AGENT_VERSION.split('/')[1],
      Commit: '',
      Repo: '',
      System: `${process.arch}/${process.platform}`,
      Golang: '',
    }),
  };

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const handler = routes[url.pathname];
    const answer = async (): Promise<void> => {
      assertLocalCaller(request, ownHostNames(bindHost, server.address() as AddressInfo));
      if (!handler) throw new KuboRpcError(404, '404 page not found');
      // Kubo refuses GET on its RPC API (browsers must not be able to trigger it with a link).
      if (request.method !== 'POST') throw new KuboRpcError(405, `${request.method} not allowed: use POST`);
      const body = await handler(url.searchParams, request, response);
      if (body !== undefined) sendJson(response, 200, body);
    };
    answer().catch((error: unknown) => sendError(request, response, error));
  });
  return server;
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body) + '\n');
}

function sendError(request: IncomingMessage, response: ServerResponse, error: unknown): void {
  const rpcError =
    error instanceof KuboRpcError
      ? error
      : new KuboRpcError(
          500,
          error instanceof ContentNotFoundError ? error.message : `internal error: ${(error as Error).message}`,
        );
  if (response.headersSent) {
    // The error came mid-stream: all that is left is to cut the response short.
    response.destroy(rpcError);
    return;
  }
  // Discard any unread body (a refused upload) rather than cutting the connection: a client still
  // sending would see EPIPE instead of this answer. Node's request timeout bounds the drain.
  request.resume();
  sendJson(response, rpcError.status, rpcError.toJSON());
}
