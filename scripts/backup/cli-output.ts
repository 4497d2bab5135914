/**
 * How the backup and restore commands talk: plain lines on stdout, and a failure as ONE line on stderr
 * (what went wrong and what to do) with exit code 1; DEBUG=1 adds the stack trace.
 */
import { StartupError } from '../dev/startup-error';

export function say(line = ''): void {
  process.stdout.write(line + '\n');
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KiB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GiB`;
}

/** Runs `main`; errors of the `expected` classes (and the stack's StartupError) print without a trace hint. */
export function runCli(
  command: string,
  main: () => Promise<void>,
  expected: (new (...args: never[]) => Error)[],
): void {
  main().then(
    () => process.exit(0),
    (error: Error) => {
      process.stderr.write(`${command} failed: ${error.message}\n`);
      if (process.env.DEBUG) process.stderr.write(`${error.stack ?? ''}\n`);
      else if (![...expected, StartupError].some((kind) => error instanceof kind))
        process.stderr.write('(run with DEBUG=1 for the stack trace)\n');
      process.exit(1);
    },
  );
}
