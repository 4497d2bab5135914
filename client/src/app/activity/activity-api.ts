/** The Activity Tracker's timelines (GET /api/activity). */
import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type { ActivityPage, ActivityQuery } from '@api';

@Injectable({ providedIn: 'root' })
export class ActivityApi {
  private readonly http = inject(HttpClient);

  /** One page, newest first; `subject` (another account) is for admins only. */
  list(query: ActivityQuery): Promise<ActivityPage> {
    let params = new HttpParams();
    for (const name of ['subject', 'kind', 'from', 'to', 'offset', 'limit'] as const) {
      const value = query[name];
      if (value !== undefined && value !== '') params = params.set(name, value);
    }
    return firstValueFrom(this.http.get<ActivityPage>('/api/activity', { params }));
  }
}
