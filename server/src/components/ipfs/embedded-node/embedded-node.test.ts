/**
 * The embedded IPFS node, driven over HTTP exactly as the server's Kubo client drives it (and started
 * the way `npm start` starts it: scripts/dev/ipfs.ts, its own process, its own data directory).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startIpfs, type RunningIpfs } from '../../../../../scripts/dev/ipfs';

const UPLOAD_LIMIT = 1_500_000;
let dataDir: string;
let node: RunningIpfs;

async function rpc(apiPath: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${node.apiUrl}/api/v0/${apiPath}`, { method: 'POST', ...init });
}

async function add(bytes: Uint8Array<ArrayBuffer>, query = ''): Promise<{ Name: string; Hash: string; Size: string }> {
  const form = new FormData();
  form.append('file', new Blob([bytes]), 'document.bin');
  const response = await rpc(`add${query}`, { body: form });
  expect(response.status).toBe(200);
  return JSON.parse((await response.text()).trim());
}

async function cat(cid: string): Promise<Uint8Array> {
  const response = await rpc(`cat?arg=${cid}`);
  expect(response.status).toBe(200);
  return new Uint8Array(await response.arrayBuffer());
}

async function pinnedCids(): Promise<string[]> {
  const body = (await (await rpc('pin/ls')).json()) as { Keys: Record<string, { Type: string }> };
  return Object.keys(body.Keys);
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'ehr-ipfs-test-'));
  node = await startIpfs({ dataDir, port: 0, maxUploadBytes: UPLOAD_LIMIT });
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
    ['"hello world\\n"', new TextEncoder().encode('hello world\n'), 'QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o', '20'],
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
  ])('When cat is asked for %s, then it answers 500 with Kubo\'s error JSON', async (_label, cid) => {
    const response = await rpc(`cat?arg=${cid}`);

    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ Message: expect.any(String), Code: 0, Type: 'error' });
  });

  it('When an upload is larger than the limit, then it is refused with 413 and nothing is pinned', async () => {
    const pinsBefore = await pinnedCids();
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(2 * 1024 * 1024)]), 'too-big.bin');

    const response = await rpc('add', { body: form });

    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ Type: 'error', Message: expect.stringContaining('limit') });
    expect(await pinnedCids()).toEqual(pinsBefore);
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
    node = await startIpfs({ dataDir, port: 0, maxUploadBytes: UPLOAD_LIMIT });

    expect(Buffer.from(await cat(cid)).toString()).toBe(Buffer.from(bytes).toString());
    expect(await pinnedCids()).toContain(cid);
    expect(((await (await rpc('id')).json()) as { ID: string }).ID).toBe(idBefore);
  });
});
