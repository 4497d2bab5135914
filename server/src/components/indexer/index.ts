/**
 * Chain-event indexer: keeps the read models (doctors, patients, …) in step with the chain.
 * To index another contract, write an EventSource for it and add it in `chainEventSources`.
 */
import type { ChainDeployments } from '../../libraries/chain';
import type { EventSource } from './domain/event-source';
import { registrySource } from './domain/registry-source';
import { consentSource } from '../consent';

export { createIndexer, type Indexer, type IndexerOptions, type SyncResult } from './domain/chain-indexer';
export type { EventSource, EventHandler, LogPosition } from './domain/event-source';

/** Every deployed contract the indexer follows. */
export function chainEventSources(deployments: ChainDeployments): EventSource[] {
  const sources: EventSource[] = [];
  if (deployments.Registry) sources.push(registrySource(deployments.Registry));
  if (deployments.Consent) sources.push(consentSource(deployments.Consent));
  return sources;
}
