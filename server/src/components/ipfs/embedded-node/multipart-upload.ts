/**
 * Streams the files of a multipart upload (the way Kubo's `/api/v0/add` receives them) one after
 * another, never holding a whole file or body in memory, and enforces the upload limits as bytes
 * arrive. Parsing is @fastify/busboy's; this file only turns its events into an ordered stream of files.
 */
import type { IncomingMessage } from 'node:http';
import { Busboy, type BusboyFileStream } from '@fastify/busboy';
import { KuboRpcError } from './kubo-rpc-error.js';

export interface UploadLimits {
  /** Largest single file (413 past it). */
  maxFileBytes: number;
  /** Largest request body, all parts together (413 past it). */
  maxRequestBytes: number;
  /** Most parts (files and fields) in one request (400 past it). */
  maxParts: number;
  /** Most `add` requests in progress at once (503 past it). */
  maxConcurrentUploads: number;
}

export const DEFAULT_UPLOAD_LIMITS: UploadLimits = {
  maxFileBytes: 50 * 1024 * 1024,
  maxRequestBytes: 100 * 1024 * 1024,
  maxParts: 1_000,
  maxConcurrentUploads: 20,
};

export interface UploadedFile {
  name: string;
  /** Must be read to the end before the next file is asked for. */
  content: AsyncIterable<Uint8Array>;
}

export class MultipartUpload {
  private readonly queue: UploadedFile[] = [];
  private readonly busboy;
  private currentFile?: BusboyFileStream;
  private finished = false;
  private wake?: () => void;
  /** Why the upload was refused, once it has been. Takes precedence over whatever error it caused downstream. */
  failure?: KuboRpcError;

  constructor(
    private readonly request: IncomingMessage,
    limits: Pick<UploadLimits, 'maxFileBytes' | 'maxRequestBytes' | 'maxParts'>,
  ) {
    const contentType = request.headers['content-type'] ?? '';
    if (!contentType.startsWith('multipart/form-data')) {
      throw new KuboRpcError(400, "file argument 'path' is required", 1);
    }
    const { maxFileBytes, maxRequestBytes, maxParts } = limits;
    if (Number(request.headers['content-length'] ?? 0) > maxRequestBytes) throw requestTooLarge(maxRequestBytes);

    this.busboy = Busboy({
      headers: { ...request.headers, 'content-type': contentType },
      // Form fields other than files are ignored, so they need not be long.
      limits: { fileSize: maxFileBytes, parts: maxParts, fieldSize: 1024 },
    });
    this.busboy
      .on('file', (_field, stream, filename) => {
        // A part cut short errors its stream, maybe before anyone reads it: the failure is recorded below.
        stream.on('error', () => {});
        stream.on('limit', () =>
          this.fail(new KuboRpcError(413, `file '${filename}' is larger than the ${maxFileBytes} byte per-file limit`)),
        );
        this.queue.push({ name: filename, content: this.track(stream) });
        this.notify();
      })
      .on('partsLimit', () =>
        this.fail(new KuboRpcError(400, `too many parts in one upload: the limit is ${maxParts}`, 1)),
      )
      .on('error', (error) =>
        this.fail(new KuboRpcError(400, `could not parse the multipart body: ${(error as Error).message}`, 1)),
      )
      .on('finish', () => {
        this.finished = true;
        this.notify();
      });

    let received = 0;
    request
      .on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received > maxRequestBytes) this.fail(requestTooLarge(maxRequestBytes));
      })
      .on('close', () => {
        if (!request.complete) this.fail(new KuboRpcError(400, 'the upload was cut off before its end', 1));
      });
    request.pipe(this.busboy);
  }

  /** The files in the order they were sent. Throws the upload's failure as soon as there is one. */
  async *files(): AsyncGenerator<UploadedFile> {
    try {
      for (;;) {
        if (this.failure) throw this.failure;
        const next = this.queue.shift();
        if (next) yield next;
        else if (this.finished) return;
        else await new Promise<void>((resolve) => (this.wake = resolve));
      }
    } finally {
      // The consumer gave up (say the importer failed): stop parsing, discard the rest of the body.
      if (!this.finished) this.stopReading();
    }
  }

  private async *track(stream: BusboyFileStream): AsyncGenerator<Uint8Array> {
    this.currentFile = stream;
    for await (const chunk of stream) {
      if (this.failure) throw this.failure;
      yield chunk as Buffer;
    }
    // busboy ends a truncated file normally: the 'limit' failure must still win over a silent cut.
    if (this.failure) throw this.failure;
  }

  private fail(error: KuboRpcError): void {
    if (this.failure) return;
    this.failure = error;
    this.stopReading();
    this.currentFile?.destroy(error);
    this.notify();
  }

  private stopReading(): void {
    this.request.unpipe(this.busboy);
    // Drain rather than cut the connection, so a client still sending reads our answer instead of
    // EPIPE. Node's request timeout bounds the drain.
    this.request.resume();
  }

  private notify(): void {
    this.wake?.();
    this.wake = undefined;
  }
}

function requestTooLarge(maxBytes: number): KuboRpcError {
  return new KuboRpcError(413, `request body is larger than the ${maxBytes} byte upload limit`);
}
