/**
 * The embedded node through kubo-rpc-client (the library the browser uses), run in its own Node
 * process (test-support/kubo-client-probe.ts): Kubo's published CIDs, add → cat → pin ls, and a
 * restart that keeps blocks and pins.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { startIpfs, type RunningIpfs } from '../../../../../scripts/dev/ipfs';

interface ProbeResult {
  cid: string;
  size?: number;
  catHex: string;
  pins: { cid: string; type: string }[];
}

const PROBE = path.join(__dirname, 'test-support', 'kubo-client-probe.ts');
let dataDir: string;
let node: RunningIpfs;

async function probe(apiUrl: string, what: string): Promise<ProbeResult[]> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', PROBE, apiUrl, what]);
  return JSON.parse(stdout) as ProbeResult[];
}
const hex = (text: string) => Buffer.from(text).toString('hex');

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'ehr-ipfs-client-'));
  node = await startIpfs({ dataDir, port: 0 });
});
afterAll(async () => {
  await node?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('embedded IPFS node through kubo-rpc-client', () => {
  it.each([
    // Kubo's `ipfs add` defaults (CIDv0): docs.ipfs.tech examples and `ipfs add` of an empty file.
    ['"hello world\\n"', hex('hello world\n'), 'QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o'],
    ['"hello world"', hex('hello world'), 'Qmf412jQZiuVUtdgnB36FXFX7xg5V6KEbSJ4dpQuhkLyfD'],
    ['an empty file', '', 'QmbFMke1KXqnYyBBWxB74N4c5SBnJMVAiMNRcGu6x1AwQH'],
  ])(
    'When %s is added, then the CID is the one Kubo gives, cat returns it and pin ls lists it',
    async (_label, content, cid) => {
      const [result] = await probe(node.apiUrl, content);

      expect(result).toMatchObject({ cid, catHex: content, pins: [{ cid, type: 'recursive' }] });
    },
  );

  it('When the node restarts on the same directory, then the client still reads the content and sees the pin', async () => {
    const content = hex(`survives a restart through the client ${Date.now()}`);
    const [{ cid }] = await probe(node.apiUrl, content);

    await node.stop();
    node = await startIpfs({ dataDir, port: 0 });

    expect(await probe(node.apiUrl, `cids:${cid}`)).toEqual([
      { cid, catHex: content, catSha256: expect.any(String), pins: [{ cid, type: 'recursive' }] },
    ]);
  });
});
