/**
 * /api/ipfs/api/v0/<command>: the browser's Kubo client (kubo-rpc-client pointed at `<origin>/api/ipfs`)
 * reaches the app's IPFS node here and only here; the node itself refuses web pages. Signed-in users
 * only, four commands only, and `add` only for app ciphertext within the configured size.
 */
import { Readable } from 'node:stream';
import { Router, type RequestHandler } from 'express';
import { IPFS_ALLOWED_COMMANDS, IpfsArgQuerySchema } from '@api';
import { AppError, notFound } from '../../../../libraries/errors';
import { isErasedDocument } from '../../../erasure';
import { requireSession } from '../../../auth';
import { addCiphertext, unavailable } from '../../data-access/ciphertext-upload';

export interface IpfsGatewayOptions {
  /** The node's Kubo RPC API (config.ipfsApiUrl). */
  apiUrl: string;
  maxUploadBytes: number;
  limitWrites: RequestHandler;
}

export function ipfsGatewayRoutes({ apiUrl, maxUploadBytes, limitWrites }: IpfsGatewayOptions): Router {
  const router = Router();
  const base = apiUrl.replace(/\/+$/, '');

  /** Calls the node; a Kubo error becomes the app's 4xx when it is about the CID, 502 otherwise. */
  const callNode = async (command: string, cid: string): Promise<Response> => {
    const response = await fetch(`${base}/api/v0/${command}?arg=${encodeURIComponent(cid)}`, {
      method: 'POST',
      signal: AbortSignal.timeout(30_000),
    }).catch((error: Error) => {
      throw unavailable(error.message);
    });
    if (response.ok) return response;
    const message = ((await response.json().catch(() => ({}))) as { Message?: string }).Message ?? '';
    if (/not pinned/.test(message)) throw new AppError(404, 'NOT_PINNED', `${cid} is not pinned`);
    if (/not found|could not find/.test(message)) {
      throw new AppError(404, 'CONTENT_NOT_FOUND', `The IPFS node holds no content for ${cid}`);
    }
    throw unavailable(`${command} answered ${response.status}: ${message.slice(0, 200)}`);
  };
  const cidOf = (query: unknown): string => {
    const parsed = IpfsArgQuerySchema.safeParse(query);
    if (!parsed.success) {
      throw new AppError(400, 'INVALID_CID', `arg ${parsed.error.issues[0]?.message ?? 'is required'}`);
    }
    return parsed.data.arg;
  };

  router.use('/ipfs', requireSession);

  router.post('/ipfs/api/v0/add', limitWrites, async (req, res) => {
    res.json(await addCiphertext(req, base, maxUploadBytes));
  });

  router.post('/ipfs/api/v0/cat', async (req, res) => {
    const cid = cidOf(req.query);
    const response = await callNode('cat', cid).catch(async (error: unknown) => {
      // Gone for good, not missing: the reader is told why (the erasure removed it from the node).
      if (error instanceof AppError && error.code === 'CONTENT_NOT_FOUND' && (await isErasedDocument(cid))) {
        throw new AppError(
          410,
          'DOCUMENT_ERASED',
          `${cid} was erased at its patient's request: its keys are destroyed`,
        );
      }
      throw error;
    });
    res.status(200).type('application/octet-stream');
    Readable.fromWeb(response.body as never).pipe(res);
  });

  router.post('/ipfs/api/v0/pin/add', limitWrites, async (req, res) => {
    res.json(await (await callNode('pin/add', cidOf(req.query))).json());
  });

  router.post('/ipfs/api/v0/pin/ls', async (req, res) => {
    res.json(await (await callNode('pin/ls', cidOf(req.query))).json());
  });

  // Everything else the node speaks (pin/rm, id, config, …) stays out of browsers' reach.
  router.use('/ipfs', (req) => {
    const command = req.path.replace(/^\/api\/v0\//, '').replace(/^\/+/, '');
    throw notFound(
      `IPFS command '${command}' is not available here: only ${IPFS_ALLOWED_COMMANDS.join(', ')} are`,
      'IPFS_COMMAND_NOT_ALLOWED',
    );
  });

  return router;
}
