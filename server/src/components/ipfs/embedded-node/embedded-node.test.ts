/**
 * The embedded IPFS node, driven over HTTP exactly as the server's Kubo client drives it (and started
 * the way `npm start` starts it: scripts/dev/ipfs.ts, its own process, its own data directory).
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startIpfs, type RunningIpfs } from '../../../../../scripts/dev/ipfs';
import { addFiles, pinnedCids as pinnedOn, rawPost, rpc as rpcTo } from './test-support/node-calls';

const LIMITS = { maxFileBytes: 1_500_000, maxRequestBytes: 3_000_000 };
let dataDir: string;
let node: RunningIpfs;

const rpc = (apiPath: string, init: RequestInit = {}): Promise<Response> => rpcTo(node, apiPath, init);
const pinnedCids = (): Promise<string[]> => pinnedOn(node);

async function add(bytes: Uint8Array<ArrayBuffer>, query = ''): Promise<{ Name: string; Hash: string; Size: string }> {
  const { status, lines } = await addFiles(node, [bytes], query);
  expect(status).toBe(200);
  return lines[0];
}

async function cat(cid: string): Promise<Uint8Array> {
  const response = await rpc(`cat?arg=${cid}`);
  expect(response.status).toBe(200);
  return new Uint8Array(await response.arrayBuffer());
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'ehr-ipfs-test-'));
  node = await startIpfs({ dataDir, port: 0, uploadLimits: LIMITS });
});

afterAll(async () => {
  await node?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('embedded IPFS node (Kubo RPC subset)', () => {
  it('When 1 MB of random bytes is added, then cat returns exactly those bytes and the CID is pinned', async () => {
    const bytes = new Uint8Array(randomBytes(1_000_000));

    const added = await add(bytes);

    expect(added.Hash).toMatch(/^Qm[1-9A-HJ-NP-Za-km-z]{44}$/);
    expect(Buffer.from(await cat(added.Hash)).equals(Buffer.from(bytes))).toBe(true);
    expect(await pinnedCids()).toContain(added.Hash);
  });

  it.each([
    [
      '"hello world\\n"',
      new TextEncoder().encode('hello world\n'),
      'QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o',
      '20',
    ],
    ['"hello world"', new TextEncoder().encode('hello world'), 'Qmf412jQZiuVUtdgnB36FXFX7xg5V6KEbSJ4dpQuhkLyfD', '19'],
    // Four 256 KiB chunks under one dag-pb root: checks Kubo's chunking and layout, not just one block.
    ['1 MiB of zeros', new Uint8Array(1024 * 1024), 'QmVkbauSDEaMP4Tkq6Epm9uW75mWm136n81YH8fGtfwdHU', '1048832'],
  ])('When %s is added, then its CID and size are the ones Kubo gives', async (_label, bytes, cid, size) => {
    const added = await add(bytes);

    expect(added).toEqual({ Name: 'document.bin', Hash: cid, Size: size });
  });

  it('When a pin is removed, then pin/ls no longer lists it, and removing it again is an error', async () => {
    const { Hash: cid } = await add(new TextEncoder().encode(`unpin me ${Date.now()}`));

    const removed = await rpc(`pin/rm?arg=${cid}`);

    expect(await removed.json()).toEqual({ Pins: [cid] });
    expect(await pinnedCids()).not.toContain(cid);
    const lookup = await rpc(`pin/ls?arg=${cid}`);
    expect(lookup.status).toBe(500);
    expect(await lookup.json()).toMatchObject({ Type: 'error', Message: expect.stringContaining('not pinned') });
    expect((await rpc(`pin/rm?arg=${cid}`)).status).toBe(500);
  });

  it('When content is added with pin=false and pinned later, then pin/ls?arg= reports it recursive', async () => {
    const { Hash: cid } = await add(new TextEncoder().encode(`pin me later ${Date.now()}`), '?pin=false');
    expect(await pinnedCids()).not.toContain(cid);

    expect(await (await rpc(`pin/add?arg=${cid}`)).json()).toEqual({ Pins: [cid] });

    expect(await (await rpc(`pin/ls?arg=${cid}`)).json()).toEqual({ Keys: { [cid]: { Type: 'recursive' } } });
  });

  it.each([
    ['a malformed CID', 'not-a-cid'],
    ['a CID whose blocks this node does not have', 'QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG'],
  ])("When cat is asked for %s, then it answers 500 with Kubo's error JSON", async (_label, cid) => {
    const response = await rpc(`cat?arg=${cid}`);

    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ Message: expect.any(String), Code: 0, Type: 'error' });
  });

  it('When one file is larger than the per-file limit, then it is refused with 413 and nothing is pinned', async () => {
    const pinsBefore = await pinnedCids();

    const { status, error } = await addFiles(node, [
      new Uint8Array(randomBytes(1_000)),
      new Uint8Array(2 * 1024 * 1024),
    ]);

    expect(status).toBe(413);
    expect(error).toMatchObject({ Type: 'error', Message: expect.stringContaining('per-file limit') });
    expect(await pinnedCids()).toEqual(pinsBefore);
  });

  it('When the files of one request add up past the request limit, then it is refused with 413 and nothing is pinned', async () => {
    const pinsBefore = await pinnedCids();
    const parts = [1, 2, 3].map(() => new Uint8Array(randomBytes(1_200_000)));

    const { status, error } = await addFiles(node, parts);

    expect(status).toBe(413);
    expect(error).toMatchObject({ Type: 'error', Message: expect.stringContaining('3000000 byte upload limit') });
    expect(await pinnedCids()).toEqual(pinsBefore);
    expect((await rpc('version')).status).toBe(200);
  });

  it('When id and version are asked, then the node names itself as the embedded node', async () => {
    const id = (await (await rpc('id')).json()) as { ID: string; AgentVersion: string };
    const version = (await (await rpc('version')).json()) as { Version: string };

    expect(id.ID).toMatch(/^12D3KooW/);
    expect(id.AgentVersion).toMatch(/^ehr-embedded-ipfs\//);
    expect(version.Version).toEqual(expect.any(String));
  });

  it('When the API is called with GET, then it is refused as Kubo does (405)', async () => {
    const response = await fetch(`${node.apiUrl}/api/v0/id`);

    expect(response.status).toBe(405);
  });

  it('When the node restarts on the same directory, then content, pins and identity are still there', async () => {
    const bytes = new TextEncoder().encode(`survives a restart ${Date.now()}`);
    const { Hash: cid } = await add(bytes);
    const idBefore = ((await (await rpc('id')).json()) as { ID: string }).ID;

    await node.stop();
    node = await startIpfs({ dataDir, port: 0, uploadLimits: LIMITS });

    expect(Buffer.from(await cat(cid)).toString()).toBe(Buffer.from(bytes).toString());
    expect(await pinnedCids()).toContain(cid);
    expect(((await (await rpc('id')).json()) as { ID: string }).ID).toBe(idBefore);
  });
});

describe('embedded IPFS node: only local programs, never web pages', () => {
  const ownHost = (): string => new URL(node.apiUrl).host;

  it.each([
    ['a web page (Origin: http://evil.example)', 'pin/ls', () => ({ host: ownHost(), origin: 'http://evil.example' })],
    [
      'a web page unpinning (Origin: null, a sandboxed frame)',
      'pin/rm?arg=QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o',
      () => ({ host: ownHost(), origin: 'null' }),
    ],
    ['DNS rebinding (Host: rebind.example)', 'pin/ls', () => ({ host: `rebind.example:${new URL(node.apiUrl).port}` })],
    [
      'DNS rebinding reading a file (Host: rebind.example)',
      'cat?arg=QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o',
      () => ({ host: 'rebind.example' }),
    ],
  ])('When %s calls the API, then it is refused with 403 and Kubo-style JSON', async (_label, apiPath, headers) => {
    const response = await rawPost(node, apiPath, headers());

    expect(response.status).toBe(403);
    expect(JSON.parse(response.body)).toEqual({
      Message: expect.stringMatching(/^403 - Forbidden/),
      Code: 1,
      Type: 'error',
    });
  });

  it('When a refused page tries to unpin, then the pin is still there', async () => {
    const { Hash: cid } = await add(new TextEncoder().encode(`keep me ${Date.now()}`));

    await rawPost(node, `pin/rm?arg=${cid}`, { host: ownHost(), origin: 'http://evil.example' });

    expect(await pinnedCids()).toContain(cid);
  });

  it.each(['127.0.0.1', 'localhost'])(
    'When a local program addresses the node as %s:<port>, then it is answered',
    async (name) => {
      const response = await rawPost(node, 'version', { host: `${name}:${new URL(node.apiUrl).port}` });

      expect(response.status).toBe(200);
    },
  );
});

describe('embedded IPFS node: pins kept by an earlier version', () => {
  it('When the node starts on a repository with the old pins.json, then those pins are listed and kept', async () => {
    const oldDataDir = mkdtempSync(path.join(tmpdir(), 'ehr-ipfs-legacy-'));
    const legacyPins = [
      'QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o',
      'bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e',
    ];
    mkdirSync(path.join(oldDataDir, 'ipfs'), { recursive: true });
    writeFileSync(path.join(oldDataDir, 'ipfs', 'pins.json'), JSON.stringify(legacyPins));
    let oldNode: RunningIpfs | undefined;
    try {
      oldNode = await startIpfs({ dataDir: oldDataDir, port: 0 });
      expect((await pinnedOn(oldNode)).sort()).toEqual([...legacyPins].sort());

      await oldNode.stop();
      oldNode = await startIpfs({ dataDir: oldDataDir, port: 0 });

      expect((await pinnedOn(oldNode)).sort()).toEqual([...legacyPins].sort());
      expect(readdirSync(path.join(oldDataDir, 'ipfs'))).not.toContain('pins.json');
    } finally {
      await oldNode?.stop();
      rmSync(oldDataDir, { recursive: true, force: true });
    }
  });
});

describe('repo/gc (Kubo semantics: every block no pin reaches is deleted)', () => {
  it('When a multi-block file is unpinned and repo/gc runs, then all its blocks are gone and a pinned file still reads', async () => {
    const erased = await add(new Uint8Array(randomBytes(700_000)));
    const kept = new Uint8Array(randomBytes(300_000));
    const keptCid = (await add(kept)).Hash;
    expect((await rpc(`pin/rm?arg=${erased.Hash}`)).status).toBe(200);

    const response = await rpc('repo/gc');

    expect(response.status).toBe(200);
    const removed = (await response.text())
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { Key: { '/': string } }).Key['/']);
    // The root and its three 256 KiB leaves.
    expect(removed).toEqual(expect.arrayContaining([erased.Hash]));
    expect(removed.length).toBeGreaterThanOrEqual(4);
    expect((await rpc(`cat?arg=${erased.Hash}`)).status).toBe(500);
    expect(Buffer.from(await cat(keptCid)).equals(Buffer.from(kept))).toBe(true);
  });
});
