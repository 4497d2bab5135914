/**
 * The whole app on embedded defaults, as `npm start` and the browser test run it:
 * chain → contracts (migrated if needed) → MongoDB + IPFS (in parallel) → API server.
 * Each piece is replaced by a running service when its variable is set (RPC_URL, MONGODB_URI,
 * IPFS_API_URL). `stop()` tears down in reverse order and is safe to call twice.
 */
import { startServer } from '../../server/src/start';
import { listenHost, loadConfig } from '../../server/src/libraries/config/config';
import { appAddress, pickFreePort } from './app-address';
import { startChain, devAccounts, type RunningChain } from './chain';
import { DEV_AUDIT_ANCHORER_INDEX } from './chain-options';
import { deployContracts } from './contracts';
import { startIpfs } from './ipfs';
import { startMongo, type RunningMongo } from './mongo';
import { StartupError, isPortInUse } from './startup-error';

export const DEFAULT_APP_PORT = 3000;

export interface Stack {
  appUrl: string;
  /** The origins the API accepts sign-ins and writes from (appUrl is one of them). */
  appOrigins: string[];
  /** The chain node, for the server only. */
  rpcUrl: string;
  /** What the browser and MetaMask use: the app's /rpc (reads and signed transactions only), or PUBLIC_RPC_URL. */
  publicRpcUrl: string;
  chainId: number;
  /** The chain node itself: a fault drill stops and starts it (same port and data) while the API runs. */
  chain: RunningChain;
  mongoUri: string;
  /** The MongoDB serving mongoUri (its pid, to kill it in a drill; restart it with startMongo on the same data dir). */
  mongo: RunningMongo;
  ipfsApiUrl: string;
  deploymentsFile: string;
  stop(): Promise<void>;
}

export interface StackOptions {
  dataDir: string;
  appPort?: number;
  chainPort?: number;
  ipfsPort?: number;
  log?: (line: string) => void;
}

export async function startStack(opts: StackOptions): Promise<Stack> {
  const { dataDir, log = () => {} } = opts;
  const stops: (() => Promise<void>)[] = [];
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      for (const stopOne of stops.reverse()) {
        await stopOne().catch((error: Error) => log(`stop: ${error.message}`));
      }
    })());

  const timed = async <T>(label: string, task: () => Promise<T>): Promise<T> => {
    const started = Date.now();
    const result = await task();
    const external = (result as { external?: boolean }).external;
    const where = external ? ', external: set by its environment variable' : '';
    log(`${label} ready (${((Date.now() - started) / 1000).toFixed(1)}s${where})`);
    return result;
  };

  try {
    const chain = await timed('chain', () => startChain({ dataDir, port: opts.chainPort, log }));
    stops.push(chain.stop);
    const deployed = await timed('contracts', () => deployContracts({ rpcUrl: chain.rpcUrl, dataDir, log }));

    // Both start together; if one fails, the other is still stopped before the error surfaces.
    const [mongoResult, ipfsResult] = await Promise.allSettled([
      timed('mongodb', () => startMongo({ dataDir, log })),
      timed('ipfs', () => startIpfs({ dataDir, port: opts.ipfsPort, log })),
    ]);
    for (const result of [mongoResult, ipfsResult]) if (result.status === 'fulfilled') stops.push(result.value.stop);
    if (mongoResult.status === 'rejected') throw mongoResult.reason;
    if (ipfsResult.status === 'rejected') throw ipfsResult.reason;
    const [mongo, ipfs] = [mongoResult.value, ipfsResult.value];

    const host = listenHost(process.env);
    const appPort = opts.appPort === 0 ? await pickFreePort(host) : (opts.appPort ?? DEFAULT_APP_PORT);
    // The origins sign-in and writes are accepted from: the configured ones (PUBLIC_ORIGIN, ALLOWED_ORIGINS)
    // when set, else exactly the loopback URLs this stack prints and serves.
    const address = appAddress(host, appPort);
    const configuresOrigins = Boolean(process.env.PUBLIC_ORIGIN || process.env.ALLOWED_ORIGINS);
    // On the embedded dev chain the migration made dev account #10 the audit anchorer: the server gets its
    // (public) key unless AUDIT_ANCHOR_PRIVATE_KEY names one. Any other chain needs the variable.
    const devAnchorKey =
      chain.external || process.env.AUDIT_ANCHOR_PRIVATE_KEY
        ? undefined
        : devAccounts()[DEV_AUDIT_ANCHORER_INDEX].privateKey;
    const config = loadConfig(process.env, {
      ...(!configuresOrigins && { allowedOrigins: address.origins }),
      port: appPort,
      rpcUrl: chain.rpcUrl,
      chainId: chain.chainId,
      mongoUri: mongo.uri,
      ipfsApiUrl: ipfs.apiUrl,
      deploymentsFile: deployed.deploymentsFile,
      ...(devAnchorKey && { auditAnchorPrivateKey: devAnchorKey }),
    });
    const server = await timed('api', () =>
      startServer(config).catch((error: unknown) => {
        if (!isPortInUse(error)) throw error;
        throw new StartupError(
          `port ${appPort} is in use (the app): stop the other process, or set PORT to a free port`,
          { cause: error },
        );
      }),
    );
    stops.push(server.close);

    const appUrl = configuresOrigins ? config.allowedOrigins[0] : address.url;
    return {
      appUrl,
      appOrigins: config.allowedOrigins,
      rpcUrl: chain.rpcUrl,
      publicRpcUrl: config.publicRpcUrl ?? `${appUrl}/rpc`,
      chainId: chain.chainId,
      chain,
      mongoUri: mongo.uri,
      mongo,
      ipfsApiUrl: ipfs.apiUrl,
      deploymentsFile: deployed.deploymentsFile,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
