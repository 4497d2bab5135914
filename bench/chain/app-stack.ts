/**
 * Starts app-stack-process.ts (the app's server side) as a child process and answers its addresses; stop()
 * closes its stdin, on which it stops everything and deletes its data, then waits for it to exit.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { StackAddresses } from './app-stack-process';

export interface AppStack extends StackAddresses {
  stop(): Promise<void>;
}

const STACK_PROCESS = path.join(__dirname, 'app-stack-process.ts');

export async function startAppStack(): Promise<AppStack> {
  const child = spawn(process.execPath, [require.resolve('tsx/cli'), STACK_PROCESS], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, LOG_LEVEL: 'warn' },
  });
  const errors: string[] = [];
  child.stderr.on('data', (chunk: Buffer) => errors.push(chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const addresses = await new Promise<StackAddresses>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      if (line.startsWith('{"appUrl"')) resolve(JSON.parse(line) as StackAddresses);
    });
    child.once('exit', (code) => reject(new Error(`the app stack exited (${code}): ${errors.join('').slice(-2000)}`)));
  });
  return {
    ...addresses,
    async stop() {
      child.stdin.end();
      await exited;
    },
  };
}
