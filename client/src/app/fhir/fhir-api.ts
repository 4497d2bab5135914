/** A patient's record as a FHIR R4 Bundle through the API (GET /api/fhir/Patient/:address/$everything). */
import { HttpClient, HttpHeaders } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type { FhirBundle } from '@api';
import { FHIR_CONTENT_TYPE } from '@api/fhir-uris';

@Injectable({ providedIn: 'root' })
export class FhirApi {
  private readonly http = inject(HttpClient);

  /** The Bundle as the server builds it: documents as pointers to their ciphertext, never decrypted. */
  everything(patient: string): Promise<FhirBundle> {
    return firstValueFrom(
      this.http.get<FhirBundle>(`/api/fhir/Patient/${encodeURIComponent(patient)}/$everything`, {
        headers: new HttpHeaders({ Accept: FHIR_CONTENT_TYPE }),
      }),
    );
  }
}
