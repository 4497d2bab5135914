/**
 * Opens one record entry: fetch the envelope by CID, check its sha256 against the hash the chain anchored
 * (read from the contract, not from the API), and only then fetch the caller's wrapped key, unwrap it and
 * decrypt. Any mismatch is an IntegrityError and the bytes are never handed out. Asking for the key is
 * what the server logs in the patient's access log (and refuses once consent is revoked).
 */
import { Injectable, inject } from '@angular/core';
import type { RecordEntry } from '@api';
import { ciphertextHash, decryptDocument, EnvelopeError, KeyWrapError, unwrapKey } from './crypto';
import { DocumentKeyring } from './document-keys.service';
import { DocumentKeysApi } from './document-keys-api';
import { IpfsDocuments } from './ipfs.service';
import { RecordsContract } from './records-contract';
import { wrappedKeyBytes } from './wrapped-key-hex';

/** The bytes fetched are not the ones the chain anchored (or do not decrypt): never shown. */
export class IntegrityError extends Error {
  override readonly name = 'IntegrityError';
}

export interface OpenedDocument {
  name: string;
  /** MIME type as the uploader's browser reported it ('' when unknown). */
  type: string;
  bytes: Uint8Array;
  /** A blob: URL of the bytes for a viewer or a download; release it with DocumentOpener.release. */
  objectUrl: string;
}

@Injectable({ providedIn: 'root' })
export class DocumentOpener {
  private readonly contract = inject(RecordsContract);
  private readonly ipfs = inject(IpfsDocuments);
  private readonly keysApi = inject(DocumentKeysApi);
  private readonly keyring = inject(DocumentKeyring);

  async open(entry: Pick<RecordEntry, 'id' | 'cid'>): Promise<OpenedDocument> {
    const anchored = await this.contract.entry(entry.id);
    if (anchored.cid !== entry.cid) {
      throw new IntegrityError(`Entry #${entry.id} on chain anchors another document than the one listed.`);
    }
    const envelope = await this.ipfs.cat(anchored.cid).catch((error: unknown) => {
      if ((error as { response?: { status?: number } }).response?.status === 410) {
        throw new Error(
          `Entry #${entry.id} cannot be opened: the patient erased their data. Its keys are destroyed and the file is removed; nobody can open it any more.`,
          { cause: error },
        );
      }
      throw error;
    });
    if (ciphertextHash(envelope) !== anchored.contentHash) {
      throw new IntegrityError(
        `Integrity check failed: the document fetched for entry #${entry.id} is not the one anchored on chain. It was not opened.`,
      );
    }
    const { wrappedKey } = await this.keysApi.myKey(anchored.cid);
    const { privateKey } = await this.keyring.myKeyPair();
    try {
      const documentKey = await unwrapKey(wrappedKeyBytes(wrappedKey), privateKey);
      const document = await decryptDocument(envelope, documentKey);
      return {
        name: document.name,
        type: document.type,
        bytes: document.content,
        objectUrl: URL.createObjectURL(
          new Blob([document.content as Uint8Array<ArrayBuffer>], { type: document.type }),
        ),
      };
    } catch (error) {
      if (error instanceof KeyWrapError)
        throw new Error(`Your key for entry #${entry.id} does not open it: ${error.message}.`, {
          cause: error,
        });
      if (error instanceof EnvelopeError)
        throw new IntegrityError(`Entry #${entry.id} could not be decrypted: ${error.message}.`, {
          cause: error,
        });
      throw error;
    }
  }

  release(document: OpenedDocument): void {
    URL.revokeObjectURL(document.objectUrl);
  }
}
