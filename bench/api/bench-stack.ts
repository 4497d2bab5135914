/**
 * The API for the read path bench: the real server (startServer: the app, its indexer and audit job) on a free
 * port, over a Ganache chain in its own process (scripts/dev/chain.ts, as `npm start` runs it) with the system deployed by the test deploy fixture (the production wiring of
 * migrations/system.json, through ethers: seconds, where `truffle migrate` takes most of a minute), the
 * embedded MongoDB and the embedded IPFS node, all on a throw-away data directory. One dev patient registers
 * on chain and signs in with SIWE: its session cookie is what the load sends. The configuration is built here,
 * never from the developer's environment. Logs are off but for fatal errors (LOG_LEVEL=fatal): at 500 req/s
 * request logs would be thousands of lines in the bench's output, and the load client counts every failure.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { deploySystem, writeDeploymentsFile } from '@test-support/deploy';
import { CHAIN_ID, DEV_ACCOUNTS, DEV_AUDIT_ANCHORER_INDEX, devAccount } from '@test-support/dev-chain';
import { connect, testSigners } from '../../test/contracts/helpers/chain';
import { pickFreePort } from '../../scripts/dev/app-address';
import { startChain } from '../../scripts/dev/chain';
import { startIpfs } from '../../scripts/dev/ipfs';
import { startMongo } from '../../scripts/dev/mongo';
import { loadConfig, loopbackOrigins } from '../../server/src/libraries/config/config';
import { startServer } from '../../server/src/start';
import { SESSION_COOKIE } from '../../server/src/components/auth';
import { signedSignIn } from '../../server/src/test-support/siwe-client';

/** ganache's eth_estimateGas can hang: the registration names its gas. */
const GAS = { gasLimit: 1_000_000 };

export interface BenchStack {
  appUrl: string;
  /** The Registry's first admin (the deployer), the verifier of the seeded doctors. */
  adminAddress: string;
  /** `Cookie` header value of a signed-in patient's session. */
  patientCookie: string;
  stop(): Promise<void>;
}

export async function startBenchStack(): Promise<BenchStack> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ehr-bench-api-'));
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const stopOne of stops.reverse()) await stopOne().catch(() => {});
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    // Ganache in its own process, as `npm start` runs it: in this process it would share the API's event loop.
    const chain = await startChain({ port: 0 });
    stops.push(() => chain.stop());
    const provider = connect(chain.rpcUrl);
    stops.push(() => Promise.resolve(provider.destroy()));
    const [admin] = await testSigners(provider);
    const system = await deploySystem(admin);
    const deploymentsFile = path.join(dataDir, 'deployments.json');
    await writeDeploymentsFile(system, deploymentsFile);

    const [mongo, ipfs] = await Promise.all([startMongo({ dataDir }), startIpfs({ dataDir, port: 0 })]);
    stops.push(mongo.stop, ipfs.stop);
    const port = await pickFreePort('127.0.0.1');
    const config = loadConfig(
      { LOG_LEVEL: 'fatal' },
      {
        port,
        allowedOrigins: loopbackOrigins(port),
        rpcUrl: chain.rpcUrl,
        chainId: CHAIN_ID,
        mongoUri: mongo.uri,
        ipfsApiUrl: ipfs.apiUrl,
        deploymentsFile,
        auditAnchorPrivateKey: devAccount(DEV_AUDIT_ANCHORER_INDEX).privateKey,
      },
    );
    const server = await startServer(config);
    stops.push(server.close);

    const patient = devAccount(DEV_ACCOUNTS.patient[0]).connect(provider);
    await (await system.registry.connect(patient).registerPatient(GAS)).wait();
    const patientCookie = await signInCookie(server.url, patient);
    return { appUrl: server.url, adminAddress: await admin.getAddress(), patientCookie, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Signs `wallet` in with SIWE and returns its session cookie as a `Cookie` header value. */
async function signInCookie(appUrl: string, wallet: Parameters<typeof signedSignIn>[1]): Promise<string> {
  const agent = request.agent(appUrl);
  const site = new URL(appUrl);
  const signIn = await signedSignIn(agent, wallet, { domain: site.host, uri: site.origin });
  const response = await agent.post('/api/auth/verify').send(signIn).expect(200);
  const cookies = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
  const session = cookies.find((cookie) => cookie.startsWith(`${SESSION_COOKIE}=`));
  if (!session) throw new Error('sign-in answered without a session cookie');
  return session.split(';')[0];
}
