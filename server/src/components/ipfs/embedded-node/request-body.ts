/**
 * Reads an upload with a size cap and hands back the files in its multipart form, the way Kubo's
 * `/api/v0/add` receives them. The cap protects the dev machine from a runaway or hostile upload.
 */
import type { IncomingMessage } from 'node:http';
import { KuboRpcError } from './kubo-rpc-error.js';

export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

export async function readMultipartFiles(request: IncomingMessage, maxBytes: number): Promise<UploadedFile[]> {
  const contentType = request.headers['content-type'] ?? '';
  if (!contentType.startsWith('multipart/form-data')) {
    throw new KuboRpcError(400, 'file argument \'path\' is required', 1);
  }
  const body = await readBodyWithLimit(request, maxBytes);
  // undici's multipart parser (Node's own fetch Response) rather than a hand-rolled one.
  const form = await new Response(body, { headers: { 'content-type': contentType } }).formData().catch(() => {
    throw new KuboRpcError(400, 'could not parse the multipart body', 1);
  });
  const parts: File[] = [];
  form.forEach((value) => {
    if (typeof value !== 'string') parts.push(value);
  });
  const files: UploadedFile[] = [];
  for (const part of parts) files.push({ name: part.name, bytes: new Uint8Array(await part.arrayBuffer()) });
  if (files.length === 0) throw new KuboRpcError(400, 'file argument \'path\' is required', 1);
  return files;
}

async function readBodyWithLimit(request: IncomingMessage, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > maxBytes) throw tooLarge(maxBytes);
  const chunks: Buffer[] = [];
  let received = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    received += chunk.length;
    if (received > maxBytes) throw tooLarge(maxBytes);
    chunks.push(chunk);
  }
  const body = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.length;
  }
  return body;
}

function tooLarge(maxBytes: number): KuboRpcError {
  return new KuboRpcError(413, `request body is larger than the ${maxBytes} byte upload limit`, 0);
}
