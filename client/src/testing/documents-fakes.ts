/**
 * Test doubles at the documents feature's outer edges (the crypto is always real): an in-memory IPFS, a Records
 * contract that keeps entries in memory, a published key signed by a real wallet, and an HTTP responder that
 * answers requests as they arrive and records their order.
 */
/* eslint-disable @typescript-eslint/require-await -- the fakes keep the async signatures of the services they stand for */
import type { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import { Wallet, type HDNodeWallet } from 'ethers';
import {
  ciphertextHash,
  deriveKeyPair,
  keyDerivationMessage,
  publicKeyToHex,
  publishedKeyMessage,
} from '../app/documents/crypto';
import type { KeyPair, PublishedKey } from '../app/documents/crypto';
import type { ChainRecordEntry } from '../app/documents/records-contract';
import type { RecordKind } from '@api';

export class MemoryIpfs {
  readonly blocks = new Map<string, Uint8Array>();
  failAdd: Error | null = null;
  private next = 1;

  async add(bytes: Uint8Array, onProgress?: (loaded: number, total: number) => void): Promise<string> {
    if (this.failAdd) throw this.failAdd;
    onProgress?.(bytes.length / 2, bytes.length);
    const cid = `Qm${String(this.next++).padStart(44, 'x')}`;
    this.blocks.set(cid, bytes.slice());
    onProgress?.(bytes.length, bytes.length);
    return cid;
  }

  async cat(cid: string): Promise<Uint8Array> {
    const bytes = this.blocks.get(cid);
    if (!bytes) throw new Error(`no block ${cid}`);
    return bytes.slice();
  }
}

export class MemoryRecordsContract {
  readonly entries: ChainRecordEntry[] = [];
  /** Set to make the next anchoring fail as a rejected transaction does (null). */
  failAnchor = false;

  async add(patient: string, kind: RecordKind, cid: string, contentHash: string): Promise<number | null> {
    if (this.failAnchor) return null;
    const id = this.entries.length + 1;
    this.entries.push({
      id,
      patient,
      author: patient,
      kind,
      cid,
      contentHash,
      createdAt: 0,
      amends: null,
      amendedBy: null,
    });
    return id;
  }

  async amend(amendedId: number, cid: string, contentHash: string): Promise<number | null> {
    const old = this.entries[amendedId - 1];
    return this.add(old.patient, old.kind, cid, contentHash);
  }

  async entry(id: number): Promise<ChainRecordEntry> {
    return this.entries[id - 1];
  }

  /** As the contract pages a patient's entries: in anchoring order, at most 100 per page. */
  async patientPage(patient: string, offset: number, limit: number): Promise<ChainRecordEntry[]> {
    return this.entries.filter((entry) => entry.patient === patient).slice(offset, offset + Math.min(limit, 100));
  }

  /** Anchors `bytes` as they are (for opener tests). */
  anchor(patient: string, cid: string, bytes: Uint8Array): ChainRecordEntry {
    const entry: ChainRecordEntry = {
      id: this.entries.length + 1,
      patient,
      author: patient,
      kind: 'test-report',
      cid,
      contentHash: ciphertextHash(bytes),
      createdAt: 0,
      amends: null,
      amendedBy: null,
    };
    this.entries.push(entry);
    return entry;
  }
}

/** The key pair `account` derives in the app, and its published key as GET /api/keys/:address serves it. */
export async function documentKeysOf(
  account: Wallet | HDNodeWallet,
  chainId: number,
): Promise<{ keyPair: KeyPair; published: PublishedKey & { chainId: number; publishedAt: string } }> {
  const keyPair = deriveKeyPair(await account.signMessage(keyDerivationMessage(account.address, chainId)));
  const publicKey = publicKeyToHex(keyPair.publicKey);
  const signature = await account.signMessage(publishedKeyMessage(publicKey, account.address, chainId));
  return {
    keyPair,
    published: { address: account.address, publicKey, chainId, signature, publishedAt: '2026-01-01T00:00:00.000Z' },
  };
}

export type Handler = (request: TestRequest) => void;

/**
 * Answers each request as it arrives with the first handler whose key ("GET /api/records/pending") matches
 * the method and URL start; `log` holds "METHOD url" in arrival order. Stop it with the returned function.
 */
export function respond(
  http: HttpTestingController,
  handlers: Record<string, Handler>,
): { log: string[]; stop: () => void } {
  const log: string[] = [];
  const timer = setInterval(() => {
    for (const request of http.match(() => true)) {
      const line = `${request.request.method} ${request.request.urlWithParams}`;
      log.push(line);
      const key = Object.keys(handlers).find((candidate) => {
        const [method, path] = candidate.split(' ');
        return request.request.method === method && request.request.url.startsWith(path);
      });
      if (key) handlers[key](request);
      else
        request.flush(
          { error: { code: 'NOT_FOUND', message: `not in the test: ${line}` } },
          { status: 404, statusText: 'Not Found' },
        );
    }
  }, 2);
  return { log, stop: () => clearInterval(timer) };
}

export { Wallet };
