/**
 * Calls to the embedded node for its tests, made as its real clients make them: Kubo RPC over HTTP,
 * plus raw requests for what fetch will not send (a forged Host, a held-open streaming upload).
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { request as httpRequest, type ClientRequest, type IncomingHttpHeaders } from 'node:http';
import type { RunningIpfs } from '../../../../../../scripts/dev/ipfs';

export interface AddedLine {
  Name: string;
  Hash: string;
  Size: string;
}

export function rpc(node: RunningIpfs, apiPath: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${node.apiUrl}/api/v0/${apiPath}`, { method: 'POST', ...init });
}

/** Adds the files in one multipart request; resolves with the status and the parsed body. */
export async function addFiles(
  node: RunningIpfs,
  files: Uint8Array<ArrayBuffer>[],
  query = '',
): Promise<{ status: number; lines: AddedLine[]; error?: { Message: string; Type: string } }> {
  const form = new FormData();
  files.forEach((bytes, index) =>
    form.append('file', new Blob([bytes]), files.length === 1 ? 'document.bin' : `part-${index}.bin`),
  );
  const response = await rpc(node, `add${query}`, { body: form });
  const text = await response.text();
  if (!response.ok)
    return { status: response.status, lines: [], error: JSON.parse(text) as { Message: string; Type: string } };
  return {
    status: response.status,
    lines: text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as AddedLine),
  };
}

export async function pinnedCids(node: RunningIpfs): Promise<string[]> {
  const body = (await (await rpc(node, 'pin/ls')).json()) as { Keys: Record<string, { Type: string }> };
  return Object.keys(body.Keys);
}

/** A POST with exactly these headers (fetch would not let a test forge `Host`). */
export function rawPost(
  node: RunningIpfs,
  apiPath: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      `${node.apiUrl}/api/v0/${apiPath}`,
      { method: 'POST', headers, agent: false },
      (response) => {
        let body = '';
        response.setEncoding('utf8').on('data', (text: string) => (body += text));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      },
    );
    request.on('error', reject).end();
  });
}

/**
 * A one-file upload whose body the test streams itself, sent with `Expect: 100-continue`: the node
 * answers 100 in the same event-loop turn in which it admits (or refuses) the request, so once
 * `admitted` resolves the upload is counted as in progress.
 */
export class StreamedUpload {
  private static readonly BOUNDARY = 'ehr-test-boundary-7d1f';
  private readonly request: ClientRequest;
  readonly admitted: Promise<void>;
  readonly response: Promise<{ status: number; headers: IncomingHttpHeaders; body: string }>;

  constructor(node: RunningIpfs, fileName: string) {
    this.request = httpRequest(`${node.apiUrl}/api/v0/add`, {
      method: 'POST',
      agent: false,
      headers: { 'content-type': `multipart/form-data; boundary=${StreamedUpload.BOUNDARY}`, expect: '100-continue' },
    });
    this.admitted = new Promise((resolve) => this.request.once('continue', resolve));
    this.response = new Promise((resolve, reject) => {
      this.request.once('error', reject).once('response', (response) => {
        let body = '';
        response.setEncoding('utf8').on('data', (text: string) => (body += text));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
      });
    });
    this.request.flushHeaders();
    this.request.write(
      `--${StreamedUpload.BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    );
  }

  /** Streams `totalBytes` of random content in 1 MiB writes, honouring backpressure, then ends the form. */
  async send(totalBytes: number): Promise<void> {
    for (let sent = 0; sent < totalBytes;) {
      const chunk = randomBytes(Math.min(1024 * 1024, totalBytes - sent));
      sent += chunk.length;
      if (!this.request.write(chunk)) await new Promise((resolve) => this.request.once('drain', resolve));
    }
    this.request.end(`\r\n--${StreamedUpload.BOUNDARY}--\r\n`);
  }
}

/** The process's peak resident memory so far in MiB (Linux `VmHWM`). */
export function peakRssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = Number(/^VmHWM:\s+(\d+) kB$/m.exec(status)?.[1]);
  if (!kib) throw new Error(`no VmHWM in /proc/${pid}/status`);
  return kib / 1024;
}
