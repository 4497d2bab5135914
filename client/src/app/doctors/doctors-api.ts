/** The doctors read model and off-chain profiles (the chain itself is written through DoctorRegistry). */
import { HttpClient, HttpErrorResponse, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type { DoctorPage, DoctorView } from './doctor';

export interface DoctorQuery {
  status?: DoctorView['status'];
  offset: number;
  limit: number;
}

/** The indexer follows the chain about once a second; give a fresh registration a few rounds. */
const PROFILE_RETRY_DELAY_MS = 750;
const PROFILE_RETRY_ATTEMPTS = 12;

@Injectable({ providedIn: 'root' })
export class DoctorsApi {
  private readonly http = inject(HttpClient);

  list(query: DoctorQuery): Promise<DoctorPage> {
    let params = new HttpParams().set('offset', query.offset).set('limit', query.limit);
    if (query.status) params = params.set('status', query.status);
    return firstValueFrom(this.http.get<DoctorPage>('/api/doctors', { params }));
  }

  /** Saves the display name, waiting for the read model to learn about a just-mined registration. */
  async saveProfile(displayName: string): Promise<DoctorView> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await firstValueFrom(this.http.put<DoctorView>('/api/doctors/me/profile', { displayName }));
      } catch (error) {
        const notIndexedYet = error instanceof HttpErrorResponse && (error.status === 404 || error.status === 409);
        if (!notIndexedYet || attempt >= PROFILE_RETRY_ATTEMPTS) throw error;
        await new Promise((resolve) => setTimeout(resolve, PROFILE_RETRY_DELAY_MS));
      }
    }
  }
}
