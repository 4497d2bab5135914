/**
 * Runs the embedded IPFS node as its own process (the IPFS libraries are ESM-only; the rest of the
 * stack is CommonJS). Started by scripts/dev/ipfs.ts as `node --import tsx main.ts --repo <dir> ...`.
 *
 * Talks to its parent in single JSON lines on stdout: `{"apiUrl": "..."}` once it listens, or
 * `{"error": "...", "code": "..."}` if it cannot start. With --exit-with-stdin it also stops when
 * stdin ends, i.e. when the parent holding the other end of that pipe exits or is killed.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createKuboRpcServer } from './kubo-rpc-server.js';
import { DEFAULT_UPLOAD_LIMITS, type UploadLimits } from './multipart-upload.js';
import { loadOrCreateIdentity } from './node-identity.js';
import { PinSet } from './pin-set.js';
import { UnixfsStore } from './unixfs-store.js';

const { values: args } = parseArgs({
  options: {
    repo: { type: 'string' },
    port: { type: 'string', default: '5001' },
    host: { type: 'string', default: '127.0.0.1' },
    'max-file-bytes': { type: 'string', default: String(DEFAULT_UPLOAD_LIMITS.maxFileBytes) },
    'max-request-bytes': { type: 'string', default: String(DEFAULT_UPLOAD_LIMITS.maxRequestBytes) },
    'max-parts': { type: 'string', default: String(DEFAULT_UPLOAD_LIMITS.maxParts) },
    'max-concurrent-uploads': { type: 'string', default: String(DEFAULT_UPLOAD_LIMITS.maxConcurrentUploads) },
    'exit-with-stdin': { type: 'boolean', default: false },
  },
});

function report(line: object): void {
  process.stdout.write(JSON.stringify(line) + '\n');
}

async function main(): Promise<void> {
  if (!args.repo) throw Object.assign(new Error('--repo <directory> is required'), { code: 'EUSAGE' });
  const repo = path.resolve(args.repo);
  mkdirSync(repo, { recursive: true });

  const store = new UnixfsStore(path.join(repo, 'blocks'));
  await store.open();
  const pins = new PinSet(path.join(repo, 'pins'), path.join(repo, 'pins.json'));
  await pins.load();
  const identity = await loadOrCreateIdentity(path.join(repo, 'identity.json'));
  const server = createKuboRpcServer({ store, pins, identity, limits: uploadLimits(), bindHost: args.host });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(Number(args.port), args.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : Number(args.port);
  report({ apiUrl: `http://${args.host}:${port}`, peerId: identity.id });

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    server.close();
    server.closeAllConnections();
    void store.close().finally(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  if (args['exit-with-stdin']) {
    process.stdin.on('end', stop).on('close', stop).on('error', stop).resume();
  }
}

function uploadLimits(): UploadLimits {
  const positive = (flag: string): number => {
    const value = Number(args[flag as keyof typeof args]);
    if (!Number.isSafeInteger(value) || value <= 0) {
      throw Object.assign(new Error(`--${flag} must be a positive integer`), { code: 'EUSAGE' });
    }
    return value;
  };
  return {
    maxFileBytes: positive('max-file-bytes'),
    maxRequestBytes: positive('max-request-bytes'),
    maxParts: positive('max-parts'),
    maxConcurrentUploads: positive('max-concurrent-uploads'),
  };
}

main().catch((error: NodeJS.ErrnoException) => {
  report({ error: error.message, code: error.code ?? 'EFAIL' });
  process.exit(1);
});
