/**
 * Reads appointments through the API (the read model the indexer builds from Appointments events), writes the
 * doctor's off-chain rejection reason, asks for a doctor's free slots and follows changes live. The chain is
 * written through AppointmentsContract.
 */
import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, firstValueFrom } from 'rxjs';
import type {
  AppointmentChange,
  AppointmentPage,
  AppointmentStats,
  AppointmentView,
  FreeSlots,
  PracticeHoursRequest,
  PracticeView,
} from '@api';

/** GET /api/appointments's filters as the client passes them (instants as ISO strings). */
export interface AppointmentFilter {
  status?: readonly string[];
  from?: string;
  to?: string;
  patient?: string;
  doctor?: string;
  order?: 'asc' | 'desc';
  offset?: number;
  limit?: number;
}

@Injectable({ providedIn: 'root' })
export class AppointmentsApi {
  private readonly http = inject(HttpClient);

  /** Mine (a patient's bookings, a doctor's queue), or for admins every one, sorted by slot. */
  list(filter: AppointmentFilter = {}): Promise<AppointmentPage> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(filter)) {
      if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
      params = params.set(key, Array.isArray(value) ? value.join(',') : String(value));
    }
    return firstValueFrom(this.http.get<AppointmentPage>('/api/appointments', { params }));
  }

  /** One appointment (its two parties and admins). */
  get(id: string | bigint): Promise<AppointmentView> {
    return firstValueFrom(this.http.get<AppointmentView>(`/api/appointments/${id}`));
  }

  /** The doctor's reason for rejecting a request, once rejected on chain. */
  saveRejectionReason(id: string | bigint, text: string): Promise<void> {
    return firstValueFrom(this.http.put<void>(`/api/appointments/${id}/rejection-reason`, { text }));
  }

  /** The doctor's free slots from `from` (default: the latest block's time) to `to` (default: 14 days later). */
  freeSlots(doctor: string, range: { from?: string; to?: string } = {}): Promise<FreeSlots> {
    let params = new HttpParams();
    if (range.from) params = params.set('from', range.from);
    if (range.to) params = params.set('to', range.to);
    return firstValueFrom(this.http.get<FreeSlots>(`/api/doctors/${encodeURIComponent(doctor)}/slots`, { params }));
  }

  /** A doctor's terms (chain) and consulting hours. */
  practice(doctor: string): Promise<PracticeView> {
    return firstValueFrom(this.http.get<PracticeView>(`/api/doctors/${encodeURIComponent(doctor)}/practice`));
  }

  /** The signed-in doctor saves their consulting hours. */
  savePracticeHours(hours: PracticeHoursRequest): Promise<PracticeView> {
    return firstValueFrom(this.http.put<PracticeView>('/api/doctors/me/practice', hours));
  }

  /** The admin dashboard's appointment charts. */
  stats(): Promise<AppointmentStats> {
    return firstValueFrom(this.http.get<AppointmentStats>('/api/appointments/stats'));
  }

  /**
   * Each change to one of the signed-in account's appointments as the indexer applies it (server-sent
   * events; the browser reconnects by itself after a dropped connection). Unsubscribing closes the stream.
   */
  changes(): Observable<AppointmentChange> {
    return new Observable<AppointmentChange>((subscriber) => {
      const source = new EventSource('/api/appointments/stream', { withCredentials: true });
      source.addEventListener('appointment', (event) => {
        subscriber.next(JSON.parse((event as MessageEvent<string>).data) as AppointmentChange);
      });
      return () => source.close();
    });
  }
}
