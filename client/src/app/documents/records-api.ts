/**
 * The patient's record through the API: the read model the indexer builds from Records events (the chain is
 * the truth), and the uploads pinned to IPFS but not yet anchored, kept so a failed anchor can be retried.
 */
import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type { PendingRecord, PendingRecordBody, PendingRecords, RecordsPage } from '@api';

@Injectable({ providedIn: 'root' })
export class RecordsApi {
  private readonly http = inject(HttpClient);

  /** `patient`'s entries, newest first, every version (amended ones carry amendedBy). */
  list(patient: string, page: { offset?: number; limit?: number } = {}): Promise<RecordsPage> {
    let params = new HttpParams().set('patient', patient);
    if (page.offset !== undefined) params = params.set('offset', page.offset);
    if (page.limit !== undefined) params = params.set('limit', page.limit);
    return firstValueFrom(this.http.get<RecordsPage>('/api/records', { params }));
  }

  /** Notes an upload as pinned before its anchoring transaction is sent, so it is never silently orphaned. */
  addPending(body: PendingRecordBody): Promise<PendingRecord> {
    return firstValueFrom(this.http.post<PendingRecord>('/api/records/pending', body));
  }

  /** The signed-in author's uploads pinned but not anchored yet, oldest first. */
  async pending(): Promise<PendingRecord[]> {
    return (await firstValueFrom(this.http.get<PendingRecords>('/api/records/pending'))).items;
  }

  /** The author gives up on anchoring a pinned upload. */
  discardPending(cid: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(`/api/records/pending/${encodeURIComponent(cid)}`));
  }
}
