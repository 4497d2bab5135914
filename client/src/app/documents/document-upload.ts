/**
 * One document, from the browser to the chain: encrypt (a fresh key, AES-256-GCM) → pin the envelope to IPFS →
 * note it as pending → wrap its key for each reader and store the wraps → anchor (CID, sha256 of the pinned
 * bytes) on chain. A failed pin anchors nothing; a failed anchor leaves the upload in /api/records/pending,
 * listed for retry (retryAnchor) or discard, never silently orphaned.
 */
import { Injectable, inject, signal } from '@angular/core';
import type { DocumentSharing as SharingChoice, PendingRecord, RecordKind, StoreDocumentKeysBody } from '@api';
import { AppConfigStore } from '../chain/app-config';
import { TransactionRunner } from '../chain/transaction-runner';
import { WalletConnection } from '../chain/wallet-connection';
import { errorText } from '../shared/error-text';
import { type DocumentMetadata, ciphertextHash, encryptDocument, wrapKey } from './crypto';
import { DocumentKeyring } from './document-keys.service';
import { DocumentKeysApi } from './document-keys-api';
import { DocumentRecoveryKey } from './document-recovery-key';
import { IpfsDocuments } from './ipfs.service';
import { RecordsApi } from './records-api';
import { RecordsContract } from './records-contract';
import { IDLE_UPLOAD, type UploadProgress, UploadError, type WorkStage } from './upload-progress';
import { wrappedKeyHex } from './wrapped-key-hex';

export interface UploadRequest {
  /** Whose record the document joins. */
  patient: string;
  kind: RecordKind;
  /** A picked file, or bytes with their metadata (a doctor's structured note). */
  file?: File;
  bytes?: Uint8Array;
  metadata?: DocumentMetadata;
  /** Readers besides the patient and the author (e.g. the doctors with access). */
  recipients: readonly string[];
  /** The patient's default sharing of this document (the patient's own uploads). */
  sharing?: SharingChoice;
  /** The entry this upload corrects (amendRecord). */
  amends?: number;
  /** Per-upload progress (the `progress` signal follows the latest upload). */
  onProgress?: (progress: UploadProgress) => void;
}

export interface UploadResult {
  cid: string;
  recordId: number;
  /** Readers whose published key could not be used (not set up, or not signed by them): nothing was shared with them. */
  notSharedWith: { address: string; reason: string }[];
}

@Injectable({ providedIn: 'root' })
export class DocumentUploader {
  private readonly appConfig = inject(AppConfigStore);
  private readonly wallet = inject(WalletConnection);
  private readonly keyring = inject(DocumentKeyring);
  private readonly recoveryKey = inject(DocumentRecoveryKey);
  private readonly keysApi = inject(DocumentKeysApi);
  private readonly ipfs = inject(IpfsDocuments);
  private readonly recordsApi = inject(RecordsApi);
  private readonly contract = inject(RecordsContract);
  private readonly runner = inject(TransactionRunner);
  private readonly progressSignal = signal<UploadProgress>(IDLE_UPLOAD);

  readonly progress = this.progressSignal.asReadonly();

  /** The largest envelope /api/ipfs accepts (GET /api/config), shown before upload. */
  async maxUploadBytes(): Promise<number> {
    return (await this.appConfig.load()).ipfs.maxUploadBytes;
  }

  async upload(request: UploadRequest): Promise<UploadResult> {
    const report = this.reporter(request);
    let stage: WorkStage = 'encrypt';
    try {
      report({ stage, fraction: 0 });
      const { content, metadata } = await this.contentOf(request);
      await this.checkSize(content, metadata);
      const author = this.wallet.account();
      if (!author) throw new Error('Connect your wallet first.');
      // Every reader's key is resolved before anything leaves the browser: a failure here pins nothing.
      const own = await this.keyring.myKeyPair();
      const readers = await this.readerKeys(request.patient, author, own.publicKey, request.recipients);
      const recovery = sameAddress(author, request.patient) ? await this.recoveryKey.publicKey() : null;
      const encrypted = await encryptDocument(content, metadata);
      const contentHash = ciphertextHash(encrypted.bytes);
      report({ stage, fraction: 1 });

      stage = 'upload';
      report({ stage, fraction: 0 });
      const cid = await this.ipfs.add(encrypted.bytes, (loaded, total) =>
        report({ stage: 'upload', fraction: total ? Math.min(loaded / total, 1) : 1 }),
      );
      await this.recordsApi.addPending({
        patient: request.patient,
        kind: request.kind,
        cid,
        contentHash,
        ...(request.amends !== undefined && { amends: request.amends }),
      });
      const body: StoreDocumentKeysBody = {
        patient: request.patient,
        keys: await Promise.all(
          readers.usable.map(async ({ address, publicKey }) => ({
            recipient: address,
            wrappedKey: wrappedKeyHex(await wrapKey(encrypted.key, publicKey)),
          })),
        ),
        ...(recovery && { recoveryWrappedKey: wrappedKeyHex(await wrapKey(encrypted.key, recovery)) }),
        ...(request.sharing && { sharing: request.sharing }),
      };
      await this.keysApi.storeKeys(cid, body);
      report({ stage, fraction: 1 });

      stage = 'anchor';
      const recordId = await this.anchor(request.patient, request.kind, cid, contentHash, request.amends, report);
      return { cid, recordId, notSharedWith: readers.skipped };
    } catch (error) {
      const failure = error instanceof UploadError ? error : new UploadError(stage, errorText(error));
      report({
        stage: 'failed',
        fraction: this.progressSignal().fraction,
        failedAt: failure.stage,
        error: failure.message,
      });
      throw failure;
    }
  }

  /**
   * Anchors an upload whose anchoring failed before. Its wrapped keys were stored before the first attempt;
   * without the author's own wrap the key is gone (it lived only in memory) and anchoring would publish an
   * entry nobody can open, so that case is refused: discard it and upload again.
   */
  async retryAnchor(pending: PendingRecord, onProgress?: (progress: UploadProgress) => void): Promise<number> {
    const report = this.reporter({ onProgress });
    try {
      await this.keysApi.myKey(pending.cid);
    } catch (error) {
      const failure = new UploadError(
        'anchor',
        `This upload's key was not stored (${errorText(error)}): discard it and upload the file again.`,
        pending.cid,
      );
      report({ stage: 'failed', fraction: 0, failedAt: 'anchor', error: failure.message });
      throw failure;
    }
    try {
      return await this.anchor(
        pending.patient,
        pending.kind,
        pending.cid,
        pending.contentHash,
        pending.amends ?? undefined,
        report,
      );
    } catch (error) {
      const failure = error instanceof UploadError ? error : new UploadError('anchor', errorText(error), pending.cid);
      report({ stage: 'failed', fraction: 0, failedAt: 'anchor', error: failure.message });
      throw failure;
    }
  }

  private async anchor(
    patient: string,
    kind: RecordKind,
    cid: string,
    contentHash: string,
    amends: number | undefined,
    report: (progress: UploadProgress) => void,
  ): Promise<number> {
    report({ stage: 'anchor', fraction: 0 });
    const recordId =
      amends === undefined
        ? await this.contract.add(patient, kind, cid, contentHash)
        : await this.contract.amend(amends, cid, contentHash);
    if (recordId === null) {
      throw new UploadError(
        'anchor',
        `Not anchored: ${this.runner.status().message || 'the transaction failed'}. The encrypted file is pinned and listed under pending uploads to retry.`,
        cid,
      );
    }
    report({ stage: 'done', fraction: 1 });
    return recordId;
  }

  private reporter(request: Pick<UploadRequest, 'onProgress'>): (progress: UploadProgress) => void {
    return (progress) => {
      this.progressSignal.set(progress);
      request.onProgress?.(progress);
    };
  }

  private async contentOf(request: UploadRequest): Promise<{ content: Uint8Array; metadata: DocumentMetadata }> {
    if (request.file) {
      const { name, type } = request.file;
      return { content: new Uint8Array(await request.file.arrayBuffer()), metadata: { name, type } };
    }
    if (request.bytes && request.metadata) return { content: request.bytes, metadata: request.metadata };
    throw new Error('Nothing to upload: give a file, or bytes with their metadata.');
  }

  /** Checked before encrypting: the proxy would refuse an empty or over-limit envelope after all the work. */
  private async checkSize(content: Uint8Array, { name }: DocumentMetadata): Promise<void> {
    if (content.length === 0) throw new Error(`${name} is empty: there is nothing to upload.`);
    const limit = await this.maxUploadBytes();
    if (content.length > limit) {
      throw new Error(`${name} is ${formatBytes(content.length)}; the limit is ${formatBytes(limit)}.`);
    }
  }

  /** The patient, the author and each recipient once, with verified public keys; unusable recipients are skipped. */
  private async readerKeys(
    patient: string,
    author: string,
    ownPublicKey: Uint8Array,
    recipients: readonly string[],
  ): Promise<{ usable: { address: string; publicKey: Uint8Array }[]; skipped: UploadResult['notSharedWith'] }> {
    const usable = [{ address: author, publicKey: ownPublicKey }];
    // The patient must always be able to open their own record: an unusable patient key stops the upload.
    if (!sameAddress(patient, author))
      usable.push({ address: patient, publicKey: await this.keyring.publicKeyOf(patient) });
    const skipped: UploadResult['notSharedWith'] = [];
    for (const address of recipients) {
      if (usable.some((reader) => sameAddress(reader.address, address))) continue;
      try {
        usable.push({ address, publicKey: await this.keyring.publicKeyOf(address) });
      } catch (error) {
        skipped.push({ address, reason: errorText(error) });
      }
    }
    return { usable, skipped };
  }
}

export function sameAddress(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** "812 kB", "25 MB" (decimal units, as the limit is configured). */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${Math.round(bytes / 100) / 10} kB`;
  return `${Math.round(bytes / 100_000) / 10} MB`;
}
