/**
 * The API's JSON-RPC provider. When the chain node is down (stopped, restarting) every call fails fast
 * with a 503 AppError the error middleware passes on as `{ error: { code: 'CHAIN_UNAVAILABLE' } }`, instead
 * of a 500 or a request that hangs; the next call after the node is back simply succeeds (no reconnect
 * step, no network detection: staticNetwork).
 */
import { FetchRequest, JsonRpcProvider, type JsonRpcPayload, type JsonRpcResult } from 'ethers';
import { AppError } from '../errors';

/** A node that accepts the connection but does not answer is as down as one that refuses it. */
export const CHAIN_REQUEST_TIMEOUT_MS = 30_000;

/** Node's socket errors and ethers' own timeout: the node did not answer, whatever the call was. */
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'TIMEOUT']);

export function isChainUnreachable(error: unknown): boolean {
  return UNREACHABLE_CODES.has((error as { code?: string } | undefined)?.code ?? '');
}

export const chainUnavailable = (cause: unknown) =>
  new AppError(503, 'CHAIN_UNAVAILABLE', 'The blockchain node is not answering: try again in a moment', { cause });

class ChainProvider extends JsonRpcProvider {
  override async _send(payload: JsonRpcPayload | JsonRpcPayload[]): Promise<JsonRpcResult[]> {
    try {
      return await super._send(payload);
    } catch (error) {
      throw isChainUnreachable(error) ? chainUnavailable(error) : error;
    }
  }
}

export function createProvider(rpcUrl: string, chainId: number): JsonRpcProvider {
  const request = new FetchRequest(rpcUrl);
  request.timeout = CHAIN_REQUEST_TIMEOUT_MS;
  // cacheTimeout -1: ganache answers fast and stale cached reads (block number, nonces) cause confusing bugs.
  // staticNetwork: no eth_chainId round trip per call and no retry loop when the node is down.
  // batchStallTime 0: a call goes out at once instead of waiting 10 ms for others to batch with.
  return new ChainProvider(request, chainId, { cacheTimeout: -1, staticNetwork: true, batchStallTime: 0 });
}
