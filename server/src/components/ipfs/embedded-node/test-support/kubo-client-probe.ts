/**
 * Drives a Kubo RPC endpoint with kubo-rpc-client, the library browsers use, in a Node process of its
 * own: the library is ESM-only and Jest's CommonJS runtime cannot load it (docs/decisions/0012).
 * Usage: node --import tsx kubo-client-probe.ts <base url> <hex bytes>[,...] [cookie]   adds each, cats and pin/ls it
 *        node --import tsx kubo-client-probe.ts <base url> cids:<cid>[,...] [cookie]     only cats and pin/ls each
 * Prints one JSON line of results.
 */
import { create } from 'kubo-rpc-client';
import { CID } from 'multiformats/cid';

const [url, contents, cookie] = process.argv.slice(2);
const client = create({ url, headers: cookie ? { cookie } : {} });

async function main(): Promise<void> {
  const results = [];
  const readOnly = contents.startsWith('cids:');
  for (const item of contents.replace(/^cids:/, '').split(',')) {
    const added = readOnly
      ? { cid: CID.parse(item), size: undefined }
      : await client.add(Uint8Array.from(Buffer.from(item, 'hex')));
    const chunks: Uint8Array[] = [];
    for await (const chunk of client.cat(added.cid)) chunks.push(chunk);
    const pins = [];
    for await (const pin of client.pin.ls({ paths: [added.cid] }))
      pins.push({ cid: pin.cid.toString(), type: pin.type });
    results.push({
      cid: added.cid.toString(),
      size: added.size,
      catHex: Buffer.concat(chunks).toString('hex'),
      pins,
    });
  }
  process.stdout.write(JSON.stringify(results) + '\n');
}

void main();
