/**
 * The IPFS node for the local stack: the embedded Kubo-RPC-compatible node
 * (server/src/components/ipfs/embedded-node/) in its own process, or the Kubo named by IPFS_API_URL.
 */
import path from 'node:path';
import { StartupError } from './startup-error';
import { startServiceProcess } from './service-process';

export const DEFAULT_IPFS_PORT = 5001;
const repoRoot = path.resolve(__dirname, '..', '..');
const NODE_ENTRY = path.join(repoRoot, 'server', 'src', 'components', 'ipfs', 'embedded-node', 'main.ts');

export interface RunningIpfs {
  apiUrl: string;
  external: boolean;
  /** The node's process (undefined for an external Kubo). */
  pid?: number;
  stop: () => Promise<void>;
}

export interface IpfsOptions {
  dataDir: string;
  /** 0 = a free port. */
  port?: number;
  /** Upload limits of the embedded node; each one left out keeps the node's default. */
  uploadLimits?: UploadLimitOptions;
  log?: (line: string) => void;
}

/** Mirrors the node's `UploadLimits` (its folder is ESM, so its types are not imported here). */
export interface UploadLimitOptions {
  /** Default 50 MiB; larger files get HTTP 413. */
  maxFileBytes?: number;
  /** Default 100 MiB per request, all parts together; HTTP 413 past it. */
  maxRequestBytes?: number;
  /** Default 1,000 parts per request; HTTP 400 past it. */
  maxParts?: number;
  /** Default 20 uploads in progress at once; HTTP 503 past it. */
  maxConcurrentUploads?: number;
}

const LIMIT_FLAGS: Record<keyof UploadLimitOptions, string> = {
  maxFileBytes: '--max-file-bytes',
  maxRequestBytes: '--max-request-bytes',
  maxParts: '--max-parts',
  maxConcurrentUploads: '--max-concurrent-uploads',
};

export async function startIpfs(opts: IpfsOptions): Promise<RunningIpfs> {
  const external = process.env.IPFS_API_URL;
  if (external) {
    await assertKuboAnswers(external);
    return { apiUrl: external.replace(/\/+$/, ''), external: true, stop: async () => {} };
  }

  const port = opts.port ?? DEFAULT_IPFS_PORT;
  const node = await startServiceProcess<{ apiUrl: string }>({
    name: 'ipfs',
    command: process.execPath,
    // tsx as a loader in this one process (not the `tsx` CLI, which would add a second process
    // between us and the node and so break the stdin lifeline).
    args: [
      ...[
        '--import',
        require.resolve('tsx'),
        NODE_ENTRY,
        '--repo',
        path.join(opts.dataDir, 'ipfs'),
        '--port',
        String(port),
      ],
      ...Object.entries(opts.uploadLimits ?? {}).flatMap(([name, value]) =>
        value === undefined ? [] : [LIMIT_FLAGS[name as keyof UploadLimitOptions], String(value)],
      ),
      '--exit-with-stdin',
    ],
    log: opts.log,
    describeFailure: ({ message, code }) =>
      code === 'EADDRINUSE'
        ? new StartupError(
            `port ${port} is in use (embedded IPFS node): stop the other process, or set IPFS_PORT to a free port, or IPFS_API_URL to a running Kubo`,
          )
        : new StartupError(
            `embedded IPFS node failed to start: ${message}. Fix: delete ${path.join(opts.dataDir, 'ipfs')} if it is damaged, or set IPFS_API_URL to a Kubo RPC endpoint`,
          ),
  });
  return { apiUrl: node.ready.apiUrl, external: false, pid: node.pid, stop: node.stop };
}

/** An external node must answer Kubo's `/api/v0/id` before we hand its URL to the server. */
async function assertKuboAnswers(apiUrl: string): Promise<void> {
  const url = `${apiUrl.replace(/\/+$/, '')}/api/v0/id`;
  const response = await fetch(url, { method: 'POST', signal: AbortSignal.timeout(5_000) }).catch((error: Error) => {
    throw new StartupError(
      `IPFS_API_URL=${apiUrl} does not answer (${error.cause instanceof Error ? error.cause.message : error.message}): start that Kubo node, or unset IPFS_API_URL to use the embedded one`,
    );
  });
  if (!response.ok) {
    throw new StartupError(
      `IPFS_API_URL=${apiUrl} answered /api/v0/id with HTTP ${response.status}: is it a Kubo RPC API (port 5001, not the gateway)?`,
    );
  }
}
