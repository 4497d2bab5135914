/** The doctors read model and off-chain profiles (the chain itself is written through DoctorRegistry). */
import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type {
  DoctorListQuery,
  DoctorPage,
  DoctorProfileRequest,
  DoctorView,
  LicenceCheck,
  LicenceRequest,
  RegisteredDoctorStatus,
} from '@api';

@Injectable({ providedIn: 'root' })
export class DoctorsApi {
  private readonly http = inject(HttpClient);

  list(query: DoctorListQuery): Promise<DoctorPage> {
    let params = new HttpParams().set('offset', query.offset).set('limit', query.limit);
    if (query.status) params = params.set('status', query.status);
    return firstValueFrom(this.http.get<DoctorPage>('/api/doctors', { params }));
  }

  /** How many doctors have this status; one row is the least the API pages, and only `total` is read. */
  async count(status: RegisteredDoctorStatus): Promise<number> {
    return (await this.list({ status, offset: 0, limit: 1 })).total;
  }

  /** Stores the licence number and the salt of its on-chain hash (before registering: the hash is useless without the salt). */
  async saveLicence(licence: LicenceRequest): Promise<void> {
    await firstValueFrom(this.http.put<void>('/api/doctors/me/licence', licence));
  }

  /** Admins only: the doctor's stored licence number and whether it opens the hash on chain. */
  checkLicence(address: string): Promise<LicenceCheck> {
    return firstValueFrom(this.http.get<LicenceCheck>(`/api/doctors/${address}/licence`));
  }

  /** Saves the display name. The API checks the registration on chain, so it works right after mining. */
  saveProfile(displayName: string): Promise<DoctorView> {
    return firstValueFrom(
      this.http.put<DoctorView>('/api/doctors/me/profile', { displayName } satisfies DoctorProfileRequest),
    );
  }
}
