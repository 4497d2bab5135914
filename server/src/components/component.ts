/**
 * The one shape of a server component here: what the app hands each component when it builds its
 * routes. Components declare themselves as `Component` in their `index.ts`.
 */
import type { RequestHandler } from 'express';
import type { Chain } from '../libraries/chain';
import type { ServerComponent } from '../libraries/component';
import type { AppConfig } from '../libraries/config/config';
import type { Logger } from '../libraries/logger/logger';
import type { KuboClient } from './ipfs';

export interface ComponentContext {
  config: AppConfig;
  chain: Chain;
  ipfs: KuboClient;
  logger: Logger;
  /** The API's one per-account write budget (auth's limitWritesPerAccount): put it after requireSession on every write route. */
  limitWrites: RequestHandler;
}

/** What the runtime hands event sources; absent in tests that replay read models only. */
export interface EventSourceServices {
  ipfs?: KuboClient;
}

export type Component = ServerComponent<ComponentContext, EventSourceServices>;
