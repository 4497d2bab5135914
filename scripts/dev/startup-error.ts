/**
 * A failure the person starting the stack can fix themselves (port taken, engine cannot load, damaged
 * data). The `npm start` runner prints its message as one line, cause then fix, without a stack trace.
 */
export class StartupError extends Error {
  override readonly name = 'StartupError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** Whether `error` is Node's "address already in use" (from listen(), in this or a child process). */
export function isPortInUse(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'EADDRINUSE';
}
