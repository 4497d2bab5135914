/** Reads consent through the API, which asks the Consent contract live (the chain is written through ConsentContract). */
import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type { ConsentView, PatientConsentPage } from '@api';

@Injectable({ providedIn: 'root' })
export class ConsentApi {
  private readonly http = inject(HttpClient);

  /** The doctor's current access to the patient's records; only the two parties (and admins) may ask. */
  read(patient: string, doctor: string): Promise<ConsentView> {
    const path = `/api/consent/${encodeURIComponent(patient)}/${encodeURIComponent(doctor)}`;
    return firstValueFrom(this.http.get<ConsentView>(path));
  }

  /**
   * Every doctor the patient has (or had) a grant or appointment access with, each with its access read
   * live: suspended grants of doctors an admin revoked included. Only the patient (and admins) may ask.
   */
  listForPatient(patient: string, page: { offset: number; limit: number }): Promise<PatientConsentPage> {
    const params = new HttpParams().set('offset', page.offset).set('limit', page.limit);
    return firstValueFrom(this.http.get<PatientConsentPage>(`/api/consent/${encodeURIComponent(patient)}`, { params }));
  }
}
