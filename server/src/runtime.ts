/**
 * Connects everything the API depends on (MongoDB, chain, IPFS client, indexer, the audit anchoring
 * job) and disconnects it again. startServer uses it and starts the background work; tests use it to
 * get at the indexer and the anchoring job.
 */
import type { AppConfig } from './libraries/config/config';
import { connectChain, type Chain } from './libraries/chain';
import { createLogger, type Logger } from './libraries/logger/logger';
import { connectMongo, disconnectMongo } from './libraries/mongo/mongo';
import { createKuboClient, type KuboClient } from './components/ipfs';
import { chainEventSources, requiredContracts } from './components';
import { createIndexer, type Indexer } from './components/indexer';
import { createAuditAnchoring, type AuditAnchoring } from './components/audit';
import { erasureTombstones } from './components/erasure';

export interface Runtime {
  config: AppConfig;
  logger: Logger;
  chain: Chain;
  ipfs: KuboClient;
  indexer: Indexer;
  auditAnchoring: AuditAnchoring;
  close(): Promise<void>;
}

export async function openRuntime(config: AppConfig, logger: Logger = createLogger(config.logLevel)): Promise<Runtime> {
  const chain = await connectChain({ ...config, requiredContracts: requiredContracts() });
  try {
    await connectMongo(config.mongoUri);
  } catch (error) {
    chain.close();
    throw new Error(`Cannot connect to MongoDB: ${(error as Error).message}`, { cause: error });
  }
  const ipfs = createKuboClient(config.ipfsApiUrl);
  const indexer = createIndexer({
    provider: chain.provider,
    chainId: config.chainId,
    sources: chainEventSources(chain.deployments, chain.provider, { ipfs }),
    logger,
    pollMs: config.indexerPollMs,
    logFilter: erasureTombstones(chain.deployments, chain.provider),
  });
  const auditAnchoring = createAuditAnchoring({ config, chain, logger });
  return {
    config,
    logger,
    chain,
    ipfs,
    indexer,
    auditAnchoring,
    async close() {
      await indexer.stop();
      await auditAnchoring.stop();
      await disconnectMongo();
      chain.close();
    },
  };
}
