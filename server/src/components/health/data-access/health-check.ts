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
/**
 * The chain answers a block number in milliseconds (a node that is down refuses at once): a second
 * without an answer already means down, and keeps "chain down" visible within 2 s of it stopping
 * (with the report cache's 1 s, domain/health-cache.ts).
 */
export const CHAIN_PROBE_TIMEOUT_MS = 1_000;

function withTimeout<T>(promise: Promise<T>, timeoutMs = PROBE_TIMEOUT_MS): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error('probe timed out')), timeoutMs).unref()),
  ]);
}

async function probeChain(provider: JsonRpcProvider, chainId: number): Promise<HealthReport['chain']> {
  try {
    const [remoteChainId, latestBlock] = await withTimeout(
      Promise.all([provider.send('eth_chainId', []) as Promise<string>, provider.getBlockNumber()]),
      CHAIN_PROBE_TIMEOUT_MS,
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
