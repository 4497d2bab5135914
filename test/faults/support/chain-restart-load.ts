/**
 * Load for the chain-restart drill: a steady stream of raw signed transactions (the Registry's admin
 * registers one new doctor per transaction, as the browser would send it: signed, through the app's
 * /rpc) and a stream of API reads, both running while the drill stops and starts the chain.
 *
 * Each transaction is signed once with the next nonce and sent until the node takes it: a 503 from /rpc
 * (the node is down) means "send the same signed bytes again", which is what a wallet does. Ganache
 * mines eagerly, so a hash /rpc returned is a transaction already in a block.
 */
import { Wallet, getAddress, hexlify, id, keccak256, parseUnits, randomBytes } from 'ethers';
import { Registry__factory } from '@contracts/types';

export interface RpcReply {
  status: number;
  body: { result?: unknown; error?: { code: number; message: string } };
}

export async function rpcCall(url: string, method: string, params: unknown[] = []): Promise<RpcReply> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
  });
  return { status: response.status, body: (await response.json()) as RpcReply['body'] };
}

export interface AcceptedRegistration {
  doctor: string;
  txHash: string;
  /** When /rpc returned its hash (Date.now()). */
  acceptedAt: number;
}

export interface RegistrationLoad {
  accepted: AcceptedRegistration[];
  /** /rpc answers 503 (node down) to a send, with how long each took to come back. */
  refusedWhileDown: { status: number; errorCode?: number; ms: number }[];
  /** Stops after the transaction in flight; rejects if the load met an unexpected answer. */
  stop(): Promise<void>;
}

const PAUSE_MS = 40;
const RETRY_WHILE_DOWN_MS = 200;

export function startRegistrationLoad(options: {
  publicRpcUrl: string;
  registryAddress: string;
  adminPrivateKey: string;
  chainId: number;
  firstNonce: number;
}): RegistrationLoad {
  const admin = new Wallet(options.adminPrivateKey);
  const registry = Registry__factory.createInterface();
  const accepted: AcceptedRegistration[] = [];
  const refusedWhileDown: RegistrationLoad['refusedWhileDown'] = [];
  let running = true;

  const signNext = (nonce: number) => {
    const doctor = getAddress(hexlify(randomBytes(20)));
    const data = registry.encodeFunctionData('registerDoctorFor', [doctor, id(`licence-${doctor}`), 1]);
    return admin
      .signTransaction({
        type: 2,
        chainId: options.chainId,
        nonce,
        to: options.registryAddress,
        data,
        gasLimit: 300_000,
        maxFeePerGas: parseUnits('100', 'gwei'),
        maxPriorityFeePerGas: parseUnits('1', 'gwei'),
      })
      .then((raw) => ({ doctor, raw }));
  };

  const loop = (async () => {
    for (let nonce = options.firstNonce; running; nonce += 1) {
      const { doctor, raw } = await signNext(nonce);
      for (;;) {
        const sentAt = Date.now();
        const reply = await rpcCall(options.publicRpcUrl, 'eth_sendRawTransaction', [raw]);
        if (reply.status === 200 && typeof reply.body.result === 'string') {
          accepted.push({ doctor, txHash: reply.body.result, acceptedAt: Date.now() });
          break;
        }
        if (reply.status === 200 && (await isMined(options.publicRpcUrl, keccak256(raw)))) {
          // The node mined it as it was being stopped, and its answer was lost with the connection:
          // the resend is refused as a known transaction, and the receipt is there.
          accepted.push({ doctor, txHash: keccak256(raw), acceptedAt: Date.now() });
          break;
        }
        if (reply.status !== 503) {
          throw new Error(`/rpc answered a send with HTTP ${reply.status}: ${JSON.stringify(reply.body)}`);
        }
        refusedWhileDown.push({ status: reply.status, errorCode: reply.body.error?.code, ms: Date.now() - sentAt });
        await sleep(RETRY_WHILE_DOWN_MS);
      }
      await sleep(PAUSE_MS);
    }
  })();

  return {
    accepted,
    refusedWhileDown,
    async stop() {
      running = false;
      await loop;
    },
  };
}

async function isMined(url: string, txHash: string): Promise<boolean> {
  const reply = await rpcCall(url, 'eth_getTransactionReceipt', [txHash]);
  return reply.status === 200 && reply.body.result !== null && reply.body.result !== undefined;
}

export interface ReadLoad {
  /** HTTP status of each GET /api/config (answered from the API's own state, chain up or down). */
  configStatuses: number[];
  stop(): Promise<void>;
}

/** API reads that do not need the chain keep being served while it is down. */
export function startReadLoad(appUrl: string): ReadLoad {
  const configStatuses: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const response = await fetch(`${appUrl}/api/config`);
      await response.arrayBuffer();
      configStatuses.push(response.status);
      await sleep(PAUSE_MS);
    }
  })();
  return {
    configStatuses,
    async stop() {
      running = false;
      await loop;
    },
  };
}

export interface HealthSample {
  at: number;
  status: number;
  chainOk: boolean;
}

/** Polls /api/health every `everyMs` until `done(sample)`, or throws after `timeoutMs`. */
export async function pollHealthUntil(
  appUrl: string,
  done: (sample: HealthSample) => boolean,
  { everyMs = 50, timeoutMs = 30_000 } = {},
): Promise<HealthSample> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const response = await fetch(`${appUrl}/api/health`);
    const report = (await response.json()) as { chain?: { ok?: boolean } };
    const sample = { at: Date.now(), status: response.status, chainOk: report.chain?.ok === true };
    if (done(sample)) return sample;
    await sleep(everyMs);
  }
  throw new Error(`/api/health did not reach the expected state within ${timeoutMs} ms`);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
