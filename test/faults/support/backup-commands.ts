/**
 * The drill runs `npm run backup` and `npm run restore` exactly as an operator types them: a child
 * process from the repository root, its exit code and its one-line output kept for the assertions.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

const repoRoot = path.resolve(__dirname, '..', '..', '..');

export interface CommandResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function npmRun(script: 'backup' | 'restore', args: string[]): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', script, '--', ...args], {
      cwd: repoRoot,
      // The drill's own process has no MONGODB_URI / RPC_URL / IPFS_API_URL (startDrillStack removed them).
      env: { ...process.env, INIT_CWD: repoRoot },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
