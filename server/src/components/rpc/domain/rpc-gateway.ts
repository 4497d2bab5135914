/**
 * Answers a JSON-RPC body (one call or a batch) for the browser: each call is checked on its own
 * against the allowlist, allowed ones go to the node, refused ones get a JSON-RPC error naming why.
 * A refused call in a batch never stops its neighbours, and never reaches the node.
 */
import { refusalOf } from './allowed-methods';
import { RPC_ERROR, rpcCallSchema, rpcError, type RpcId, type RpcResponse, type UpstreamNode } from './json-rpc';
import { logRangeProblem } from './log-range';

/** A wallet batches a handful of reads; more in one request would sidestep the per-request rate limit. */
export const MAX_BATCH_CALLS = 20;

/**
 * The reply to send: one response, an array for a batch, or undefined when every call was a
 * notification (no id), which JSON-RPC answers with nothing.
 */
export async function answerRpc(body: unknown, node: UpstreamNode): Promise<RpcResponse | RpcResponse[] | undefined> {
  if (!Array.isArray(body)) return answerOne(body, node);
  if (body.length === 0) return rpcError(null, RPC_ERROR.invalidRequest, 'Invalid request: an empty batch');
  if (body.length > MAX_BATCH_CALLS) {
    return rpcError(
      null,
      RPC_ERROR.invalidRequest,
      `Invalid request: a batch holds at most ${MAX_BATCH_CALLS} calls (got ${body.length})`,
    );
  }
  const replies = await Promise.all(body.map((call) => answerOne(call, node)));
  const sent = replies.filter((reply): reply is RpcResponse => reply !== undefined);
  return sent.length > 0 ? sent : undefined;
}

async function answerOne(candidate: unknown, node: UpstreamNode): Promise<RpcResponse | undefined> {
  const parsed = rpcCallSchema.safeParse(candidate);
  if (!parsed.success) {
    const problem = parsed.error.issues
      .map((issue) => `${issue.path.join('.') || 'call'}: ${issue.message}`)
      .join('; ');
    return rpcError(idOf(candidate), RPC_ERROR.invalidRequest, `Invalid request: ${problem}`);
  }
  const call = parsed.data;
  const isNotification = call.id === undefined;
  const id = call.id ?? null;

  const refusal = refusalOf(call.method);
  if (refusal) return isNotification ? undefined : rpcError(id, RPC_ERROR.methodNotFound, refusal);

  try {
    if (call.method === 'eth_getLogs') {
      const problem = await logRangeProblem(call.params, async () =>
        BigInt(String(unwrap(await node.call('eth_blockNumber', [])))),
      );
      if (problem) return isNotification ? undefined : rpcError(id, RPC_ERROR.invalidParams, problem);
    }
    const answer = await node.call(call.method, call.params);
    if (isNotification) return undefined;
    return 'error' in answer
      ? { jsonrpc: '2.0', id, error: answer.error }
      : { jsonrpc: '2.0', id, result: answer.result };
  } catch (error) {
    // A failed request to the node (refused, reset, timed out): it is down or restarting, not broken.
    return isNotification
      ? undefined
      : rpcError(
          id,
          RPC_ERROR.resourceUnavailable,
          `The chain node is not answering, try again in a moment (${(error as Error).message})`,
        );
  }
}

function unwrap(answer: { result: unknown } | { error: { message: string } }): unknown {
  if ('error' in answer) throw new Error(answer.error.message);
  return answer.result;
}

/** The id to echo for a call too malformed to parse: its own id when that is a valid one, else null. */
function idOf(candidate: unknown): RpcId {
  const id = (candidate as { id?: unknown } | null)?.id;
  return typeof id === 'string' || typeof id === 'number' ? id : null;
}
