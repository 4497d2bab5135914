/**
 * The app's IPFS endpoint, /api/ipfs/api/v0/<command>: the Kubo RPC paths a Kubo client library
 * (kubo-rpc-client) calls when pointed at `<origin>/api/ipfs`. Only these four commands pass, for
 * signed-in users; uploads must be app ciphertext (api/document-format.ts) within the size limit.
 */
import { z } from 'zod';
import { routes } from './route-spec';

/** A CID as Kubo prints it: CIDv0 (base58btc "Qm…") or CIDv1 in base32 ("b…"). */
export const CidSchema = z
  .string()
  .regex(/^(Qm[1-9A-HJ-NP-Za-km-z]{44}|b[a-z2-7]{50,})$/, 'must be a CIDv0 (Qm…) or base32 CIDv1 (b…)');

export const IpfsArgQuerySchema = z.looseObject({ arg: CidSchema });
export const IpfsOptionalArgQuerySchema = z.looseObject({ arg: CidSchema.optional() });

/** One line of Kubo's `add` answer. */
export const IpfsAddedSchema = z.object({ Name: z.string(), Hash: z.string(), Size: z.string() });
export type IpfsAdded = z.infer<typeof IpfsAddedSchema>;
export const IpfsPinsSchema = z.object({ Pins: z.array(z.string()) });
export const IpfsPinListSchema = z.object({ Keys: z.record(z.string(), z.object({ Type: z.string() })) });

/** The commands the endpoint forwards; any other is refused naming it. */
export const IPFS_ALLOWED_COMMANDS = ['add', 'cat', 'pin/add', 'pin/ls'] as const;

const ERRORS = ['IPFS_COMMAND_NOT_ALLOWED', 'INVALID_CID', 'IPFS_UNAVAILABLE', 'FOREIGN_ORIGIN'] as const;

export const IPFS_ROUTES = routes([
  {
    method: 'post',
    path: '/api/ipfs/api/v0/add',
    summary:
      'Pins one encrypted document (multipart, one file): it must start with the app header "EHRDOC"+version and stay within ipfs.maxUploadBytes',
    access: 'session',
    response: IpfsAddedSchema,
    errors: [...ERRORS, 'NOT_APP_CIPHERTEXT', 'EMPTY_UPLOAD', 'UPLOAD_TOO_LARGE', 'ONE_FILE_PER_UPLOAD'],
  },
  {
    method: 'post',
    path: '/api/ipfs/api/v0/cat',
    summary: 'The bytes of a pinned document, streamed',
    access: 'session',
    query: IpfsArgQuerySchema,
    contentType: 'application/octet-stream',
    errors: [...ERRORS, 'CONTENT_NOT_FOUND', 'DOCUMENT_ERASED'],
  },
  {
    method: 'post',
    path: '/api/ipfs/api/v0/pin/add',
    summary: 'Pins a CID whose blocks the node already holds (e.g. to retry after a failed anchor)',
    access: 'session',
    query: IpfsArgQuerySchema,
    response: IpfsPinsSchema,
    errors: [...ERRORS, 'CONTENT_NOT_FOUND'],
  },
  {
    method: 'post',
    path: '/api/ipfs/api/v0/pin/ls',
    summary: 'Whether one CID is pinned (arg required: the node-wide list is not served)',
    access: 'session',
    query: IpfsArgQuerySchema,
    response: IpfsPinListSchema,
    errors: [...ERRORS, 'NOT_PINNED'],
  },
]);
