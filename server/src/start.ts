/**
 * Starts the API: `tsx server/src/start.ts` (env-configured) or `startServer(config)` in-process
 * (scripts/dev/stack.ts, tests).
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from './app';
import { loadConfig, type AppConfig } from './libraries/config/config';
import { openRuntime } from './runtime';

export interface ServerHandle {
  url: string;
  close: () => Promise<void>;
}

export async function startServer(config: AppConfig): Promise<ServerHandle> {
  const runtime = await openRuntime(config);
  const app = createApp(runtime);
  // A first sync before listening, so the first page load already sees every doctor.
  await runtime.indexer
    .syncNow()
    .catch((error: unknown) => runtime.logger.warn({ err: error }, 'initial index sync failed'));
  runtime.indexer.start();
  runtime.auditAnchoring.start();

  const server = await new Promise<Server>((resolve, reject) => {
    const listening = app.listen(config.port, config.host, (error?: Error) =>
      error ? reject(error) : resolve(listening),
    );
  }).catch(async (error: Error) => {
    await runtime.close();
    throw error;
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  runtime.logger.info({ url }, 'EHR Hospital API listening');

  return {
    url,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await runtime.close();
    },
  };
}

if (require.main === module) {
  Promise.resolve()
    .then(() => startServer(loadConfig()))
    .then(
      (handle) => {
        const shutdown = () => void handle.close().then(() => process.exit(0));
        process.once('SIGINT', shutdown);
        process.once('SIGTERM', shutdown);
      },
      (error: Error) => {
        console.error(`EHR Hospital API failed to start: ${error.message}`);
        process.exit(1);
      },
    );
}
