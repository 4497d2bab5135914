/**
 * The patient's FHIR export in the browser: the Bundle as the server sends it, or "with documents", where each
 * DocumentReference's ciphertext is fetched by CID, checked against the hash the chain anchored, decrypted with
 * the patient's own key (DocumentOpener does all three) and inlined as an Attachment with its real type and
 * name. The decrypted file is built and saved here: the plaintext never leaves the browser.
 */
import { DOCUMENT, Injectable, inject } from '@angular/core';
import { sha1 } from '@noble/hashes/legacy';
import { encodeBase64 } from 'ethers';
import type { Attachment, DocumentReference } from '@medplum/fhirtypes';
import type { FhirBundle } from '@api';
import { FHIR_CONTENT_TYPE, FHIR_URIS } from '@api/fhir-uris';
import { DocumentOpener } from '../documents/document-opener';
import { errorText } from '../shared/error-text';
import { FhirApi } from './fhir-api';

export interface DocumentsExport {
  bundle: FhirBundle;
  /** How many documents were decrypted and inlined. */
  inlined: number;
  /** The entries that could not be opened (the pointer to their ciphertext stays), with why. */
  failed: { entry: number; reason: string }[];
}

/** The Records entry id and CID a DocumentReference points at (its identifier and ipfs:// URL). */
export function recordPointer(document: DocumentReference): { id: number; cid: string } | null {
  const id = document.identifier?.find((identifier) => identifier.system === FHIR_URIS.recordEntry)?.value;
  const url = document.content[0]?.attachment.url;
  if (!id || !url?.startsWith('ipfs://')) return null;
  return { id: Number(id), cid: url.slice('ipfs://'.length) };
}

/**
 * The decrypted document as an R4 Attachment: `data` base64, `hash` the base64 SHA-1 of that data (what R4
 * defines Attachment.hash to be), `size` its length.
 */
export function inlineAttachment(opened: { name: string; type: string; bytes: Uint8Array }): Attachment {
  return {
    contentType: opened.type || 'application/octet-stream',
    title: opened.name,
    data: encodeBase64(opened.bytes),
    size: opened.bytes.length,
    hash: encodeBase64(sha1(opened.bytes)),
  };
}

@Injectable({ providedIn: 'root' })
export class FhirExport {
  private readonly api = inject(FhirApi);
  private readonly opener = inject(DocumentOpener);
  private readonly document = inject(DOCUMENT);

  record(patient: string): Promise<FhirBundle> {
    return this.api.everything(patient);
  }

  /**
   * The Bundle with every document it points at decrypted and inlined first in its DocumentReference's
   * content; the encrypted pointer (ipfs:// and its anchored SHA-256) stays as the second content item.
   */
  async withDocuments(patient: string): Promise<DocumentsExport> {
    // A fresh object from this request: changed in place, nobody else holds it.
    const bundle = await this.api.everything(patient);
    const failed: DocumentsExport['failed'] = [];
    let inlined = 0;
    for (const entry of bundle.entry ?? []) {
      if (entry.resource?.resourceType !== 'DocumentReference') continue;
      const reference = entry.resource;
      const pointer = recordPointer(reference);
      if (!pointer) continue;
      try {
        const opened = await this.opener.open(pointer);
        this.opener.release(opened);
        reference.content = [{ attachment: inlineAttachment(opened) }, ...reference.content];
        inlined++;
      } catch (error) {
        failed.push({ entry: pointer.id, reason: errorText(error) });
      }
    }
    return { bundle, inlined, failed };
  }

  /** Saves `bundle` as a JSON file through a Blob download (nothing is sent anywhere). */
  save(bundle: FhirBundle, fileName: string): void {
    const blob = new Blob([JSON.stringify(bundle, null, 2)], { type: FHIR_CONTENT_TYPE });
    const url = URL.createObjectURL(blob);
    const link = this.document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.rel = 'noopener';
    this.document.body.append(link);
    link.click();
    link.remove();
    // The click has started the download; the URL is not needed any more.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}
