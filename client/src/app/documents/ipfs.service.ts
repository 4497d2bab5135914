/**
 * Encrypted documents in and out of IPFS through kubo-rpc-client (the Kubo RPC client library), pointed at
 * the app's endpoint /api/ipfs/api/v0 (same origin, so the session cookie goes along; the server forwards
 * only add, cat and pin commands of signed-in users). Only envelopes (crypto/envelope.ts) are ever added.
 */
import { Injectable, inject } from '@angular/core';
import type { KuboRPCClient } from 'kubo-rpc-client';
import { KUBO_RPC_CLIENT } from './kubo-rpc-client-loader';

/** How far an add has come: bytes sent so far, of `total`. */
export type AddProgress = (loaded: number, total: number) => void;

/** The app's Kubo RPC endpoint; the library appends `/add`, `/cat`, … */
export const IPFS_API_PATH = '/api/ipfs/api/v0';

@Injectable({ providedIn: 'root' })
export class IpfsDocuments {
  private readonly loadLibrary = inject(KUBO_RPC_CLIENT);
  private client?: Promise<KuboRPCClient>;

  /** Pins `bytes` (an envelope) and answers its CID (v0, as Kubo makes it by default). */
  async add(bytes: Uint8Array, onProgress?: AddProgress): Promise<string> {
    const ipfs = await this.ipfs();
    const added = await ipfs.add(bytes, {
      pin: true,
      cidVersion: 0,
      // In browsers the library derives this from the upload's own progress events: bytes really sent.
      progress: onProgress && ((sent: number) => onProgress(sent, bytes.length)),
    });
    onProgress?.(bytes.length, bytes.length);
    return added.cid.toString();
  }

  /** The bytes behind `cid`, exactly as pinned (check them against the chain before trusting them). */
  async cat(cid: string): Promise<Uint8Array> {
    const ipfs = await this.ipfs();
    const chunks: Uint8Array[] = [];
    let length = 0;
    for await (const chunk of ipfs.cat(cid)) {
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

  private ipfs(): Promise<KuboRPCClient> {
    this.client ??= this.loadLibrary().then((create) => create({ url: new URL(IPFS_API_PATH, location.origin) }));
    return this.client;
  }
}
