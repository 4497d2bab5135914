/**
 * The document services' two network ends for specs: IPFS (kubo-rpc-client speaks fetch, which the HTTP
 * testing controller does not see) kept in memory, and the key routes of api/document-keys.ts answered
 * from memory through the HttpTestingController, recording every request body so a spec can check what
 * left the browser. The crypto, the keyring and the wallet signatures are the real ones.
 */
import type { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex } from '@noble/hashes/utils';
import type { HDNodeWallet, Wallet } from 'ethers';
import type { DocumentKey, PatientDocumentKey, PublishedKeyView, StoreDocumentKeysBody } from '@api';
import { CHAIN_ID } from '@test-support/dev-chain';
import {
  type KeyPair,
  deriveKeyPair,
  keyDerivationMessage,
  publicKeyToHex,
  publishedKeyMessage,
} from '../app/documents/crypto';

/** IpfsDocuments in memory: a made-up CID per content, the bytes exactly as added. */
export class MemoryIpfs {
  readonly blocks = new Map<string, Uint8Array>();

  add(bytes: Uint8Array, onProgress?: (loaded: number, total: number) => void): Promise<string> {
    const cid = `Qm${bytesToHex(sha256(bytes)).slice(0, 44)}`;
    this.blocks.set(cid, Uint8Array.from(bytes));
    onProgress?.(bytes.length, bytes.length);
    return Promise.resolve(cid);
  }

  cat(cid: string): Promise<Uint8Array> {
    const bytes = this.blocks.get(cid);
    return bytes ? Promise.resolve(Uint8Array.from(bytes)) : Promise.reject(new Error(`No block ${cid}`));
  }
}

/** What a person's browser derives and publishes (as DocumentKeyring does with their wallet). */
export async function documentIdentity(wallet: Wallet | HDNodeWallet): Promise<{
  keys: KeyPair;
  published: PublishedKeyView;
}> {
  const keys = deriveKeyPair(await wallet.signMessage(keyDerivationMessage(wallet.address, CHAIN_ID)));
  const publicKey = publicKeyToHex(keys.publicKey);
  const signature = await wallet.signMessage(publishedKeyMessage(publicKey, wallet.address, CHAIN_ID));
  return {
    keys,
    published: {
      address: wallet.address,
      publicKey,
      chainId: CHAIN_ID,
      signature,
      publishedAt: new Date(0).toISOString(),
    },
  };
}

const notFound = (request: TestRequest, code: string) =>
  request.flush({ error: { code, message: `${code}` } }, { status: 404, statusText: 'Not Found' });

/**
 * Answers /api/keys/* and /api/documents/* from memory until stopped: published keys by address, wrapped keys
 * by CID and recipient. `refuse` makes GET /api/documents/:cid/key answer 403 for a CID.
 */
export class MemoryKeyServer {
  readonly published = new Map<string, PublishedKeyView>();
  readonly wrapped = new Map<string, { patient: string; keys: Map<string, string>; sharing: string }>();
  readonly refused = new Set<string>();
  /** Every request body the browser sent to these routes, in order. */
  readonly bodies: unknown[] = [];
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly http: HttpTestingController,
    /** Whose session the requests come from (GET /api/documents/:cid/key answers their own wrap). */
    private readonly caller: () => string,
  ) {}

  start(): this {
    this.timer = setInterval(() => this.answerPending(), 5);
    return this;
  }

  stop(): void {
    clearInterval(this.timer);
  }

  publish(view: PublishedKeyView): void {
    this.published.set(view.address.toLowerCase(), view);
  }

  private answerPending(): void {
    const pending = this.http.match(
      (request) => request.url.startsWith('/api/keys') || request.url.startsWith('/api/documents'),
    );
    for (const request of pending) this.answer(request);
  }

  private answer(request: TestRequest): void {
    const { method, url, body } = request.request;
    if (body !== null) this.bodies.push(body);
    const path = decodeURIComponent(url);
    if (method === 'GET' && path === '/api/keys/me/recovery') return notFound(request, 'RECOVERY_KEY_NOT_SET');
    if (method === 'PUT' && path === '/api/keys/me') {
      const published = { ...(body as PublishedKeyView), address: this.caller(), chainId: CHAIN_ID, publishedAt: '' };
      this.publish(published);
      return request.flush(published);
    }
    if (method === 'GET' && path.startsWith('/api/keys/')) {
      const found = this.published.get(path.slice('/api/keys/'.length).toLowerCase());
      return found ? request.flush(found) : notFound(request, 'KEY_NOT_PUBLISHED');
    }
    if (method === 'GET' && path === '/api/documents/keys') {
      const patient = request.request.params.get('patient')!.toLowerCase();
      const items: PatientDocumentKey[] = [...this.wrapped]
        .filter(([, document]) => document.patient.toLowerCase() === patient)
        .map(([cid, document]) => ({
          cid,
          sharing: document.sharing as PatientDocumentKey['sharing'],
          wrappedKey: document.keys.get(patient)!,
          recipients: [...document.keys.keys()].filter((recipient) => recipient !== patient),
          hasRecoveryWrap: false,
        }));
      return request.flush({ items });
    }
    const documentKey = /^\/api\/documents\/([^/]+)\/keys?$/.exec(path);
    if (documentKey && method === 'PUT') {
      const stored = body as StoreDocumentKeysBody;
      const document = this.wrapped.get(documentKey[1]) ?? {
        patient: stored.patient,
        keys: new Map<string, string>(),
        sharing: 'doctors-with-access',
      };
      for (const { recipient, wrappedKey } of stored.keys) document.keys.set(recipient.toLowerCase(), wrappedKey);
      if (stored.sharing) document.sharing = stored.sharing;
      this.wrapped.set(documentKey[1], document);
      return request.flush(null, { status: 204, statusText: 'No Content' });
    }
    if (documentKey && method === 'GET') {
      const cid = documentKey[1];
      if (this.refused.has(cid)) {
        return request.flush(
          { error: { code: 'DOCUMENT_NO_ACCESS', message: 'No current consent grant or appointment' } },
          { status: 403, statusText: 'Forbidden' },
        );
      }
      const document = this.wrapped.get(cid);
      const wrappedKey = document?.keys.get(this.caller().toLowerCase());
      if (!document || !wrappedKey) return notFound(request, 'DOCUMENT_KEY_NOT_FOUND');
      return request.flush({
        cid,
        patient: document.patient,
        recipient: this.caller(),
        wrappedKey,
      } satisfies DocumentKey);
    }
    request.flush(
      { error: { code: 'NOT_SERVED', message: `MemoryKeyServer does not serve ${method} ${url}` } },
      { status: 500, statusText: 'Internal Server Error' },
    );
  }
}
