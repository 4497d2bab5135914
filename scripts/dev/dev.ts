/**
 * `npm run dev`: what `npm start` runs, plus `ng build --watch` (development configuration): an edit
 * under client/src is rebuilt in a second or two and the next page load picks it up, since the server
 * reads dist/client from disk on every request and revalidates index.html. Contracts are rebuilt first
 * if they changed (as in npm start); a contract edit needs a restart. Ctrl-C stops both.
 *
 * The watcher replaces the production build in dist/client (and its build record), so the next
 * `npm start` rebuilds the production client once.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const repoRoot = path.resolve(__dirname, '..', '..');
const bin = (name: string) => path.join(repoRoot, 'node_modules', '.bin', name);
/** What the Angular builder prints after each (re)build, success or failure. */
const BUILD_FINISHED = /Application bundle generation (?:complete|failed)/;

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

function startClientWatcher(): { child: ChildProcess; firstBuild: Promise<void> } {
  const child = spawn(bin('ng'), ['build', '--watch', '--configuration', 'development'], {
    cwd: path.join(repoRoot, 'client'),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const firstBuild = new Promise<void>((resolve, reject) => {
    const relay = (chunk: Buffer) => {
      const text = chunk.toString();
      for (const line of text.split('\n')) if (line.trim()) say(`[client] ${line}`);
      if (BUILD_FINISHED.test(text)) resolve();
    };
    child.stdout.on('data', relay);
    child.stderr.on('data', relay);
    child.once('exit', (code) => reject(new Error(`ng build --watch exited with ${code} before its first build`)));
  });
  return { child, firstBuild };
}

async function main(): Promise<void> {
  const contracts = spawnSync(bin('tsx'), ['scripts/build/build-if-changed.ts', '--only=contracts'], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
  if (contracts.status !== 0) process.exit(contracts.status || 1);

  const watcher = startClientWatcher();
  await watcher.firstBuild;
  // The stack writes to our terminal directly, so its request logs stay human-readable (pino-pretty).
  const stack = spawn(bin('tsx'), ['scripts/dev/start.ts'], { cwd: repoRoot, stdio: 'inherit' });

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    // start.ts ignores a second SIGINT that arrives within a second (a terminal sends Ctrl-C to the whole group).
    stack.kill('SIGINT');
    watcher.child.kill('SIGTERM');
    say(`[dev] ${signal}: stopping the stack and the client watcher…`);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  const exited = (child: ChildProcess) =>
    new Promise<number>((resolve) => child.once('exit', (code) => resolve(code ?? 0)));
  const stackExit = exited(stack);
  const watcherExit = exited(watcher.child);
  // Either one ending on its own (a startup failure, a crashed watcher) ends the other.
  const first = await Promise.race([stackExit, watcherExit]);
  stop('SIGTERM');
  await Promise.all([stackExit, watcherExit]);
  process.exit(first);
}

main().catch((error: Error) => {
  process.stderr.write(`npm run dev failed: ${error.message}\n`);
  process.exit(1);
});
