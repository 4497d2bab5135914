/**
 * Starts the same stack `npm start` runs (scripts/dev/stack.ts), on free ports and a throw-away data
 * directory, so the browser test exercises the real chain, contracts, MongoDB, IPFS node and API.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startStack, type Stack } from '../../../scripts/dev/stack';

export default async function globalSetup(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ehr-e2e-'));
  const stack: Stack = await startStack({ dataDir, appPort: 0, chainPort: 0, ipfsPort: 0, log: () => {} });
  Object.assign(globalThis, { __E2E_STACK__: stack, __E2E_DATA_DIR__: dataDir });
  process.env.E2E_APP_URL = stack.appUrl;
  process.env.E2E_RPC_URL = stack.rpcUrl;
  process.env.E2E_CHAIN_ID = String(stack.chainId);
  process.env.E2E_DEPLOYMENTS_FILE = stack.deploymentsFile;
}
