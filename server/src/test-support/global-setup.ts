/**
 * Starts the real pieces the API needs, once for all server test files: Ganache with the contracts
 * deployed (scripts/dev), the embedded MongoDB (each test file uses its own database) and the
 * embedded IPFS node. URLs reach the test files through process.env; handles stay on globalThis
 * for global-teardown.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startChain } from '../../../scripts/dev/chain';
import { startMongo } from '../../../scripts/dev/mongo';
import { startIpfs } from '../../../scripts/dev/ipfs';
import { deployContracts } from '../../../scripts/dev/contracts';
import globalTeardown from './global-teardown';

export interface TestStackHandles {
  dataDir: string;
  stops: (() => Promise<void>)[];
}

function fulfilled<T extends unknown[]>(results: { [K in keyof T]: PromiseSettledResult<T[K]> }): T {
  const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failure) throw failure.reason;
  return results.map((r) => (r as PromiseFulfilledResult<unknown>).value) as T;
}

export default async function globalSetup(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ehr-server-test-'));
  const handles: TestStackHandles = { dataDir, stops: [] };
  (globalThis as { __EHR_SERVER_TEST__?: TestStackHandles }).__EHR_SERVER_TEST__ = handles;
  const quiet = () => {};
  const started = <T extends { stop: () => Promise<void> }>(piece: T): T => {
    handles.stops.push(piece.stop);
    return piece;
  };

  try {
    // allSettled, not all: on a failure every sibling has finished starting and can be stopped.
    const [chain, mongo, ipfs] = fulfilled(
      await Promise.allSettled([
        startChain({ port: 0, log: quiet }).then(started),
        startMongo({ dataDir, log: quiet }).then(started),
        startIpfs({ dataDir, port: 0, log: quiet }).then(started),
      ]),
    );
    const { deploymentsFile } = await deployContracts({ rpcUrl: chain.rpcUrl, dataDir, log: quiet });

    process.env.TEST_RPC_URL = chain.rpcUrl;
    process.env.TEST_MONGODB_URI = mongo.uri;
    process.env.TEST_IPFS_API_URL = ipfs.apiUrl;
    process.env.TEST_DEPLOYMENTS_FILE = deploymentsFile;
  } catch (error) {
    // Jest skips global-teardown when setup fails: stop whatever did start.
    await globalTeardown();
    throw error;
  }
}
