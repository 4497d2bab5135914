import mongoose from 'mongoose';
import { CHAIN_ID } from '@test-support/dev-chain';
import { startServer } from './start';
import { loadConfig } from './libraries/config/config';
import { testConfig } from './test-support/test-app';

describe('Server start', () => {
  test('When the server starts on a free port, then it answers over HTTP and close() releases the port and MongoDB', async () => {
    const handle = await startServer(testConfig('start', { port: 0 }));
    try {
      const response = await fetch(`${handle.url}/api/config`);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ chainId: CHAIN_ID });
    } finally {
      await handle.close();
    }
    expect(mongoose.connection.readyState).toBe(0);
    await expect(fetch(`${handle.url}/api/config`)).rejects.toThrow();
  });

  test('When the deployments file does not exist, then start fails with a message that says how to fix it', async () => {
    await expect(
      startServer(testConfig('start-missing', { port: 0, deploymentsFile: '/nonexistent/deployments.json' })),
    ).rejects.toThrow(/deployments\.json not found: deploy the contracts first/);
  });

  test('When the deployments file has no entry for the chain id, then start fails naming the chain id', async () => {
    await expect(startServer(testConfig('start-chain', { port: 0, chainId: 31337 }))).rejects.toThrow(
      /no contracts for chain id 31337/,
    );
  });
});

describe('Configuration', () => {
  test('When environment variables are invalid, then loadConfig names each of them', () => {
    expect(() => loadConfig({ MONGODB_URI: 'mongodb://x/db', PORT: 'eighty', IPFS_API_URL: 'ftp://x' })).toThrow(
      /PORT: .*IPFS_API_URL/,
    );
  });

  test('When AUDIT_ANCHOR_PRIVATE_KEY is unset, then anchoring has no key (off) and ticks every 5 minutes; a malformed key is named', () => {
    const env = { MONGODB_URI: 'mongodb://x/db' };
    expect(loadConfig(env)).toMatchObject({ auditAnchorPrivateKey: undefined, auditAnchorIntervalMs: 300_000 });
    expect(loadConfig({ ...env, AUDIT_ANCHOR_PRIVATE_KEY: '' }).auditAnchorPrivateKey).toBeUndefined();
    expect(() => loadConfig({ ...env, AUDIT_ANCHOR_PRIVATE_KEY: '0x1234' })).toThrow(
      /AUDIT_ANCHOR_PRIVATE_KEY: must be/,
    );
  });

  test('When MONGODB_URI is missing, then loadConfig says it is required', () => {
    expect(() => loadConfig({})).toThrow(/MONGODB_URI is required/);
  });

  test('When a variable is set but empty, then it counts as unset (defaults apply, required ones are reported)', () => {
    expect(() => loadConfig({ MONGODB_URI: '' })).toThrow(/MONGODB_URI is required/);
    const config = loadConfig({ MONGODB_URI: 'mongodb://x/db', IPFS_API_URL: '', RPC_URL: '', PUBLIC_ORIGIN: '' });
    expect(config).toMatchObject({
      ipfsApiUrl: 'http://127.0.0.1:5001',
      rpcUrl: 'http://127.0.0.1:8545',
      publicOrigin: undefined,
    });
  });

  test('When only GANACHE_URL is set, then it is the RPC URL, and the browser is never pointed at it', () => {
    const config = loadConfig({ MONGODB_URI: 'mongodb://x/db', GANACHE_URL: 'http://chain:8545' });
    expect(config).toMatchObject({ rpcUrl: 'http://chain:8545', port: 3000, chainId: 1337 });
    expect(config.publicRpcUrl).toBeUndefined(); // /api/config answers <request origin>/rpc
  });

  test('When PUBLIC_ORIGIN is set, then the public RPC URL is its /rpc, unless PUBLIC_RPC_URL says otherwise', () => {
    const base = {
      MONGODB_URI: 'mongodb://x/db',
      RPC_URL: 'http://ganache:8545',
      PUBLIC_ORIGIN: 'https://ehr.example',
    };
    expect(loadConfig(base).publicRpcUrl).toBe('https://ehr.example/rpc');
    expect(loadConfig({ ...base, PUBLIC_RPC_URL: 'https://rpc.ehr.example/' }).publicRpcUrl).toBe(
      'https://rpc.ehr.example/',
    );
  });

  test('When no origin is configured in development, then exactly the loopback origins of PORT are allowed, with a 15-minute idle limit', () => {
    expect(loadConfig({ MONGODB_URI: 'mongodb://x/db', PORT: '4100' })).toMatchObject({
      allowedOrigins: ['http://127.0.0.1:4100', 'http://localhost:4100'],
      sessionIdleSeconds: 900,
    });
  });

  test('When PUBLIC_ORIGIN and ALLOWED_ORIGINS are set, then they are the allowed origins, PUBLIC_ORIGIN first', () => {
    const config = loadConfig({
      MONGODB_URI: 'mongodb://x/db',
      PUBLIC_ORIGIN: 'https://ehr.example.org/',
      ALLOWED_ORIGINS: 'https://clinic.example.org, https://ehr.example.org',
    });
    expect(config.allowedOrigins).toEqual(['https://ehr.example.org', 'https://clinic.example.org']);
  });

  test('When production names no origin, or the origins mix http and https, then loadConfig refuses to start and says what to set', () => {
    expect(() => loadConfig({ MONGODB_URI: 'mongodb://x/db', NODE_ENV: 'production' })).toThrow(/set PUBLIC_ORIGIN/);
    expect(() =>
      loadConfig({
        MONGODB_URI: 'mongodb://x/db',
        PUBLIC_ORIGIN: 'https://a.example',
        ALLOWED_ORIGINS: 'http://b.example',
      }),
    ).toThrow(/mix http and https/);
    expect(() => loadConfig({ MONGODB_URI: 'mongodb://x/db', ALLOWED_ORIGINS: 'not a url' })).toThrow(
      /ALLOWED_ORIGINS: not a url/,
    );
  });
});
