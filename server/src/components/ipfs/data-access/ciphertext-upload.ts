/**
 * Forwards one browser upload to the IPFS node's `add` as it streams in, never holding the file:
 * the first bytes must be the app's document header (api/document-format.ts), and the upload is cut
 * off as soon as it passes the size limit. A refused upload aborts the request to the node, which
 * then pins nothing (the node pins only after a whole add succeeded).
 */
import { request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import { randomBytes } from 'node:crypto';
import { Busboy } from '@fastify/busboy';
import { DOCUMENT_HEADER_PREFIX, IpfsAddedSchema, type IpfsAdded } from '@api';
import { AppError } from '../../../libraries/errors';

const badRequest = (message: string, code: string) => new AppError(400, code, message);
const tooLarge = (maxBytes: number) =>
  new AppError(413, 'UPLOAD_TOO_LARGE', `The document is larger than the ${maxBytes} byte upload limit`);
const notCiphertext = () =>
  new AppError(
    415,
    'NOT_APP_CIPHERTEXT',
    'Only documents encrypted by the app may be pinned: the upload does not start with its "EHRDOC" header',
  );

export function addCiphertext(request: IncomingMessage, apiUrl: string, maxBytes: number): Promise<IpfsAdded> {
  const contentType = request.headers['content-type'] ?? '';
  if (!contentType.startsWith('multipart/form-data')) {
    throw badRequest('Send the document as multipart/form-data with one file part', 'EMPTY_UPLOAD');
  }
  // A body far over the limit is refused before a byte is read (the multipart framing is small).
  if (Number(request.headers['content-length'] ?? 0) > maxBytes + 64 * 1024) throw tooLarge(maxBytes);

  return new Promise<IpfsAdded>((resolve, reject) => {
    let settled = false;
    let upstream: ClientRequest | undefined;
    let fileSeen = false;
    const busboy = Busboy({
      headers: { ...request.headers, 'content-type': contentType },
      limits: { fileSize: maxBytes, files: 1, fieldSize: 1024 },
    });

    const fail = (error: AppError): void => {
      if (settled) return;
      settled = true;
      upstream?.destroy(error);
      request.unpipe(busboy);
      // Drain rather than cut the connection, so the browser reads this answer instead of EPIPE.
      request.resume();
      reject(error);
    };

    busboy.on('file', (_field, file) => {
      if (fileSeen) return fail(badRequest('Send one document per upload', 'ONE_FILE_PER_UPLOAD'));
      fileSeen = true;
      file.on('error', () => {});
      file.on('limit', () => fail(tooLarge(maxBytes)));
      let head = Buffer.alloc(0);
      let received = 0;
      file.on('data', (chunk: Buffer) => {
        if (settled) return;
        received += chunk.length;
        if (!upstream) {
          head = Buffer.concat([head, chunk]);
          if (head.length < DOCUMENT_HEADER_PREFIX.length) return;
          if (!head.subarray(0, DOCUMENT_HEADER_PREFIX.length).equals(DOCUMENT_HEADER_PREFIX))
            return fail(notCiphertext());
          upstream = openAdd(apiUrl, resolveAnswer, fail);
          chunk = head;
        }
        if (!upstream.write(chunk)) {
          file.pause();
          upstream.once('drain', () => file.resume());
        }
      });
      file.on('end', () => {
        if (settled) return;
        if (received === 0) return fail(badRequest('The document is empty (0 bytes)', 'EMPTY_UPLOAD'));
        if (!upstream) return fail(notCiphertext());
        upstream.end(`\r\n--${BOUNDARY}--\r\n`);
      });
    });
    busboy.on('filesLimit', () => fail(badRequest('Send one document per upload', 'ONE_FILE_PER_UPLOAD')));
    busboy.on('error', (error) =>
      fail(badRequest(`Could not read the upload: ${(error as Error).message}`, 'EMPTY_UPLOAD')),
    );
    busboy.on('finish', () => {
      if (!fileSeen) fail(badRequest('The upload holds no file', 'EMPTY_UPLOAD'));
    });
    request.on('close', () => {
      if (!request.complete) fail(badRequest('The upload was cut off before its end', 'UPLOAD_CUT_OFF'));
    });
    request.pipe(busboy);

    function resolveAnswer(added: IpfsAdded): void {
      if (settled) return;
      settled = true;
      resolve(added);
    }
  });
}

const BOUNDARY = `ehr-gateway-${randomBytes(12).toString('hex')}`;

/** Opens the node's `add` with the multipart preamble written; the caller streams the file and ends it. */
function openAdd(apiUrl: string, done: (added: IpfsAdded) => void, fail: (error: AppError) => void): ClientRequest {
  const upstream = httpRequest(`${apiUrl.replace(/\/+$/, '')}/api/v0/add?pin=true`, {
    method: 'POST',
    headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
  });
  upstream.on('error', (error) => fail(unavailable(error.message)));
  upstream.on('response', (response) => {
    let text = '';
    response.setEncoding('utf8').on('data', (part: string) => (text += part));
    response.on('end', () => {
      if (response.statusCode !== 200)
        return fail(unavailable(`add answered ${response.statusCode}: ${text.slice(0, 200)}`));
      // The file name stays in the browser (it can be health data): the node saw only "document".
      const parsed = IpfsAddedSchema.safeParse(JSON.parse(text.trim().split('\n')[0] ?? '{}'));
      if (!parsed.success) return fail(unavailable('add gave an answer the app does not understand'));
      done(parsed.data);
    });
  });
  upstream.write(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="document"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  return upstream;
}

export const unavailable = (detail: string) => new AppError(502, 'IPFS_UNAVAILABLE', `The IPFS node failed: ${detail}`);
