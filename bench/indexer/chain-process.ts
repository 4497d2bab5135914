/**
 * Ganache in a child process for the indexer bench, with the dev chain's options (chain id, hardfork,
 * mnemonic): the indexer under test must not share its event loop with the node answering its
 * eth_getLogs, as it does not in `npm start` either.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { JsonRpcProvider } from 'ethers';
import { CHAIN_ID, DEV_MNEMONIC, HARDFORK } from '@test-support/dev-chain';

const GANACHE_CLI = path.resolve(__dirname, '../../node_modules/.bin/ganache');
const START_TIMEOUT_MS = 30_000;

export interface ChainProcess {
  url: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', () => resolve())));
}

export async function startChainProcess(accounts: number): Promise<ChainProcess> {
  const port = await freePort();
  const child = spawn(
    GANACHE_CLI,
    [
      `--server.port=${port}`,
      '--server.host=127.0.0.1',
      `--chain.chainId=${CHAIN_ID}`,
      `--chain.networkId=${CHAIN_ID}`,
      `--chain.hardfork=${HARDFORK}`,
      `--wallet.mnemonic=${DEV_MNEMONIC}`,
      `--wallet.totalAccounts=${accounts}`,
      '--wallet.defaultBalance=10000',
      '--logging.quiet',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited(child);
  };
  const probe = new JsonRpcProvider(url, CHAIN_ID, { staticNetwork: true });
  try {
    const deadline = Date.now() + START_TIMEOUT_MS;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`ganache exited with ${child.exitCode}: ${stderr}`);
      if (Date.now() > deadline) throw new Error(`ganache did not answer on ${url} within ${START_TIMEOUT_MS} ms`);
      const answered = await probe.send('eth_blockNumber', []).then(
        () => true,
        () => false,
      );
      if (answered) return { url, stop };
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  } catch (error) {
    await stop();
    throw error;
  } finally {
    probe.destroy();
  }
}
