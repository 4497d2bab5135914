import { readFileSync, readdirSync, rmSync } from 'node:fs';
import type { RunningApp } from './global-setup';

const STOP_TIMEOUT_MS = 30_000;

/** Ctrl-C, as a person would; then make sure nothing is left behind. */
export default async function globalTeardown(): Promise<void> {
  const app = (globalThis as { __E2E_APP__?: RunningApp }).__E2E_APP__;
  if (!app) return;
  if (app.child.exitCode === null && app.child.signalCode === null) {
    const exited = new Promise<void>((resolve) => app.child.once('exit', () => resolve()));
    app.child.kill('SIGINT');
    let timer: NodeJS.Timeout | undefined;
    const timedOut = await Promise.race([
      exited.then(() => false),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), STOP_TIMEOUT_MS))),
    ]);
    clearTimeout(timer);
    if (timedOut) {
      app.child.kill('SIGKILL');
      throw new Error(`npm start did not stop within ${STOP_TIMEOUT_MS / 1000}s of SIGINT:\n${app.output.join('')}`);
    }
  }
  const leftovers = processesMentioning(app.dataDir);
  rmSync(app.dataDir, { recursive: true, force: true });
  if (leftovers.length > 0) throw new Error(`Ctrl-C left processes behind:\n${leftovers.join('\n')}`);
}

/** Every live process whose command line names `dataDir`: the embedded MongoDB and IPFS processes do. */
function processesMentioning(dataDir: string): string[] {
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    try {
      const commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
      if (commandLine.includes(dataDir)) found.push(`${pid}: ${commandLine}`);
    } catch {
      // The process ended while we looked: nothing left behind there.
    }
  }
  return found;
}
