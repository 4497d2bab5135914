/**
 * The production shape is checked statically (no Docker engine here): docker-compose.yml must not
 * publish the chain's RPC, whose unlocked accounts include the first admin, nor give it the public
 * dev mnemonic; the chain's secret comes from a .env that git ignores.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { DEV_MNEMONIC } from '@test-support/dev-chain';

const repoRoot = path.resolve(__dirname, '..', '..');
const read = (file: string) => readFileSync(path.join(repoRoot, file), 'utf8');

interface ComposeService {
  image?: string;
  command?: string | string[];
  entrypoint?: string | string[];
  environment?: Record<string, string> | string[];
  ports?: unknown[];
}
const compose = parse(read('docker-compose.yml')) as { services: Record<string, ComposeService> };
const services = compose.services;
const [chainName, chain] = Object.entries(services).find(([, service]) =>
  service.image?.startsWith('trufflesuite/ganache'),
)!;
/** Everything the chain container is started with, as one text. */
const chainStartup = JSON.stringify([chain.command, chain.entrypoint, chain.environment]);
const appEnvironment = services.app.environment as Record<string, string>;

describe('docker-compose.yml (production shape)', () => {
  test('When compose starts the chain, then its RPC port is not published (no ports:), nor any service but the app', () => {
    expect(chainName).toBeDefined();
    expect(chain.ports).toBeUndefined();
    const published = Object.entries(services)
      .filter(([, service]) => service.ports !== undefined)
      .map(([name]) => name);
    expect(published).toEqual(['app']);
  });

  test('When compose starts the chain, then its mnemonic comes from GANACHE_MNEMONIC, required with a message, never the public dev mnemonic', () => {
    expect(chainStartup).not.toContain(DEV_MNEMONIC);
    expect(chainStartup).not.toMatch(/test test test/);
    // ${VAR:?message}: compose stops with the message when the variable is unset or empty.
    expect(chainStartup).toMatch(/--wallet\.mnemonic=\$\{GANACHE_MNEMONIC:\?[^}]*\.env\.example[^}]*\}/);
  });

  test('When the browser asks where the chain is, then it is sent to the app’s /rpc, and the app itself uses the internal node', () => {
    expect(appEnvironment.PUBLIC_RPC_URL).toMatch(/\/rpc$/);
    expect(appEnvironment.PUBLIC_RPC_URL).not.toContain(':8545');
    expect(appEnvironment.RPC_URL).toBe(`http://${chainName}:8545`);
  });

  test('When an operator sets up compose, then .env.example names GANACHE_MNEMONIC without a value, and .env stays out of git and the image', () => {
    const example = read('.env.example');
    expect(example).toMatch(/^GANACHE_MNEMONIC=$/m);
    expect(example).not.toContain(DEV_MNEMONIC);
    expect(read('.gitignore').split('\n')).toContain('.env');
    expect(read('.dockerignore').split('\n')).toContain('.env');
    expect(existsSync(path.join(repoRoot, '.env'))).toBe(false);
  });

  test('When compose starts the app, then the audit anchorer key comes from .env (AUDIT_ANCHOR_PRIVATE_KEY), never a literal key', () => {
    expect(appEnvironment.AUDIT_ANCHOR_PRIVATE_KEY).toBe('${AUDIT_ANCHOR_PRIVATE_KEY:-}');
    expect(JSON.stringify(services)).not.toMatch(/0x[0-9a-fA-F]{64}/);
    expect(read('.env.example')).toMatch(/^AUDIT_ANCHOR_PRIVATE_KEY=$/m);
  });
});
