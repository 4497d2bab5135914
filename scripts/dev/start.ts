/**
 * `npm start`: the whole app on embedded defaults, state under .data/ (or DATA_DIR).
 * Ports from PORT (3000), CHAIN_PORT (8545), IPFS_PORT (5001); RPC_URL, MONGODB_URI and IPFS_API_URL
 * replace the embedded pieces. Prints the URL, the MetaMask settings and the dev accounts when ready.
 * Ctrl-C stops everything it started. A startup failure is one line (cause and fix); DEBUG=1 adds the stack.
 */
import path from 'node:path';
import { CHAIN_ID, DEFAULT_CHAIN_PORT, devAccounts } from './chain';
import { DEFAULT_IPFS_PORT } from './ipfs';
import { redactedUri } from './mongo';
import { DEFAULT_APP_PORT, startStack, type Stack } from './stack';
import { StartupError } from './startup-error';

const repoRoot = path.resolve(__dirname, '..', '..');

function portFromEnv(variable: string, fallback: number): number {
  const text = process.env[variable];
  if (text === undefined || text === '') return fallback;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new StartupError(
      `${variable}=${text} is not a port number: set it to 0-65535, or unset it to use ${fallback}`,
    );
  }
  return port;
}

function say(line = ''): void {
  process.stdout.write(line + '\n');
}

function printReady(stack: Stack, dataDir: string): void {
  say();
  say(`EHR Hospital is running at ${stack.appUrl}`);
  say(`Sign-in works from ${stack.appOrigins.join(' and ')} only (PUBLIC_ORIGIN / ALLOWED_ORIGINS name others).`);
  say();
  say('MetaMask network (Networks → Add a network manually):');
  say(`  Network name     EHR Hospital Dev`);
  say(`  RPC URL          ${stack.publicRpcUrl}`);
  say(`  Chain ID         ${stack.chainId}`);
  say(`  Currency symbol  ETH`);
  say();
  say('Dev accounts to import (Add account → Import account → private key).');
  say('DEV ONLY: these keys come from a public test mnemonic. Never use them on a real network.');
  for (const account of devAccounts()) {
    say(`  #${account.index} ${account.role.padEnd(8)} ${account.address}  ${account.privateKey}`);
  }
  say('  Roles are suggestions except #0, the on-chain admin: a doctor account registers and waits for verification.');
  say();
  say('Services (for mongosh and other tools):');
  say(`  MongoDB          ${redactedUri(stack.mongoUri)}`);
  say(`  IPFS API         ${stack.ipfsApiUrl}`);
  say();
  say(
    `State is kept in ${path.relative(process.cwd(), dataDir) || dataDir}/ (delete it to start over). Ctrl-C to stop.`,
  );
}

async function main(): Promise<void> {
  const dataDir = path.resolve(process.env.DATA_DIR || path.join(repoRoot, '.data'));
  const started = Date.now();
  const stack = await startStack({
    dataDir,
    appPort: portFromEnv('PORT', DEFAULT_APP_PORT),
    chainPort: portFromEnv('CHAIN_PORT', DEFAULT_CHAIN_PORT),
    ipfsPort: portFromEnv('IPFS_PORT', DEFAULT_IPFS_PORT),
    log: (line) => say(`[stack] ${line}`),
  });
  say(`[stack] everything ready in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  if (stack.chainId !== CHAIN_ID)
    say(`[stack] note: the chain at ${stack.rpcUrl} has chain id ${stack.chainId}, not ${CHAIN_ID}`);
  printReady(stack, dataDir);

  let firstSignalAt = 0;
  const shutdown = (signal: NodeJS.Signals): void => {
    if (firstSignalAt) {
      // A terminal's Ctrl-C reaches us twice at once (directly and relayed by tsx): only a later one forces.
      if (Date.now() - firstSignalAt < 1_000) return;
      say(`[stack] ${signal} again: exiting without waiting`);
      process.exit(1);
    }
    firstSignalAt = Date.now();
    say(`[stack] ${signal}: stopping…`);
    stack.stop().then(
      () => {
        say('[stack] stopped');
        process.exit(0);
      },
      (error: Error) => {
        process.stderr.write(`error while stopping: ${error.message}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error: Error) => {
  process.stderr.write(`\nnpm start failed: ${error.message}\n`);
  if (process.env.DEBUG) process.stderr.write(`${error.stack ?? ''}\n`);
  else if (!(error instanceof StartupError)) process.stderr.write('(run with DEBUG=1 for the stack trace)\n');
  process.exit(1);
});
