/** Patient profiles and the admins' patient list (registration itself is a chain write: PatientRegistry). */
import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type { PatientListQuery, PatientPage, PatientProfileRequest, PatientView } from '@api';

@Injectable({ providedIn: 'root' })
export class PatientsApi {
  private readonly http = inject(HttpClient);

  /** The signed-in patient's profile and health data. */
  mine(): Promise<PatientView> {
    return firstValueFrom(this.http.get<PatientView>('/api/patients/me'));
  }

  /** Replaces the signed-in patient's profile. The API checks the registration on chain, so it works right after mining. */
  saveMine(profile: PatientProfileRequest): Promise<PatientView> {
    return firstValueFrom(this.http.put<PatientView>('/api/patients/me', profile));
  }

  /** A patient as an admin or a doctor with access sees them; the API logs the read. */
  get(address: string): Promise<PatientView> {
    return firstValueFrom(this.http.get<PatientView>(`/api/patients/${address}`));
  }

  /** Admins only: registered patients with their names. */
  list(query: PatientListQuery): Promise<PatientPage> {
    const params = new HttpParams().set('offset', query.offset).set('limit', query.limit);
    return firstValueFrom(this.http.get<PatientPage>('/api/patients', { params }));
  }
}
