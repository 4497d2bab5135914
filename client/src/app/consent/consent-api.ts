/** Reads consent through the API, which asks the Consent contract live (the chain is written through ConsentContract). */
import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type { ConsentView } from '@api';

@Injectable({ providedIn: 'root' })
export class ConsentApi {
  private readonly http = inject(HttpClient);

  /** The doctor's current access to the patient's records; only the two parties (and admins) may ask. */
  read(patient: string, doctor: string): Promise<ConsentView> {
    const path = `/api/consent/${encodeURIComponent(patient)}/${encodeURIComponent(doctor)}`;
    return firstValueFrom(this.http.get<ConsentView>(path));
  }
}
