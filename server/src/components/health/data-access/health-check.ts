/**
 * Is every dependency answering? Each probe is bounded so /api/health answers even when one hangs.
 */
import type { JsonRpcProvider } from 'ethers';
import type { HealthReport } from '@api';
import type { KuboClient } from '../../ipfs';

export interface HealthProbes {
  provider: JsonRpcProvider;
  chainId: number;
  ipfs: KuboClient;
  pingMongo(): Promise<boolean>;
}

const PROBE_TIMEOUT_MS = 3_000;

function withTimeout<T>(promise: Promise<T>): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error('probe timed out')), PROBE_TIMEOUT_MS).unref()),
  ]);
}

async function probeChain(provider: JsonRpcProvider, chainId: number): Promise<HealthReport['chain']> {
  try {
    const [remoteChainId, latestBlock] = await withTimeout(
      Promise.all([provider.send('eth_chainId', []) as Promise<string>, provider.getBlockNumber()]),
    );
    return { ok: Number(remoteChainId) === chainId, chainId, latestBlock };
  } catch {
    return { ok: false, chainId };
  }
}

async function probeIpfs(ipfs: KuboClient): Promise<HealthReport['ipfs']> {
  try {
    const { agentVersion } = await withTimeout(ipfs.id());
    return { ok: true, ...(agentVersion && { version: agentVersion }) };
  } catch {
    return { ok: false };
  }
}

export async function checkHealth(probes: HealthProbes): Promise<HealthReport> {
  const [chain, mongoOk, ipfs] = await Promise.all([
    probeChain(probes.provider, probes.chainId),
    withTimeout(probes.pingMongo()).catch(() => false),
    probeIpfs(probes.ipfs),
  ]);
  const status = chain.ok && mongoOk && ipfs.ok ? 'ok' : 'degraded';
  return { status, chain, mongo: { ok: mongoOk }, ipfs };
}
