/**
 * Runs one embedded service (MongoDB engine, IPFS node) in its own child process and ties its life to
 * ours: the child reads a pipe whose other end only this process holds, so when we exit, even by
 * SIGKILL, the pipe closes and the child shuts itself down. Nothing is left behind after Ctrl-C.
 *
 * Protocol: the child prints ONE JSON line on stdout, either its ready details or `{"error", "code"}`.
 */
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { createInterface } from 'node:readline';
import { StartupError } from './startup-error';

export interface ChildFailure {
  /** What the child reported (`{"error"}` line), or its stderr tail if it died without reporting. */
  message: string;
  code?: string;
}

export interface ServiceProcessOptions {
  name: string;
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  readyTimeoutMs?: number;
  /** Turns the child's failure into the one-line error shown to the user. */
  describeFailure?: (failure: ChildFailure) => StartupError;
  log?: (line: string) => void;
}

export interface ServiceProcess<Ready> {
  ready: Ready;
  pid: number;
  /** SIGTERM, then SIGKILL if it has not exited within a few seconds. Safe to call more than once. */
  stop: () => Promise<void>;
}

const STDERR_TAIL_CHARS = 4_000;
const STOP_GRACE_MS = 5_000;

export function startServiceProcess<Ready extends object>(
  options: ServiceProcessOptions,
): Promise<ServiceProcess<Ready>> {
  const { name, command, args, readyTimeoutMs = 60_000, log = () => {} } = options;
  const describeFailure =
    options.describeFailure ?? ((f: ChildFailure) => new StartupError(`${name} failed to start: ${f.message}`));

  const child: ChildProcessByStdio<Writable, Readable, Readable> = spawn(command, args, {
    env: options.env ?? process.env,
    stdio: ['pipe', 'pipe', 'pipe'],
    // Its own process group: a terminal's Ctrl-C reaches only us, and we stop the child in order
    // (after the server that uses it), instead of it vanishing under the server mid-shutdown.
    detached: true,
  });
  let stderrTail = '';
  child.stderr.setEncoding('utf8').on('data', (text: string) => {
    stderrTail = (stderrTail + text).slice(-STDERR_TAIL_CHARS);
    for (const line of text.split('\n').filter(Boolean)) log(`[${name}] ${line}`);
  });
  // The pipe is the child's lifeline, never written to; an EPIPE after the child exits is expected.
  child.stdin.on('error', () => {});

  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
      await exited;
      clearTimeout(timer);
    })();
    return stopping;
  };

  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (failure: ChildFailure): void => {
      if (settled) return;
      settled = true; // later events must not reject again
      clearTimeout(timer);
      void stop();
      reject(describeFailure(failure));
    };
    const timer = setTimeout(
      () =>
        fail({
          message: `no ready line within ${readyTimeoutMs / 1000}s. ${stderrTail.trim()}`.trim(),
          code: 'ETIMEDOUT',
        }),
      readyTimeoutMs,
    );
    child.once('error', (error: NodeJS.ErrnoException) =>
      fail({ message: `cannot run ${command}: ${error.message}`, code: error.code }),
    );
    // 'close' (not 'exit'): by then stdout is drained, so an {"error"} line has already been read.
    child.once('close', (code, signal) => {
      if (settled && !stopping) log(`[${name}] exited unexpectedly (${signal ?? `code ${code}`})`);
      fail({ message: stderrTail.trim() || `exited (${signal ?? `code ${code}`}) before it was ready` });
    });

    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => {
      let parsed: (Ready & { error?: undefined }) | { error: string; code?: string };
      try {
        parsed = JSON.parse(line) as typeof parsed;
      } catch {
        fail({ message: `unexpected output: ${line}` });
        return;
      }
      if (typeof parsed.error === 'string') {
        fail({ message: parsed.error, code: (parsed as { code?: string }).code });
        return;
      }
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      lines.on('line', (more) => log(`[${name}] ${more}`));
      resolve({ ready: parsed, pid: child.pid ?? -1, stop });
    });
  });
}
