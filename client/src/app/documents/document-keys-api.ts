/**
 * Published public keys and wrapped document keys through the API. The server only relays them: every
 * published key is verified in the browser (DocumentKeyring) before anything is encrypted to it.
 */
import { HttpClient, HttpErrorResponse, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { type Observable, firstValueFrom } from 'rxjs';
import type {
  DocumentKey,
  DocumentSharing as SharingChoice,
  PatientDocumentKey,
  PatientDocumentKeys,
  PublishKeyBody,
  PublishedKeyView,
  RecoveryClaim,
  RecoveryKeyBody,
  RecoveryKeyView,
  StoreDocumentKeysBody,
} from '@api';

@Injectable({ providedIn: 'root' })
export class DocumentKeysApi {
  private readonly http = inject(HttpClient);

  /** `address`'s published key, or null when they have not published one (404). */
  publishedKey(address: string): Promise<PublishedKeyView | null> {
    return orNullOn404(this.http.get<PublishedKeyView>(`/api/keys/${encodeURIComponent(address)}`));
  }

  publishMine(body: PublishKeyBody): Promise<PublishedKeyView> {
    return firstValueFrom(this.http.put<PublishedKeyView>('/api/keys/me', body));
  }

  /** The signed-in patient's recovery key, or null when none is registered (404). */
  myRecoveryKey(): Promise<RecoveryKeyView | null> {
    return orNullOn404(this.http.get<RecoveryKeyView>('/api/keys/me/recovery'));
  }

  registerRecoveryKey(body: RecoveryKeyBody): Promise<RecoveryKeyView> {
    return firstValueFrom(this.http.put<RecoveryKeyView>('/api/keys/me/recovery', body));
  }

  /** A new wallet proves it holds `patient`'s recovery code and receives every recovery-wrapped key. */
  claimRecovery(patient: string, proof: string): Promise<RecoveryClaim> {
    return firstValueFrom(
      this.http.post<RecoveryClaim>(`/api/keys/recovery/${encodeURIComponent(patient)}/claim`, { proof }),
    );
  }

  /** Stores wrapped keys of one document (added or replaced per recipient). */
  storeKeys(cid: string, body: StoreDocumentKeysBody): Promise<void> {
    return firstValueFrom(this.http.put<void>(`/api/documents/${encodeURIComponent(cid)}/keys`, body));
  }

  /** The caller's own wrapped key of a document (a doctor's only while the chain says hasAccess). */
  myKey(cid: string): Promise<DocumentKey> {
    return firstValueFrom(this.http.get<DocumentKey>(`/api/documents/${encodeURIComponent(cid)}/key`));
  }

  /** The patient's documents' keys and who else holds a wrap of each. */
  async patientKeys(patient: string): Promise<PatientDocumentKey[]> {
    const params = new HttpParams().set('patient', patient);
    return (await firstValueFrom(this.http.get<PatientDocumentKeys>('/api/documents/keys', { params }))).items;
  }

  setSharing(cid: string, sharing: SharingChoice): Promise<void> {
    return firstValueFrom(this.http.patch<void>(`/api/documents/${encodeURIComponent(cid)}/sharing`, { sharing }));
  }

  /** The patient stops sharing one document with one reader. */
  removeReader(cid: string, recipient: string): Promise<void> {
    return firstValueFrom(
      this.http.delete<void>(`/api/documents/${encodeURIComponent(cid)}/keys/${encodeURIComponent(recipient)}`),
    );
  }
}

async function orNullOn404<T>(request: Observable<T>): Promise<T | null> {
  try {
    return await firstValueFrom(request);
  } catch (error) {
    if (error instanceof HttpErrorResponse && error.status === 404) return null;
    throw error;
  }
}
