/** JSON-RPC 2.0 shapes and the error codes /rpc answers with (JSON-RPC 2.0 spec and EIP-1474). */
import { z } from 'zod';

export const RPC_ERROR = {
  parseError: -32700,
  invalidRequest: -32600,
  methodNotFound: -32601,
  invalidParams: -32602,
  internalError: -32603,
  /** EIP-1474 "resource unavailable": the chain node does not answer (stopped, restarting). */
  resourceUnavailable: -32002,
  limitExceeded: -32005,
} as const;

export type RpcId = string | number | null;

/** One call as a client sends it; fields beyond these are dropped, never forwarded. */
export const rpcCallSchema = z.object({
  jsonrpc: z.literal('2.0'),
  id: z.union([z.string().max(200), z.number(), z.null()]).optional(),
  method: z.string().min(1).max(100),
  params: z.union([z.array(z.unknown()), z.record(z.string(), z.unknown())]).optional(),
});
export type RpcCall = z.infer<typeof rpcCallSchema>;

export interface RpcErrorObject {
  code: number;
  message: string;
  data?: unknown;
}

export type RpcResponse = { jsonrpc: '2.0'; id: RpcId } & ({ result: unknown } | { error: RpcErrorObject });

/** Whether the node behind /rpc was unreachable for this reply (the route answers HTTP 503 then). */
export function isNodeUnavailable(reply: RpcResponse): boolean {
  return 'error' in reply && reply.error.code === RPC_ERROR.resourceUnavailable;
}

export function rpcError(id: RpcId, code: number, message: string): RpcResponse {
  return { jsonrpc: '2.0', id, error: { code, message } };
}

/** The node that answers the calls /rpc lets through. */
export interface UpstreamNode {
  call(method: string, params: RpcCall['params']): Promise<{ result: unknown } | { error: RpcErrorObject }>;
}
