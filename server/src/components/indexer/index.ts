/**
 * Chain-event indexer: keeps the components' read models in step with the chain. Pure mechanism:
 * the event sources come from the components (`eventSources` in their index.ts, gathered by
 * `chainEventSources` in components/index.ts).
 */
export { createIndexer, type Indexer, type IndexerOptions, type SyncResult } from './domain/chain-indexer';
export { applyEveryLog, type LogFilter, type LogFilterForRange } from './domain/log-filter';
export type { EventSource, EventHandler, LogPosition } from '../../libraries/chain';
