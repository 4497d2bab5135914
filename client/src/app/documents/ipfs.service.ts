/**
 * Encrypted documents in and out of IPFS through the app's Kubo RPC endpoint /api/ipfs/api/v0 (same origin,
 * so the session cookie goes along; the server forwards only add, cat and pin commands of signed-in users).
 * Only envelopes (crypto/envelope.ts) are ever added.
 *
 * Why not kubo-rpc-client here (docs/decisions/0012 chose it): version 7.1.0 does not bundle with Angular's
 * esbuild builder. Its package.json "browser" field disables the Node-only glob-source module, but Angular's
 * build still loads that file and fails on node:os/fs/path (angular/angular-cli#30558, open). The two calls
 * the browser needs are the same Kubo RPC requests the library sends (multipart `add`, `cat?arg=`), and
 * HttpClient reports real upload progress, which the library's `progress` (node-side chunking) does not.
 */
import { HttpClient, HttpEventType, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { firstValueFrom, lastValueFrom, tap, filter, map } from 'rxjs';
import type { IpfsAdded } from '@api';

/** How far an add has come: bytes sent so far, of `total`. */
export type AddProgress = (loaded: number, total: number) => void;

const API = '/api/ipfs/api/v0';

@Injectable({ providedIn: 'root' })
export class IpfsDocuments {
  private readonly http = inject(HttpClient);

  /** Pins `bytes` (an envelope) and answers its CID (v0, as the embedded node makes it). */
  async add(bytes: Uint8Array, onProgress?: AddProgress): Promise<string> {
    const form = new FormData();
    form.append('file', new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' }), 'document');
    const params = new HttpParams().set('pin', 'true').set('cid-version', '0');
    const added = await lastValueFrom(
      this.http.post<IpfsAdded>(`${API}/add`, form, { params, reportProgress: true, observe: 'events' }).pipe(
        tap((event) => {
          if (event.type === HttpEventType.UploadProgress) onProgress?.(event.loaded, event.total ?? bytes.length);
        }),
        filter((event) => event.type === HttpEventType.Response),
        map((event) => event.body!),
      ),
    );
    onProgress?.(bytes.length, bytes.length);
    return added.Hash;
  }

  /** The bytes behind `cid`, exactly as pinned (check them against the chain before trusting them). */
  async cat(cid: string): Promise<Uint8Array> {
    const params = new HttpParams().set('arg', cid);
    const body = await firstValueFrom(this.http.post(`${API}/cat`, null, { params, responseType: 'arraybuffer' }));
    return new Uint8Array(body);
  }
}
