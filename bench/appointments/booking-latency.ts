/**
 * Booking → visible in the doctor's queue: the time from a patient's requestAppointment being mined to the
 * doctor's open stream (GET /api/appointments/stream, what the queue page listens to) announcing it, and to
 * GET /api/appointments answering it. The whole stack runs as `npm start` runs it (Ganache with the contracts
 * migrated, embedded MongoDB and IPFS, the API with its indexer at the default poll interval), on free ports
 * and a temporary data directory.
 *
 *   npx tsx bench/appointments/booking-latency.ts [bookings=20]
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { JsonRpcProvider, Wallet, parseEther } from 'ethers';
import { SiweMessage } from 'siwe';
import { Appointments__factory, Registry__factory } from '@contracts/types';
import { CHAIN_ID, devAccount } from '@test-support/dev-chain';
import { licenceHash } from '@test-support/licences';
import { startChain } from '../../scripts/dev/chain';
import { deployContracts } from '../../scripts/dev/contracts';
import { startIpfs } from '../../scripts/dev/ipfs';
import { startMongo } from '../../scripts/dev/mongo';
import { loadConfig } from '../../server/src/libraries/config/config';
import { startServer } from '../../server/src/start';

const GAS = { gasLimit: 1_000_000 };
const SLOT_LENGTH = 30 * 60;

/** Signs `wallet` in through SIWE and answers its session cookie. */
async function signIn(appUrl: string, wallet: Wallet): Promise<string> {
  const nonceResponse = await fetch(`${appUrl}/api/auth/nonce`);
  const { nonce } = (await nonceResponse.json()) as { nonce: string };
  const nonceCookie = nonceResponse.headers.getSetCookie().map((cookie) => cookie.split(';')[0]);
  const site = new URL(appUrl);
  const message = new SiweMessage({
    domain: site.host,
    address: wallet.address,
    statement: 'Sign in to EHR Hospital.',
    uri: site.origin,
    version: '1',
    chainId: CHAIN_ID,
    nonce,
    issuedAt: new Date().toISOString(),
  }).prepareMessage();
  const response = await fetch(`${appUrl}/api/auth/verify`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: site.origin, cookie: nonceCookie.join('; ') },
    body: JSON.stringify({ message, signature: await wallet.signMessage(message) }),
  });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  return [...nonceCookie, ...response.headers.getSetCookie().map((cookie) => cookie.split(';')[0])].join('; ');
}

/** Follows the server-sent events of `url`, calling `onAppointment(id, receivedAt)` for each `appointment` event. */
async function followStream(
  url: string,
  cookie: string,
  onAppointment: (id: string, receivedAt: number) => void,
): Promise<AbortController> {
  const abort = new AbortController();
  const response = await fetch(url, { headers: { cookie, accept: 'text/event-stream' }, signal: abort.signal });
  if (!response.ok || !response.body) throw new Error(`stream refused: ${response.status}`);
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const message = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = /^data: (.*)$/m.exec(message)?.[1];
          if (/^event: appointment$/m.test(message) && data) {
            onAppointment((JSON.parse(data) as { id: string }).id, performance.now());
          }
        }
      }
    } catch {
      // aborted at the end of the run
    }
  })();
  return abort;
}

/** A port nobody listens on now (the API needs a fixed one: its allowed origins name it). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];

async function main(): Promise<void> {
  const bookings = Number(process.argv[2] ?? 20);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ehr-bench-booking-'));
  const quiet = () => {};
  const chain = await startChain({ port: 0, log: quiet });
  const mongo = await startMongo({ dataDir, log: quiet });
  const ipfs = await startIpfs({ dataDir, port: 0, log: quiet });
  const { deploymentsFile } = await deployContracts({ rpcUrl: chain.rpcUrl, dataDir, log: quiet });
  const config = loadConfig({
    RPC_URL: chain.rpcUrl,
    MONGODB_URI: mongo.uri,
    IPFS_API_URL: ipfs.apiUrl,
    DEPLOYMENTS_FILE: deploymentsFile,
    CLIENT_DIST: '/nonexistent/ehr-client-dist',
    PORT: String(await freePort()),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
  });
  const server = await startServer(config);
  const provider = new JsonRpcProvider(chain.rpcUrl, CHAIN_ID, { cacheTimeout: -1, staticNetwork: true });
  try {
    const deployments = JSON.parse(readFileSync(deploymentsFile, 'utf8')) as Record<
      string,
      Record<string, { address: string }>
    >;
    const addresses = deployments[String(CHAIN_ID)];
    const admin = new Wallet(devAccount(0).privateKey, provider);
    const doctor = new Wallet(devAccount(1).privateKey, provider);
    const patient = new Wallet(devAccount(2).privateKey, provider);
    const registry = (wallet: Wallet) => Registry__factory.connect(addresses['Registry'].address, wallet);
    const appointments = (wallet: Wallet) => Appointments__factory.connect(addresses['Appointments'].address, wallet);
    await (await registry(doctor).registerDoctor(licenceHash('BENCH-1'), 1, GAS)).wait();
    await (await registry(admin).verifyDoctor(doctor.address, GAS)).wait();
    await (await registry(patient).registerPatient(GAS)).wait();
    const fee = parseEther('0.01');
    await (await appointments(doctor).setTerms(fee, SLOT_LENGTH, GAS)).wait();

    const cookie = await signIn(server.url, doctor);
    const announced = new Map<string, number>();
    const stream = await followStream(`${server.url}/api/appointments/stream`, cookie, (id, at) => {
      if (!announced.has(id)) announced.set(id, at);
    });
    await new Promise((resolve) => setTimeout(resolve, 500));

    const streamLatencies: number[] = [];
    const listLatencies: number[] = [];
    const start = (await provider.getBlock('latest'))!.timestamp + 86_400;
    for (let i = 0; i < bookings; i++) {
      const receipt = (await (
        await appointments(patient).requestAppointment(doctor.address, start + i * SLOT_LENGTH, '', {
          value: fee,
          ...GAS,
        })
      ).wait())!;
      const minedAt = performance.now();
      const id = Appointments__factory.createInterface().parseLog(
        receipt.logs.find((log) => log.address === addresses['Appointments'].address)!,
      )!.args['id'] as bigint;
      // The list: polled as fast as a client could, until the request is there.
      for (;;) {
        const page = (await (
          await fetch(`${server.url}/api/appointments?status=requested&limit=100`, { headers: { cookie } })
        ).json()) as { items: { id: string }[] };
        if (page.items.some((item) => item.id === String(id))) break;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      listLatencies.push(performance.now() - minedAt);
      const deadline = performance.now() + 10_000;
      while (!announced.has(String(id)) && performance.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      const heard = announced.get(String(id));
      if (heard === undefined) throw new Error(`appointment ${id} never reached the doctor's stream`);
      streamLatencies.push(Math.max(0, heard - minedAt));
      // Spread the bookings over the poll interval, as people would.
      await new Promise((resolve) => setTimeout(resolve, 137 * ((i % 7) + 1)));
    }
    stream.abort();

    const report = (name: string, values: number[]) => {
      const sorted = [...values].sort((a, b) => a - b);
      console.log(
        `| ${name} | ${values.length} | ${percentile(sorted, 0.5).toFixed(0)} | ${percentile(sorted, 0.95).toFixed(0)} | ${sorted.at(-1)!.toFixed(0)} |`,
      );
    };
    console.log(`Booking → visible to the doctor, INDEXER_POLL_MS=${config.indexerPollMs} (ms after the receipt)`);
    console.log('| path | bookings | median | p95 | max |');
    console.log('| --- | ---: | ---: | ---: | ---: |');
    report("doctor's open stream (SSE)", streamLatencies);
    report('GET /api/appointments', listLatencies);
  } finally {
    provider.destroy();
    await server.close();
    await ipfs.stop();
    await mongo.stop();
    await chain.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
