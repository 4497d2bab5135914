import { TestBed } from '@angular/core/testing';
import { IpfsDocuments } from './ipfs.service';
import { KUBO_RPC_CLIENT, type CreateKuboRpcClient } from './kubo-rpc-client-loader';

/**
 * The glue between the app and kubo-rpc-client. The library itself runs for real against the app's
 * endpoint in the browser journey (test/e2e/documents) and in server/src/components/ipfs (kubo-client-library).
 */
describe('IpfsDocuments (kubo-rpc-client at /api/ipfs/api/v0)', () => {
  const CID = 'QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o';
  let created: { url?: unknown }[];
  let added: { bytes: Uint8Array; options: Record<string, unknown> }[];

  beforeEach(() => {
    created = [];
    added = [];
    const create = ((options: { url?: unknown }) => {
      created.push(options);
      return {
        add: (bytes: Uint8Array, options: Record<string, unknown>) => {
          added.push({ bytes, options });
          (options['progress'] as ((sent: number) => void) | undefined)?.(2);
          return Promise.resolve({ cid: { toString: () => CID } });
        },
        // Two chunks, as the library yields a large file.
        cat: () => [Uint8Array.of(9, 8), Uint8Array.of(7)][Symbol.iterator](),
      };
    }) as unknown as CreateKuboRpcClient;
    TestBed.configureTestingModule({
      providers: [{ provide: KUBO_RPC_CLIENT, useValue: () => Promise.resolve(create) }],
    });
  });

  test('When an envelope is added, then the library pins it as CIDv0 through the app endpoint and reports bytes sent', async () => {
    const progress: [number, number][] = [];
    const cid = await TestBed.inject(IpfsDocuments).add(Uint8Array.of(1, 2, 3), (sent, total) =>
      progress.push([sent, total]),
    );

    expect(cid).toBe(CID);
    expect(String(created[0].url)).toBe(`${location.origin}/api/ipfs/api/v0`);
    expect(added[0].options).toMatchObject({ pin: true, cidVersion: 0 });
    expect(progress).toEqual([
      [2, 3],
      [3, 3],
    ]);
  });

  test('When a CID is read, then its chunks come back as one byte array, and the library is created once', async () => {
    const ipfs = TestBed.inject(IpfsDocuments);
    await expect(ipfs.cat(CID)).resolves.toEqual(Uint8Array.of(9, 8, 7));
    await ipfs.cat(CID);
    expect(created).toHaveLength(1);
  });
});
