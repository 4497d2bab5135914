/**
 * The chain node behind /rpc (RPC_URL, reachable by the server only). Each allowed call is sent on
 * its own, under a fixed request id, so nothing the browser chose for ids or extra fields reaches it.
 */
import type { RpcCall, RpcErrorObject, UpstreamNode } from '../domain/json-rpc';

const UPSTREAM_TIMEOUT_MS = 30_000;

export function upstreamNode(url: string): UpstreamNode {
  return {
    async call(method: string, params: RpcCall['params']) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, ...(params !== undefined && { params }) }),
        signal: AbortSignal.timeout(UPSTREAM_TIMEOUT_MS),
      });
      const answer = (await response.json().catch(() => undefined)) as
        { result?: unknown; error?: RpcErrorObject } | undefined;
      if (!answer || typeof answer !== 'object') throw new Error(`HTTP ${response.status} without a JSON-RPC answer`);
      if (answer.error)
        return {
          error: {
            code: answer.error.code,
            message: answer.error.message,
            ...(answer.error.data !== undefined && { data: answer.error.data }),
          },
        };
      return { result: answer.result ?? null };
    },
  };
}
