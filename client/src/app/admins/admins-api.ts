/** The admins, as the API reads them from the Registry (changes are chain writes: AdminRegistry). */
import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type { AdminList } from '@api';

@Injectable({ providedIn: 'root' })
export class AdminsApi {
  private readonly http = inject(HttpClient);

  list(): Promise<AdminList> {
    return firstValueFrom(this.http.get<AdminList>('/api/admins'));
  }
}
