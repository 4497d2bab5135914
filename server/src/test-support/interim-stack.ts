/**
 * TEMPORARY: used only until INFRA's scripts/dev/{chain,contracts,mongo}.ts exist. Delete then.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import ganache from 'ganache';
import { exportDeployments } from '../../../scripts/export-contracts';

const root = path.resolve(__dirname, '..', '..', '..');

export async function interimChain(): Promise<{ rpcUrl: string; stop(): Promise<void> }> {
  const server = ganache.server({
    wallet: { mnemonic: 'test test test test test test test test test test test junk', totalAccounts: 10 },
    chain: { chainId: 1337, networkId: 1337, hardfork: 'shanghai' },
    logging: { quiet: true },
  });
  await server.listen(0, '127.0.0.1');
  const { port } = server.address() as { port: number };
  return { rpcUrl: `http://127.0.0.1:${port}`, stop: () => server.close() };
}

export async function interimDeploy(rpcUrl: string, dataDir: string): Promise<string> {
  const artifacts = path.join(dataDir, 'contracts');
  mkdirSync(artifacts, { recursive: true });
  cpSync(path.join(root, 'build', 'contracts'), artifacts, { recursive: true });
  try {
    execFileSync('npx', ['truffle', 'migrate', '--network', 'development'], {
      cwd: root,
      env: { ...process.env, RPC_URL: rpcUrl, TRUFFLE_BUILD_DIR: artifacts },
      stdio: 'pipe',
    });
  } catch (error) {
    throw new Error(`migrate failed: ${String((error as { stdout?: Buffer }).stdout).slice(-2000)}`);
  }
  const file = path.join(dataDir, 'deployments.json');
  await exportDeployments(artifacts, file, rpcUrl);
  return file;
}

export async function interimMongo(dataDir: string): Promise<{ uri: string; stop(): Promise<void> }> {
  const child: ChildProcess = spawn(
    path.join(root, '..', 'shared', 'tools', 'node-newer-glibc'),
    [path.join(root, 'scripts', 'dev', 'embedded-mongo-process.cjs'), path.join(dataDir, 'mongo'), '--exit-with-stdin'],
    { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const uri = await new Promise<string>((resolve, reject) => {
    let buffer = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const line = buffer.split('\n')[0];
      if (buffer.includes('\n')) {
        const parsed = JSON.parse(line!) as { uri?: string; error?: string };
        if (parsed.uri) resolve(parsed.uri);
        else reject(new Error(parsed.error));
      }
    });
    child.once('exit', (code) => reject(new Error(`mongo exited ${code}`)));
  });
  return {
    uri,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
