/**
 * What every way of providing MongoDB hands back (embedded engine, mongodb-memory-server, MONGODB_URI),
 * and the failure that lets the chooser move on to the next way instead of stopping.
 */
import { StartupError } from '../startup-error';

export interface RunningMongo {
  uri: string;
  external: boolean;
  /** The process serving it (undefined for an external MongoDB). */
  pid?: number;
  /** One line for the start-up report, e.g. "embedded engine under the project's glibc 2.41 loader (…)". */
  engine: string;
  stop: () => Promise<void>;
}

/**
 * This way of running MongoDB cannot work on this machine now (native library does not load, the
 * newer glibc or mongod cannot be fetched). `fix` says what would make it work.
 */
export class EngineUnavailableError extends StartupError {
  constructor(
    message: string,
    readonly fix: string,
  ) {
    super(message);
  }
}
