/**
 * Drives a Kubo RPC endpoint with kubo-rpc-client, the library browsers use, in a Node process of its
 * own: the library is ESM-only and Jest's CommonJS runtime cannot load it (docs/decisions/0012).
 * Usage: node --import tsx kubo-client-probe.ts <base url> <hex bytes>[,...] [cookie]   adds each, cats and pin/ls it
 *        (an item `envelope:<n>` adds the app's document header then n random bytes, `zeros:<n>` n zero bytes:
 *        both too long for argv as hex)
 *        node --import tsx kubo-client-probe.ts <base url> cids:<cid>[,...] [cookie]     only cats and pin/ls each
 * Prints one JSON line of results, with the milliseconds add and cat took (figures, never asserted).
 */
import { create } from 'kubo-rpc-client';
import { createHash, randomBytes } from 'node:crypto';
import { CID } from 'multiformats/cid';

const ENVELOPE_HEADER = Buffer.from([...Buffer.from('EHRDOC'), 1]);
const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const contentOf = (item: string): Buffer => {
  if (item.startsWith('envelope:'))
    return Buffer.concat([ENVELOPE_HEADER, randomBytes(Number(item.slice('envelope:'.length)))]);
  if (item.startsWith('zeros:')) return Buffer.alloc(Number(item.slice('zeros:'.length)));
  return Buffer.from(item, 'hex');
};

const [url, contents, cookie] = process.argv.slice(2);
const client = create({ url, headers: cookie ? { cookie } : {} });

async function main(): Promise<void> {
  const results = [];
  const readOnly = contents.startsWith('cids:');
  for (const item of contents.replace(/^cids:/, '').split(',')) {
    const content = readOnly ? undefined : contentOf(item);
    const addStarted = performance.now();
    const added = content ? await client.add(Uint8Array.from(content)) : { cid: CID.parse(item), size: undefined };
    const addMs = performance.now() - addStarted;
    const catStarted = performance.now();
    const chunks: Uint8Array[] = [];
    for await (const chunk of client.cat(added.cid)) chunks.push(chunk);
    const catMs = performance.now() - catStarted;
    const read = Buffer.concat(chunks);
    const pins = [];
    for await (const pin of client.pin.ls({ paths: [added.cid] }))
      pins.push({ cid: pin.cid.toString(), type: pin.type });
    results.push({
      cid: added.cid.toString(),
      size: added.size,
      ...(read.length <= 1024 && { catHex: read.toString('hex') }),
      catSha256: sha256(read),
      pins,
      ...(content && { addedSha256: sha256(content), addMs, catMs }),
    });
  }
  process.stdout.write(JSON.stringify(results) + '\n');
}

void main();
