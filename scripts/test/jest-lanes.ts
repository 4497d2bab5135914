/**
 * `npm test`'s Jest step: two Jest processes at the same time, the contract tests, the browser journeys and the
 * scripts' tests in one, the API and client tests in the other (about equal in time). Each process keeps one worker
 * (a project's global setup starts one chain or one stack that its test files share), and each spends much of
 * its time waiting on its own Ganache or app, so two lanes use a 2-core machine's second core. The projects
 * share nothing: every global setup picks free ports and its own data dir. Exits non-zero when either lane
 * fails; the shorter lane's output is printed whole when it ends so the two never interleave. Extra arguments
 * go to both lanes (e.g. `--silent`).
 */
import { spawn } from 'node:child_process';

interface Lane {
  name: string;
  projects: string[];
  /** Streamed as it comes (the long lane) or printed whole at its end. */
  live: boolean;
}

const LANES: Lane[] = [
  { name: 'contracts, e2e, scripts', projects: ['contracts', 'e2e', 'scripts'], live: false },
  { name: 'server, client', projects: ['server', 'client'], live: true },
];

function run(lane: Lane, extraArgs: string[]): Promise<number> {
  const args = ['jest', '--selectProjects', ...lane.projects, ...extraArgs];
  const child = spawn('npx', args, { stdio: lane.live ? 'inherit' : ['ignore', 'pipe', 'pipe'] });
  const buffered: Buffer[] = [];
  child.stdout?.on('data', (chunk: Buffer) => buffered.push(chunk));
  child.stderr?.on('data', (chunk: Buffer) => buffered.push(chunk));
  return new Promise((resolve) => {
    child.on('close', (code) => {
      if (!lane.live) process.stdout.write(Buffer.concat(buffered));
      console.log(`[jest-lanes] ${lane.name}: ${code === 0 ? 'passed' : `failed (exit ${code})`}`);
      resolve(code ?? 1);
    });
  });
}

async function main(): Promise<void> {
  const codes = await Promise.all(LANES.map((lane) => run(lane, process.argv.slice(2))));
  process.exitCode = codes.some((code) => code !== 0) ? 1 : 0;
}

void main();
