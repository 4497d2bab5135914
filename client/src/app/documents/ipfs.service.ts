/**
 * Encrypted documents in and out of IPFS through kubo-rpc-client (docs/decisions/0012), pointed at the app's
 * own endpoint /api/ipfs/api/v0: same origin, so the session cookie goes along, and the server forwards only
 * add, cat and pin commands of signed-in users. Only envelopes (crypto/envelope.ts) are ever added.
 *
 * The library is ESM-only and heavy: it is imported when a document is first added or read, never with the
 * initial bundle.
 */
import { DOCUMENT, Injectable, inject } from '@angular/core';
import type { KuboRPCClient } from 'kubo-rpc-client';

/** How far an add has come: bytes the node has taken in so far, of `total`. */
export type AddProgress = (loaded: number, total: number) => void;

@Injectable({ providedIn: 'root' })
export class IpfsDocuments {
  private readonly origin = inject(DOCUMENT).location.origin;
  private client?: Promise<KuboRPCClient>;

  /** Pins `bytes` (an envelope) and answers its CID (v0, as the embedded node makes it). */
  async add(bytes: Uint8Array, onProgress?: AddProgress): Promise<string> {
    const client = await this.connect();
    const added = await client.add(bytes, {
      pin: true,
      ...(onProgress && { progress: (loaded: number) => onProgress(loaded, bytes.length) }),
    });
    onProgress?.(bytes.length, bytes.length);
    return added.cid.toString();
  }

  /** The bytes behind `cid`, exactly as pinned (check them against the chain before trusting them). */
  async cat(cid: string): Promise<Uint8Array> {
    const client = await this.connect();
    const chunks: Uint8Array[] = [];
    let length = 0;
    for await (const chunk of client.cat(cid)) {
      chunks.push(chunk);
      length += chunk.length;
    }
    const bytes = new Uint8Array(length);
    let offset = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, offset);
      offset += chunk.length;
    }
    return bytes;
  }

  private connect(): Promise<KuboRPCClient> {
    // The library appends /api/v0 only to a bare origin; a URL with a path is taken as the API path itself.
    this.client ??= import('kubo-rpc-client').then(({ create }) => create({ url: `${this.origin}/api/ipfs/api/v0` }));
    return this.client;
  }
}
