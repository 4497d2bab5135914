/**
 * Runs load-client.ts in a child process (through tsx, as bench/run.ts runs) and returns its summary: the load
 * generator and the API never share an event loop.
 */
import { fork } from 'node:child_process';
import path from 'node:path';
import { summarizeLoad, type LoadSummary } from './latency-stats';
import type { LoadReport, LoadRequest } from './load-client';

const LOAD_CLIENT = path.join(__dirname, 'load-client.ts');

export function runLoad(load: LoadRequest): Promise<LoadSummary> {
  return new Promise((resolve, reject) => {
    const child = fork(LOAD_CLIENT, [], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let report: LoadReport | undefined;
    child.once('message', (message: LoadReport) => (report = message));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (report) resolve(summarizeLoad(report));
      else reject(new Error(`the load client exited with code ${code} before reporting`));
    });
    child.send(load);
  });
}
