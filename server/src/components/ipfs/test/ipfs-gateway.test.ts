/**
 * /api/ipfs/api/v0/*: the app's only door to its IPFS node for browsers, against the real embedded
 * node global-setup starts. Most requests are raw multipart through supertest; the round trip also runs
 * through kubo-rpc-client pointed at the app's /api/ipfs, in a process of its own: the library is
 * ESM-only and cannot load inside Jest's CommonJS runtime (docs/decisions/0012-kubo-rpc-client.md).
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import type { Agent } from 'supertest';
import type { HDNodeWallet } from 'ethers';
import { DOCUMENT_HEADER_PREFIX } from '@api';
import { licenceCommitment } from '@test-support/licences';
import {
  openTestApp,
  testChain,
  fundedWallet,
  GAS,
  type TestApp,
  type TestChain,
} from '../../../test-support/test-app';
import { signIn, signedSignIn } from '../../../test-support/siwe-client';

// Accounts used only by this file: 420 patient, 421 doctor (funded here); 0 is the shared admin.
const MAX_UPLOAD_BYTES = 1_000_000;
let testApp: TestApp;
let chain: TestChain;
let patient: HDNodeWallet;
let doctor: HDNodeWallet;
const agents: Record<'patient' | 'doctor', Agent> = {} as never;

const envelope = (size: number): Buffer => Buffer.concat([DOCUMENT_HEADER_PREFIX, randomBytes(size)]);
const upload = (agent: Agent | ReturnType<typeof request>, bytes: Buffer) =>
  agent.post('/api/ipfs/api/v0/add').attach('file', bytes, 'scan-of-my-knee.pdf.enc');
const pinnedOnNode = async (cid: string): Promise<boolean> => {
  const response = await fetch(`${process.env.TEST_IPFS_API_URL}/api/v0/pin/ls?arg=${cid}`, { method: 'POST' });
  return response.ok;
};

beforeAll(async () => {
  testApp = await openTestApp('ipfs-gateway', { ipfsMaxUploadBytes: MAX_UPLOAD_BYTES });
  chain = await testChain();
  [patient, doctor] = await Promise.all([420, 421].map((index) => fundedWallet(index, chain.provider)));
  await (await chain.registryFor(patient).registerPatient(GAS)).wait();
  await (await chain.registryFor(doctor).registerDoctor(licenceCommitment('IPFS-GATEWAY-421'), 1, GAS)).wait();
  await (await chain.registryAs(0).verifyDoctor(doctor.address, GAS)).wait();
  for (const [name, wallet] of Object.entries({ patient, doctor })) {
    agents[name as keyof typeof agents] = request.agent(testApp.app);
    await signIn(agents[name as keyof typeof agents], wallet);
  }
});
afterAll(async () => {
  await testApp?.close();
  chain?.close();
});

describe('IPFS endpoint: who may use it', () => {
  test.each(['add', 'cat?arg=QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o', 'pin/ls', 'pin/rm', 'id'])(
    'When an anonymous caller posts %s, then it is refused with 401',
    async (command) => {
      const response = await request(testApp.app).post(`/api/ipfs/api/v0/${command}`).expect(401);
      expect(response.body.error.code).toBe('UNAUTHENTICATED');
    },
  );

  test.each(['patient', 'doctor'] as const)(
    'When a signed-in %s uploads an app envelope, then it is added, read back identical and listed as pinned',
    async (who) => {
      const bytes = envelope(300_000);

      const added = await upload(agents[who], bytes).expect(200);

      expect(added.body).toEqual({ Name: 'document', Hash: expect.stringMatching(/^Qm/), Size: expect.any(String) });
      const cid = added.body.Hash as string;
      const read = await agents[who].post(`/api/ipfs/api/v0/cat?arg=${cid}`).responseType('blob').expect(200);
      expect(Buffer.compare(read.body as Buffer, bytes)).toBe(0);
      const listed = await agents[who].post(`/api/ipfs/api/v0/pin/ls?arg=${cid}`).expect(200);
      expect(listed.body).toEqual({ Keys: { [cid]: { Type: 'recursive' } } });
      expect((await agents[who].post(`/api/ipfs/api/v0/pin/add?arg=${cid}`).expect(200)).body).toEqual({ Pins: [cid] });
    },
  );

  test.each([
    'pin/rm?arg=QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o',
    'id',
    'config/show',
    'block/get',
    'pin/ls/../rm',
  ])('When a signed-in user posts %s, then it is refused with 404 naming the command', async (command) => {
    const response = await agents.patient.post(`/api/ipfs/api/v0/${command}`).expect(404);
    expect(response.body.error.code).toBe('IPFS_COMMAND_NOT_ALLOWED');
    expect(response.body.error.message).toMatch(/^IPFS command '.+' is not available here/);
  });

  test('When a page on another origin posts an upload with the session cookie, then it is refused with 403', async () => {
    const response = await upload(agents.patient, envelope(100)).set('Origin', 'http://evil.example').expect(403);
    expect(response.body.error.code).toBe('FOREIGN_ORIGIN');
  });
});

describe('IPFS endpoint: what may be pinned', () => {
  test('When the upload is not app ciphertext (a plain PDF), then it is refused with 415 and nothing is pinned', async () => {
    const plaintext = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(2000)]);

    const response = await upload(agents.patient, plaintext).expect(415);

    expect(response.body.error.code).toBe('NOT_APP_CIPHERTEXT');
    expect(await pinnedOnNode(await cidOnNode(plaintext))).toBe(false);
  });

  test('When the header names another format version, then it is refused as not app ciphertext', async () => {
    const wrongVersion = Buffer.concat([Buffer.from('EHRDOC'), Buffer.from([2]), randomBytes(100)]);
    expect((await upload(agents.patient, wrongVersion).expect(415)).body.error.code).toBe('NOT_APP_CIPHERTEXT');
  });

  test('When the upload is 0 bytes, then it is refused with 400', async () => {
    const response = await upload(agents.patient, Buffer.alloc(0)).expect(400);
    expect(response.body.error.code).toBe('EMPTY_UPLOAD');
  });

  test('When an envelope is over the configured limit, then it is refused with 413 while streaming and nothing is pinned', async () => {
    const pinsBefore = await allPins();
    const tooBig = envelope(MAX_UPLOAD_BYTES + 1);

    // One byte over: within the Content-Length slack for multipart framing, so only the streamed count can catch it.
    const response = await agents.patient.post('/api/ipfs/api/v0/add').attach('file', tooBig, 'big.enc').expect(413);

    expect(response.body.error).toMatchObject({
      code: 'UPLOAD_TOO_LARGE',
      message: expect.stringContaining(`${MAX_UPLOAD_BYTES}`),
    });
    expect(await allPins()).toEqual(pinsBefore);
  });

  test('When GET /api/config is read, then it shows the upload limit before any upload', async () => {
    const config = await request(testApp.app).get('/api/config').expect(200);
    expect(config.body.ipfs).toEqual({ maxUploadBytes: MAX_UPLOAD_BYTES });
  });

  test.each([
    ['cat', 'not-a-cid'],
    ['cat', 'QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o/../../etc'],
    ['pin/add', 'Qm' + 'l'.repeat(44)],
    ['pin/ls', ''],
  ])('When %s is asked for a forged CID %p, then it is refused with 400', async (command, cid) => {
    const response = await agents.patient
      .post(`/api/ipfs/api/v0/${command}?arg=${encodeURIComponent(cid)}`)
      .expect(400);
    expect(response.body.error.code).toBe('INVALID_CID');
  });

  test('When a well-formed CID the node does not hold is read, then the answer is 404 CONTENT_NOT_FOUND', async () => {
    const response = await agents.doctor
      .post('/api/ipfs/api/v0/cat?arg=QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG')
      .expect(404);
    expect(response.body.error.code).toBe('CONTENT_NOT_FOUND');
  });
});

/** The CID the node would give these bytes, without pinning them. */
async function cidOnNode(bytes: Buffer): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)]), 'probe');
  const response = await fetch(`${process.env.TEST_IPFS_API_URL}/api/v0/add?pin=false`, { method: 'POST', body: form });
  return ((await response.json()) as { Hash: string }).Hash;
}

async function allPins(): Promise<string[]> {
  const response = await fetch(`${process.env.TEST_IPFS_API_URL}/api/v0/pin/ls`, { method: 'POST' });
  return Object.keys(((await response.json()) as { Keys: Record<string, unknown> }).Keys).sort();
}

describe('IPFS endpoint through kubo-rpc-client (as the browser uses it)', () => {
  const PROBE = path.join(__dirname, '..', 'embedded-node', 'test-support', 'kubo-client-probe.ts');
  interface ProbeResult {
    cid: string;
    catSha256: string;
    addedSha256: string;
    pins: { cid: string; type: string }[];
    addMs: number;
    catMs: number;
  }
  const probe = async (url: string, item: string, cookie?: string): Promise<ProbeResult> => {
    const args = ['--import', 'tsx', PROBE, url, item, ...(cookie ? [cookie] : [])];
    const { stdout } = await promisify(execFile)(process.execPath, args);
    return (JSON.parse(stdout) as ProbeResult[])[0];
  };

  test('When a signed-in patient adds a 900 kB envelope with the library at /api/ipfs, then cat returns it identical and pin ls lists it', async () => {
    const agent = request.agent(testApp.app);
    const signedIn = await agent
      .post('/api/auth/verify')
      .send(await signedSignIn(agent, patient))
      .expect(200);
    const cookie = (signedIn.headers['set-cookie'] as unknown as string[])[0].split(';')[0];
    const server = testApp.app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      // The library appends /api/v0 only to a bare origin: a URL with a path is taken as the API path itself.
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/ipfs/api/v0`;

      const viaApp = await probe(base, 'envelope:900000', cookie);

      expect(viaApp.catSha256).toBe(viaApp.addedSha256);
      expect(viaApp.pins).toEqual([{ cid: viaApp.cid, type: 'recursive' }]);
      await expect(probe(base, 'envelope:10')).rejects.toThrow(/HTTPError: Unauthorized/);
      // Figures for the closing note (not asserted): the library through the app and straight to the node.
      const direct = await probe(process.env.TEST_IPFS_API_URL!, 'envelope:900000');
      const rate = (ms: number) => `${(0.9 / (ms / 1000)).toFixed(1)} MB/s`;
      process.stdout.write(
        `kubo-rpc-client 0.9 MB: via /api/ipfs add ${rate(viaApp.addMs)}, cat ${rate(viaApp.catMs)}; ` +
          `node direct add ${rate(direct.addMs)}, cat ${rate(direct.catMs)}\n`,
      );
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
