/**
 * What a server component may contribute to the app. Each component exports one `ServerComponent`
 * from its `index.ts`; `components/index.ts` lists them, and `app.ts` (routes) and `runtime.ts`
 * (deployment check, indexer) loop over that list, so adding a domain touches its own folder and
 * the list, nothing else.
 */
import type { Router } from 'express';
import type { JsonRpcProvider } from 'ethers';
import type { ChainDeployments, EventSource } from '../chain';

/** A router mounted on the app itself at `path`, before the API's JSON parser and Origin check. */
export interface AppRoute {
  path: string;
  router: Router;
}

/**
 * `Context`: what the app hands every component when it builds routes (components/component.ts).
 * `Services`: what the runtime hands event sources whose handlers do more than write MongoDB (the erasure's IPFS client).
 */
export interface ServerComponent<Context, Services = unknown> {
  /** The component's folder name under components/. */
  readonly name: string;
  /** Deployed contracts the component reads: the server does not start on a deployment without them. */
  readonly contracts?: readonly string[];
  /** Routes under /api: JSON body, cookies and the Origin check for writes are in place. Mounted in list order. */
  apiRoutes?(context: Context): Router;
  /** Routes outside /api that parse their own bodies and answer in their own format (the /rpc forwarder). */
  appRoutes?(context: Context): AppRoute[];
  /**
   * Contracts whose events feed this component's read models; the indexer follows every one. `provider`
   * (read-only) is for sources that need more than the log, such as a transaction's receipt.
   */
  eventSources?(deployments: ChainDeployments, provider: JsonRpcProvider, services: Services): EventSource[];
}

/** Every contract some component reads, once each. */
export function contractsRequiredBy(components: readonly ServerComponent<unknown>[]): string[] {
  return [...new Set(components.flatMap((component) => component.contracts ?? []))];
}

/** Every event source some component contributes, in list order. */
export function eventSourcesOf<Services>(
  components: readonly ServerComponent<unknown, Services>[],
  deployments: ChainDeployments,
  provider: JsonRpcProvider,
  services: Services,
): EventSource[] {
  return components.flatMap((component) => component.eventSources?.(deployments, provider, services) ?? []);
}
