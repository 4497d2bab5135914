/** The doctors read model and off-chain profiles (the chain itself is written through DoctorRegistry). */
import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type {
  AdminProfileSave,
  DoctorPage,
  DoctorProfileRequest,
  DoctorSearch,
  DoctorView,
  LicenceCheck,
  LicenceRequest,
  RegisteredDoctorStatus,
} from '@api';

@Injectable({ providedIn: 'root' })
export class DoctorsApi {
  private readonly http = inject(HttpClient);

  /** One page of doctors; filters left undefined or empty are not sent. Non-admins get verified doctors only. */
  list(search: DoctorSearch): Promise<DoctorPage> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(search) as [string, string | number | undefined][]) {
      if (value !== undefined && value !== '') params = params.set(key, value);
    }
    return firstValueFrom(this.http.get<DoctorPage>('/api/doctors', { params }));
  }

  get(address: string): Promise<DoctorView> {
    return firstValueFrom(this.http.get<DoctorView>(`/api/doctors/${address}`));
  }

  /** How many doctors have this status; one row is the least the API pages, and only `total` is read. */
  async count(status: RegisteredDoctorStatus): Promise<number> {
    return (await this.list({ status, offset: 0, limit: 1 })).total;
  }

  /** Stores the licence number and the salt of its on-chain hash (before registering: the hash is useless without the salt). */
  async saveLicence(licence: LicenceRequest): Promise<void> {
    await firstValueFrom(this.http.put<void>('/api/doctors/me/licence', licence));
  }

  /** Add Doctor (admins): the licence of the doctor about to be registered with registerDoctorFor. */
  async saveLicenceFor(address: string, licence: LicenceRequest): Promise<void> {
    await firstValueFrom(this.http.put<void>(`/api/doctors/${address}/licence`, licence));
  }

  /** Admins only: the doctor's stored licence number and whether it opens the hash on chain. */
  checkLicence(address: string): Promise<LicenceCheck> {
    return firstValueFrom(this.http.get<LicenceCheck>(`/api/doctors/${address}/licence`));
  }

  /** Saves the caller's profile. The API checks the registration on chain, so it works right after mining. */
  saveProfile(profile: DoctorProfileRequest): Promise<DoctorView> {
    return firstValueFrom(this.http.put<DoctorView>('/api/doctors/me/profile', profile));
  }

  /** Add / Edit Doctor (admins): saves a doctor's profile; the answer names the fields that changed. */
  saveProfileFor(address: string, profile: DoctorProfileRequest): Promise<AdminProfileSave> {
    return firstValueFrom(this.http.put<AdminProfileSave>(`/api/doctors/${address}/profile`, profile));
  }
}
