/**
 * The no-plaintext scan: searches everything the running stack has stored or printed for marker strings,
 * byte for byte (UTF-8): every file of the embedded IPFS node's repository (blocks and pins), every block
 * of the chain (each transaction's input, the block's extra data) and every log (data and topics), every
 * document of every collection of every MongoDB database (as raw BSON, so strings and binaries alike), and
 * the app's output (global-setup copies it to E2E_APP_LOG). It reports where each marker was found and
 * how much it read, so a test can prove the scan was not empty and, with a planted control, not blind.
 */
import { JsonRpcProvider, Wallet, getBytes, hexlify, toUtf8Bytes } from 'ethers';
import { MongoClient } from 'mongodb';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

export interface ScanSources {
  /** The stack's data directory; the IPFS node keeps its repository in <dataDir>/ipfs. */
  dataDir: string;
  /** The chain node itself (Ganache), not the app's filtering /rpc. */
  chainUrl: string;
  mongoUri: string;
  appLog: string;
}

export interface Finding {
  needle: string;
  source: 'ipfs' | 'chain' | 'mongodb' | 'log';
  where: string;
}

export interface ScanReport {
  findings: Finding[];
  scanned: {
    ipfsFiles: number;
    blocks: number;
    transactions: number;
    logs: number;
    documents: number;
    logBytes: number;
  };
}

interface RpcBlock {
  number: string;
  extraData: string;
  transactions: { hash: string; input: string }[];
}

interface RpcLog {
  blockNumber: string;
  transactionHash: string;
  logIndex: string;
  data: string;
  topics: string[];
}

export function sourcesFromEnv(env: NodeJS.ProcessEnv = process.env): ScanSources {
  const required = (name: string): string => {
    const value = env[name];
    if (!value) throw new Error(`${name} is not set: run this through jest's e2e project (global-setup sets it)`);
    return value;
  };
  return {
    dataDir: required('E2E_DATA_DIR'),
    chainUrl: required('E2E_CHAIN_URL'),
    mongoUri: required('E2E_MONGODB_URI'),
    appLog: required('E2E_APP_LOG'),
  };
}

export async function scanForPlaintext(
  needles: string[],
  sources: ScanSources = sourcesFromEnv(),
): Promise<ScanReport> {
  const patterns = needles.map((needle) => ({ needle, bytes: Buffer.from(needle, 'utf8') }));
  const findings: Finding[] = [];
  const search = (haystack: Uint8Array, source: Finding['source'], where: string) => {
    const buffer = Buffer.from(haystack.buffer, haystack.byteOffset, haystack.byteLength);
    for (const { needle, bytes } of patterns) if (buffer.includes(bytes)) findings.push({ needle, source, where });
  };

  const ipfsFiles = filesUnder(path.join(sources.dataDir, 'ipfs'));
  for (const file of ipfsFiles) search(readFileSync(file), 'ipfs', path.relative(sources.dataDir, file));

  const chain = await scanChain(sources.chainUrl, search);
  const documents = await scanMongo(sources.mongoUri, search);

  const log = readFileSync(sources.appLog);
  search(log, 'log', sources.appLog);

  return {
    findings,
    scanned: { ipfsFiles: ipfsFiles.length, ...chain, documents, logBytes: log.length },
  };
}

type Search = (haystack: Uint8Array, source: Finding['source'], where: string) => void;

async function scanChain(
  chainUrl: string,
  search: Search,
): Promise<{ blocks: number; transactions: number; logs: number }> {
  const provider = new JsonRpcProvider(chainUrl, undefined, { staticNetwork: true, cacheTimeout: -1 });
  try {
    const latest = Number(await provider.send('eth_blockNumber', []));
    let transactions = 0;
    for (let number = 0; number <= latest; number++) {
      const block = (await provider.send('eth_getBlockByNumber', [`0x${number.toString(16)}`, true])) as RpcBlock;
      search(getBytes(block.extraData), 'chain', `block ${number} extraData`);
      for (const transaction of block.transactions) {
        search(getBytes(transaction.input), 'chain', `block ${number} transaction ${transaction.hash} input`);
        transactions += 1;
      }
    }
    const logs = (await provider.send('eth_getLogs', [{ fromBlock: '0x0', toBlock: 'latest' }])) as RpcLog[];
    for (const log of logs) {
      const where = `log ${Number(log.logIndex)} of ${log.transactionHash} (block ${Number(log.blockNumber)})`;
      search(getBytes(log.data), 'chain', `${where} data`);
      for (const topic of log.topics) search(getBytes(topic), 'chain', `${where} topic`);
    }
    return { blocks: latest + 1, transactions, logs: logs.length };
  } finally {
    provider.destroy();
  }
}

/** Every document of every collection of every database (local and config included), as raw BSON. */
async function scanMongo(mongoUri: string, search: Search): Promise<number> {
  const client = await MongoClient.connect(mongoUri, { serverSelectionTimeoutMS: 10_000 });
  try {
    let documents = 0;
    const { databases } = await client.db().admin().listDatabases({ nameOnly: true });
    for (const { name } of databases) {
      const database = client.db(name);
      for (const { name: collection } of await database.listCollections({}, { nameOnly: true }).toArray()) {
        if (collection.startsWith('system.')) continue;
        for await (const raw of database.collection(collection).find({}, { raw: true })) {
          search(raw as unknown as Uint8Array, 'mongodb', `${name}.${collection}`);
          documents += 1;
        }
      }
    }
    return documents;
  } finally {
    await client.close();
  }
}

function filesUnder(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/**
 * Puts `control` in the clear into each place the scan reads, the way a careless component would: a plain
 * file added straight to the IPFS node (past the app's ciphertext check), a transaction whose input is the
 * text, a MongoDB document, and a request line in the app's log (an unknown path is logged as requested).
 * A scan that then finds `control` in all four is shown able to see a leak where it looks.
 */
export async function plantControls(
  control: string,
  {
    appUrl,
    ipfsApiUrl,
    chainUrl,
    mongoUri,
  }: { appUrl: string; ipfsApiUrl: string; chainUrl: string; mongoUri: string },
  chainAccount: { address: string; privateKey: string },
): Promise<void> {
  const form = new FormData();
  form.append('file', new Blob([`plaintext control ${control}\n`]), 'control.txt');
  const added = await fetch(`${ipfsApiUrl}/api/v0/add`, { method: 'POST', body: form });
  if (!added.ok) throw new Error(`control add answered ${added.status}: ${await added.text()}`);

  const provider = new JsonRpcProvider(chainUrl, undefined, { staticNetwork: true, cacheTimeout: -1 });
  try {
    await provider.send('evm_setAccountBalance', [chainAccount.address, '0x8ac7230489e80000']);
    const wallet = new Wallet(chainAccount.privateKey, provider);
    const sent = await wallet.sendTransaction({
      to: wallet.address,
      data: hexlify(toUtf8Bytes(control)),
      gasLimit: 100_000,
    });
    await sent.wait();
  } finally {
    provider.destroy();
  }

  const client = await MongoClient.connect(mongoUri, { serverSelectionTimeoutMS: 10_000 });
  try {
    await client.db('e2e_scan_control').collection('controls').insertOne({ control });
  } finally {
    await client.close();
  }

  await fetch(`${appUrl}/api/scan-control/${encodeURIComponent(control)}`);
}
