/**
 * The chain `npm start` keeps under .data/: state survives a restart, the contracts are migrated
 * once and then reused, and the failures a developer can hit read as one line with the fix.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { JsonRpcProvider, Wallet, parseEther } from 'ethers';
import { devAccounts, startChain, type RunningChain } from '../chain';
import { deployContracts } from '../contracts';
import { StartupError } from '../startup-error';

const dataDirs: string[] = [];
function freshDataDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ehr-chain-test-'));
  dataDirs.push(dir);
  return dir;
}

afterAll(() => dataDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A port taken by a TCP server that hangs up on every connection (so it speaks no JSON-RPC either). */
async function occupyPort(): Promise<{ port: number; server: Server }> {
  const server = createServer((socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return { port: typeof address === 'object' && address ? address.port : 0, server };
}

describe('local chain and contract deployment', () => {
  it('When the chain restarts on the same data directory, then balances and contracts persist and the migration is skipped', async () => {
    const dataDir = freshDataDir();
    const logs: string[] = [];
    const log = (line: string) => logs.push(line);
    const [admin, patient] = devAccounts(5).filter((a) => a.role !== 'doctor');

    let chain: RunningChain = await startChain({ dataDir, port: 0 });
    const first = await deployContracts({ rpcUrl: chain.rpcUrl, dataDir, log });
    const provider = new JsonRpcProvider(chain.rpcUrl, undefined, { cacheTimeout: -1, staticNetwork: true });
    const transfer = await new Wallet(admin.privateKey, provider).sendTransaction({
      to: patient.address,
      value: parseEther('1'),
      gasLimit: 21_000,
    });
    await transfer.wait();
    const balanceBefore = await provider.getBalance(patient.address);
    provider.destroy();
    await chain.stop();

    chain = await startChain({ dataDir, port: 0 });
    const again = new JsonRpcProvider(chain.rpcUrl, undefined, { cacheTimeout: -1, staticNetwork: true });
    try {
      expect(await again.getBalance(patient.address)).toBe(balanceBefore);
      expect(Object.keys(first.contracts)).toContain('Registry');
      for (const { address } of Object.values(first.contracts)) expect(await again.getCode(address)).not.toBe('0x');

      const second = await deployContracts({ rpcUrl: chain.rpcUrl, dataDir, log });

      expect(second.contracts).toEqual(first.contracts);
      expect(logs.filter((l) => l.includes('migration skipped'))).toHaveLength(1);
    } finally {
      again.destroy();
      await chain.stop();
    }
  });

  it('When the chain is stopped and started again, then the same URL answers from a new process with every mined block', async () => {
    const chain = await startChain({ dataDir: freshDataDir(), port: 0 });
    const provider = new JsonRpcProvider(chain.rpcUrl, undefined, { cacheTimeout: -1, staticNetwork: true });
    try {
      const [admin, patient] = devAccounts(5).filter((a) => a.role !== 'doctor');
      const wallet = new Wallet(admin.privateKey, provider);
      const transfer = await wallet.sendTransaction({ to: patient.address, value: parseEther('1'), gasLimit: 21_000 });
      const mined = await transfer.wait();
      const firstPid = chain.pid;

      await chain.stop();
      await expect(provider.getBlockNumber()).rejects.toThrow();
      await chain.start();

      expect(chain.pid).not.toBe(firstPid);
      expect(await provider.getBlockNumber()).toBe(mined!.blockNumber);
      expect((await provider.getTransactionReceipt(transfer.hash))?.blockHash).toBe(mined!.blockHash);
    } finally {
      provider.destroy();
      await chain.stop();
    }
  });

  it('When the chain port is taken, then starting fails with one line naming the port and the fix', async () => {
    const { port, server } = await occupyPort();
    try {
      const attempt = startChain({ port });

      await expect(attempt).rejects.toThrow(StartupError);
      await expect(attempt).rejects.toThrow(new RegExp(`port ${port} is in use.*CHAIN_PORT`));
    } finally {
      server.close();
    }
  });

  it('When the chain database is damaged, then starting fails with one line saying to delete it', async () => {
    const dataDir = freshDataDir();
    mkdirSync(path.join(dataDir, 'chain'));
    writeFileSync(path.join(dataDir, 'chain', 'CURRENT'), 'not a manifest name');

    await expect(startChain({ dataDir, port: 0 })).rejects.toThrow(/chain database .* is damaged.*delete/);
  });

  it('When RPC_URL names a chain that does not answer, then starting fails saying so, without starting Ganache', async () => {
    const { port, server } = await occupyPort();
    process.env.RPC_URL = `http://127.0.0.1:${port}`;
    try {
      await expect(startChain({ port: 0 })).rejects.toThrow(/RPC_URL=.* does not answer eth_chainId/);
    } finally {
      delete process.env.RPC_URL;
      server.close();
    }
  });
});
