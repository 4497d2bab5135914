/**
 * The embedded node through kubo-rpc-client (the library the browser uses), run in its own Node
 * process (test-support/kubo-client-probe.ts): Kubo's published CIDs, add → cat → pin ls, and a
 * restart that keeps blocks and pins.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
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
const MiB = 1024 * 1024;
// Room for the 100 MiB vector below (the node's default per-file limit is 50 MiB).
const LIMITS = { maxFileBytes: 101 * MiB, maxRequestBytes: 101 * MiB };
let dataDir: string;
let node: RunningIpfs;

async function probe(apiUrl: string, what: string): Promise<ProbeResult[]> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', PROBE, apiUrl, what], {
    maxBuffer: 16 * MiB,
  });
  return JSON.parse(stdout) as ProbeResult[];
}
const hex = (text: string) => Buffer.from(text).toString('hex');
const sha256OfZeros = (length: number) => createHash('sha256').update(Buffer.alloc(length)).digest('hex');

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'ehr-ipfs-client-'));
  node = await startIpfs({ dataDir, port: 0, uploadLimits: LIMITS });
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
    // Kubo's own add-and-cat sharness test (ipfs/kubo test/sharness/t0040-add-and-cat.sh).
    ['"Hello Worlds!\\n"', hex('Hello Worlds!\n'), 'QmVr26fY1tKyspEJBniVhqxQeEjhF78XerGiqWAwraVLQH'],
    ['"Hello Venus!\\n"', hex('Hello Venus!\n'), 'QmU5kp3BH3B8tnWUU2Pikdb2maksBNkb92FHRr56hyghh4'],
    ['"Hello Jupiter!\\n"', hex('Hello Jupiter!\n'), 'QmUnvPcBctVTAcJpigv6KMqDvmDewksPWrNVoy1E1WP5fh'],
    [
      '"Hello Neptune!\\nHello Pluton!"',
      hex('Hello Neptune!\nHello Pluton!'),
      'QmZDhWpi8NvKrekaYYhxKCdNVGWsFFe1CREnAjP1QbPaB3',
    ],
  ])(
    'When %s is added, then the CID is the one Kubo gives, cat returns it and pin ls lists it',
    async (_label, content, cid) => {
      const [result] = await probe(node.apiUrl, content);

      expect(result).toMatchObject({ cid, catHex: content, pins: [{ cid, type: 'recursive' }] });
    },
  );

  it.each([
    // Results of go-ipfs's `add` for all-zero data, as asserted by an Erlang Kubo client's suite against the
    // ipfs/go-ipfs image (octaspace/ipfs test/ipfs_SUITE.erl): four 256 KiB chunks under one root, and 400
    // chunks, which exceed the 174 links a dag-pb node holds, so a two-level tree.
    ['1 MiB of zeros', 1 * MiB, 'QmVkbauSDEaMP4Tkq6Epm9uW75mWm136n81YH8fGtfwdHU', 1_048_832],
    ['100 MiB of zeros', 100 * MiB, 'Qmca3PNFKuZnYkiVv1FpcV1AfDUm4qCSHoYjPTBqDAsyk8', 104_882_589],
  ])(
    'When %s is added in chunks, then the root CID and cumulative size are the ones Kubo gives, and cat returns the bytes',
    async (_label, length, cid, size) => {
      const [result] = await probe(node.apiUrl, `zeros:${length}`);

      expect(result).toMatchObject({ cid, size, catSha256: sha256OfZeros(length), pins: [{ cid, type: 'recursive' }] });
    },
  );

  it('When the node restarts on the same directory, then the client still reads the content and sees the pin', async () => {
    const content = hex(`survives a restart through the client ${Date.now()}`);
    const [{ cid }] = await probe(node.apiUrl, content);

    await node.stop();
    node = await startIpfs({ dataDir, port: 0, uploadLimits: LIMITS });

    expect(await probe(node.apiUrl, `cids:${cid}`)).toEqual([
      { cid, catHex: content, catSha256: expect.any(String), pins: [{ cid, type: 'recursive' }] },
    ]);
  });
});
