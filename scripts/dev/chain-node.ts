/**
 * Runs the dev chain (Ganache 7.9, the options in chain-options.ts) as its own process, so it can be
 * stopped and started again without the API: started by scripts/dev/chain.ts as
 * `node --import tsx chain-node.ts --port <n> [--db <dir>] --exit-with-stdin`.
 *
 * Talks to its parent in single JSON lines on stdout (scripts/dev/service-process.ts): `{"rpcUrl"}` once
 * it listens, or `{"error", "code"}` if it cannot start. SIGTERM, SIGINT or the end of stdin (the parent
 * is gone) close Ganache, which flushes its database, and then exit.
 */
import { createConnection, createServer, type Socket } from 'node:net';
import { parseArgs } from 'node:util';
import ganache from 'ganache';
import { devChainOptions } from './chain-options';

const { values: args } = parseArgs({
  options: {
    port: { type: 'string', default: '8545' },
    host: { type: 'string', default: '127.0.0.1' },
    db: { type: 'string' },
    'exit-with-stdin': { type: 'boolean', default: false },
  },
});

function report(line: object): void {
  process.stdout.write(JSON.stringify(line) + '\n');
}

async function main(): Promise<void> {
  const server = ganache.server({
    ...devChainOptions(),
    // Without a database directory the chain lives in memory (throw-away test chains).
    ...(args.db ? { database: { dbPath: args.db } } : {}),
  });
  // Ganache's own listener (uWebSockets) binds without SO_REUSEADDR, so after a stop its port stays
  // taken while the last connections sit in TIME_WAIT (a minute). Ganache listens on a private port and
  // a plain TCP relay holds the public one: Node binds with SO_REUSEADDR, so a restart gets it back at once.
  await server.listen(0, args.host);
  const ganachePort = server.address().port;
  const connections = new Set<Socket>();
  const relay = createServer((client) => {
    const upstream = createConnection(ganachePort, args.host);
    for (const socket of [client, upstream]) {
      connections.add(socket);
      socket.setNoDelay(true).once('close', () => connections.delete(socket));
    }
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    client.pipe(upstream).pipe(client);
  });
  try {
    await new Promise<void>((resolve, reject) => {
      relay.once('error', reject);
      relay.listen(Number(args.port), args.host, () => resolve());
    });
  } catch (error) {
    await server.close().catch(() => {});
    throw error;
  }
  const address = relay.address();
  report({ rpcUrl: `http://${args.host}:${typeof address === 'object' && address ? address.port : args.port}` });

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    relay.close();
    for (const socket of connections) socket.destroy();
    // close() stops the miner and closes the LevelDB database: every mined block is on disk after it.
    void server
      .close()
      .catch((error: Error) => process.stderr.write(`close failed: ${error.message}\n`))
      .finally(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  if (args['exit-with-stdin']) {
    process.stdin.on('end', stop).on('close', stop).on('error', stop).resume();
  }
}

main().catch((error: NodeJS.ErrnoException) => {
  report({ error: error.message, code: error.code });
  process.exit(1);
});
