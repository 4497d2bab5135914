/** The access log of patients' health data (GET /api/audit/me, /api/audit, /api/audit/verify). */
import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type { AuditPage, AuditVerification } from '@api';

@Injectable({ providedIn: 'root' })
export class AuditApi {
  private readonly http = inject(HttpClient);

  /** Patients: who read my data, or was refused, newest first. */
  mine(offset: number, limit: number): Promise<AuditPage> {
    const params = new HttpParams().set('offset', offset).set('limit', limit);
    return firstValueFrom(this.http.get<AuditPage>('/api/audit/me', { params }));
  }

  /** Admins: every entry, newest first. */
  all(offset: number, limit: number): Promise<AuditPage> {
    const params = new HttpParams().set('offset', offset).set('limit', limit);
    return firstValueFrom(this.http.get<AuditPage>('/api/audit', { params }));
  }

  /** Admins: the chain recomputed and compared with the head anchored on chain. */
  verify(): Promise<AuditVerification> {
    return firstValueFrom(this.http.get<AuditVerification>('/api/audit/verify'));
  }
}
