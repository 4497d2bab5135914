/**
 * Starts the real pieces the API needs, once for all server test files: Ganache with the contracts
 * deployed, the embedded MongoDB (each test file uses its own database) and the embedded IPFS node.
 * URLs reach the test files through process.env; handles stay on globalThis for global-teardown.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startChain } from '../../../scripts/dev/chain';
import { startMongo } from '../../../scripts/dev/mongo';
import { startIpfs } from '../../../scripts/dev/ipfs';
import { interimDeploy } from './interim-stack';

export interface TestStackHandles {
  dataDir: string;
  stops: (() => Promise<void>)[];
}

export default async function globalSetup(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ehr-server-test-'));
  const handles: TestStackHandles = { dataDir, stops: [] };
  (globalThis as { __EHR_SERVER_TEST__?: TestStackHandles }).__EHR_SERVER_TEST__ = handles;
  const quiet = () => {};

  const [chain, mongo, ipfs] = await Promise.all([
    startChain({ port: 0, log: quiet }),
    startMongo({ dataDir, log: quiet }),
    startIpfs({ dataDir, port: 0, log: quiet }),
  ]);
  handles.stops.push(chain.stop, mongo.stop, ipfs.stop);
  const contractsModule = path.resolve(__dirname, '../../../scripts/dev/contracts.ts');
  const deploymentsFile = existsSync(contractsModule)
    ? (await (require(contractsModule) as typeof import('../../../scripts/dev/contracts')).deployContracts({ rpcUrl: chain.rpcUrl, dataDir, log: quiet })).deploymentsFile
    : await interimDeploy(chain.rpcUrl, dataDir);

  process.env.TEST_RPC_URL = chain.rpcUrl;
  process.env.TEST_MONGODB_URI = mongo.uri;
  process.env.TEST_IPFS_API_URL = ipfs.apiUrl;
  process.env.TEST_DEPLOYMENTS_FILE = deploymentsFile;
}
