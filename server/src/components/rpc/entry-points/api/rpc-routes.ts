/**
 * POST /rpc: the browser's and the wallet's narrow path to the chain (see domain/allowed-methods.ts).
 * Mounted beside /api, not under it: a wallet posts from its own origin (MetaMask from its extension),
 * carries no session, and expects JSON-RPC errors, not the API's { error } shape.
 */
import express, { Router, type ErrorRequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { RPC_ERROR, isNodeUnavailable, rpcError } from '../../domain/json-rpc';
import { answerRpc } from '../../domain/rpc-gateway';
import { upstreamNode } from '../../data-access/upstream-node';

export interface RpcRouteOptions {
  /** The node the server itself uses (RPC_URL); never published. */
  upstreamUrl: string;
  rateLimitPerMinute: number;
}

/** Room for a signed contract deployment (24 kB of code is 48 kB of hex) or a full batch of reads. */
export const RPC_BODY_LIMIT_BYTES = 128 * 1024;

export function rpcRoutes(options: RpcRouteOptions): Router {
  const router = Router();
  const node = upstreamNode(options.upstreamUrl);
  const limiter = rateLimit({
    windowMs: 60_000,
    limit: options.rateLimitPerMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, res) => {
      res
        .status(429)
        .json(
          rpcError(null, RPC_ERROR.limitExceeded, 'Too many requests to /rpc from this address: try again in a minute'),
        );
    },
  });

  router.post('/', limiter, express.json({ limit: RPC_BODY_LIMIT_BYTES }), async (req, res) => {
    const reply = await answerRpc(req.body, node);
    if (reply === undefined) {
      res.status(204).end();
      return;
    }
    // The node is down (stopped, restarting): 503, so a wallet or client retries instead of taking the
    // JSON-RPC error for a failure of the call itself. Resending the same signed transaction is safe (same hash).
    const nodeDown = (Array.isArray(reply) ? reply : [reply]).some(isNodeUnavailable);
    if (nodeDown) res.status(503).set('Retry-After', '2');
    res.set('Cache-Control', 'no-store').json(reply);
  });

  router.use((req, res) => {
    res
      .status(405)
      .set('Allow', 'POST')
      .json(
        rpcError(null, RPC_ERROR.invalidRequest, `Invalid request: /rpc takes JSON-RPC over POST, not ${req.method}`),
      );
  });

  const bodyErrors: ErrorRequestHandler = (error: { type?: string }, _req, res, next) => {
    if (error.type === 'entity.too.large') {
      res
        .status(413)
        .json(
          rpcError(
            null,
            RPC_ERROR.invalidRequest,
            `Invalid request: the body is over ${RPC_BODY_LIMIT_BYTES / 1024} kB`,
          ),
        );
    } else if (error.type === 'entity.parse.failed') {
      res.status(400).json(rpcError(null, RPC_ERROR.parseError, 'Parse error: the body is not valid JSON'));
    } else if (error.type === 'charset.unsupported' || error.type === 'encoding.unsupported') {
      res
        .status(415)
        .json(rpcError(null, RPC_ERROR.invalidRequest, 'Invalid request: send the JSON body as UTF-8, uncompressed'));
    } else {
      next(error);
    }
  };
  router.use(bodyErrors);
  return router;
}
