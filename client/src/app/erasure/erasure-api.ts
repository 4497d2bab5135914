/** The erasure API: a patient's erasure status (what remains) and the admins' verified requests. */
import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type { ErasureRequestCreated, ErasureRequestInput, ErasureStatus } from '@api';

/** How long the page waits for the server to follow the chain and finish shredding (the indexer polls each second). */
const SHREDDING_CHECKS = 20;
const SHREDDING_CHECK_MS = 500;

@Injectable({ providedIn: 'root' })
export class ErasureApi {
  private readonly http = inject(HttpClient);

  /** Erased or not, when and by whom, and what remains (the patient and admins). */
  status(patient: string): Promise<ErasureStatus> {
    return firstValueFrom(this.http.get<ErasureStatus>(`/api/erasure/status/${patient}`));
  }

  /** Admins: records a verified request; answers the commitment to pass to Erasure.eraseFor. */
  createRequest(request: ErasureRequestInput): Promise<ErasureRequestCreated> {
    return firstValueFrom(this.http.post<ErasureRequestCreated>('/api/erasure/requests', request));
  }

  /** The status once the server has shredded the erasure mined in `blockNumber` (or the last one read, if it takes longer). */
  async statusOnceShredded(patient: string, blockNumber: number): Promise<ErasureStatus> {
    let status = await this.status(patient);
    for (let check = 1; check < SHREDDING_CHECKS; check++) {
      if (status.shredded && (status.blockNumber ?? 0) >= blockNumber) break;
      await new Promise((resolve) => setTimeout(resolve, SHREDDING_CHECK_MS));
      status = await this.status(patient);
    }
    return status;
  }
}
